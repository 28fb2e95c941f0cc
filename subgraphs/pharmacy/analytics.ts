import {
  aggregateTableAnchorResolver,
  analyticsFieldResolver,
  cohortSyncResolver,
} from '../kit/analytics/analytics.resolver';
import { createAnalyticsRef } from '../kit/analytics/analytics.type';
import { DP_RETENTION } from './dispensation.repo';

export const SourceAnalytics = createAnalyticsRef();

export const PharmacyAnalyticsResolvers = [
  analyticsFieldResolver(
    SourceAnalytics,
    'dispensations',
    {
      name: 'dispensations',
      source: 'pharmacy',
      table: 'dispensation',
      retention: DP_RETENTION,
      columns: { month: 'e.event_month', atc: 'e.atc', classCode: 'e.class_code', typeCode: 'e.type_code' },
    },
    'Dispensations of the DP (within its retention windows), by ATC level, age band, sex, place of residence and period.',
  ),
  cohortSyncResolver('pharmacy'),
  aggregateTableAnchorResolver(),
] as const;
