import {
  aggregateTableAnchorResolver,
  analyticsFieldResolver,
  cohortSyncResolver,
} from '../kit/analytics/analytics.resolver';
import { createAnalyticsRef } from '../kit/analytics/analytics.type';

export const SourceAnalytics = createAnalyticsRef();

export const OncologyAnalyticsResolvers = [
  analyticsFieldResolver(
    SourceAnalytics,
    'oncologyRecords',
    {
      name: 'oncologyRecords',
      source: 'oncology',
      table: 'dcc_record',
      columns: { month: 'e.event_month', classCode: 'e.class_code', typeCode: 'e.type_code' },
    },
    'DCC documents (RCP, PPS, pathology, operative reports), by type, age band, sex, place of residence and period.',
  ),
  cohortSyncResolver('oncology'),
  aggregateTableAnchorResolver(),
] as const;
