import {
  aggregateTableAnchorResolver,
  analyticsFieldResolver,
  cohortSyncResolver,
} from '../kit/analytics/analytics.resolver';
import { createAnalyticsRef } from '../kit/analytics/analytics.type';
import { HOSPITAL_RETENTION } from './hospital-report.repo';

export const SourceAnalytics = createAnalyticsRef();

export const HospitalAnalyticsResolvers = [
  analyticsFieldResolver(
    SourceAnalytics,
    'hospitalReports',
    {
      name: 'hospitalReports',
      source: 'hospital',
      table: 'hospital_report',
      retention: HOSPITAL_RETENTION,
      columns: { month: 'e.event_month', classCode: 'e.class_code', typeCode: 'e.type_code' },
    },
    'Hospital documents, by class and type, age band, sex, place of residence and period.',
  ),
  analyticsFieldResolver(
    SourceAnalytics,
    'hospitalStays',
    {
      // A stay is what its reports share: the patient and the day it began.
      name: 'hospitalStays',
      source: 'hospital',
      table: 'hospital_report',
      retention: HOSPITAL_RETENTION,
      conditions: ['e.stay_start IS NOT NULL'],
      columns: { month: 'e.stay_month' },
      events: 'count(DISTINCT (e.patient_ins, e.stay_start))',
    },
    'Hospital stays (EVENTS) or patients hospitalised, by age band, sex, place of residence and period of admission.',
  ),
  cohortSyncResolver('hospital'),
  aggregateTableAnchorResolver(),
] as const;
