import {
  aggregateTableAnchorResolver,
  analyticsFieldResolver,
  cohortSyncResolver,
} from '../kit/analytics/analytics.resolver';
import { createAnalyticsRef } from '../kit/analytics/analytics.type';
import { CARE_LINE_RETENTION } from './care-line.repo';

export const SourceAnalytics = createAnalyticsRef();

export const ReimbursementAnalyticsResolvers = [
  analyticsFieldResolver(
    SourceAnalytics,
    'careLines',
    {
      name: 'careLines',
      source: 'reimbursement',
      table: 'care_line',
      retention: CARE_LINE_RETENTION,
      columns: {
        month: 'e.event_month',
        ccam: `CASE WHEN e.act_system = 'CCAM' THEN e.act_code END`,
        classCode: 'e.class_code',
        typeCode: 'e.type_code',
      },
    },
    'Reimbursed acts and drugs (24 months), by CCAM chapter, age band, sex, place of residence and period.',
  ),
  cohortSyncResolver('reimbursement'),
  aggregateTableAnchorResolver(),
] as const;
