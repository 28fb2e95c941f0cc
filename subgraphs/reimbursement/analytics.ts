import { analyticsFieldResolver, cohortSyncResolver } from '../../runtime/analytics/analytics.resolver';
import { createAnalyticsRef } from '../../runtime/analytics/analytics.type';

export const SourceAnalytics = createAnalyticsRef();

export const ReimbursementAnalyticsResolvers = [
  analyticsFieldResolver(SourceAnalytics, 'careLines', {
    name: 'careLines', source: 'reimbursement', table: 'care_line', conditions: [`effective_at > now() - interval '24 months'`],
    columns: { month: 'e.event_month', ccam: `CASE WHEN e.act_system = 'CCAM' THEN e.act_code END`, classCode: 'e.class_code', typeCode: 'e.type_code' },
  }, 'Reimbursed acts and drugs (24 months), by CCAM chapter, age band, sex, place of residence and period.'),
  cohortSyncResolver('reimbursement'),
] as const;
