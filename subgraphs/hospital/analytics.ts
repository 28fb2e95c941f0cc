import { analyticsFieldResolver, cohortSyncResolver } from '../../runtime/analytics/analytics.resolver';
import { createAnalyticsRef } from '../../runtime/analytics/analytics.type';

export const SourceAnalytics = createAnalyticsRef();
const KEPT = `effective_at > now() - interval '20 years'`;

export const HospitalAnalyticsResolvers = [
  analyticsFieldResolver(SourceAnalytics, 'hospitalReports', {
    name: 'hospitalReports', source: 'hospital', table: 'hospital_report', conditions: [KEPT],
    columns: { month: 'e.event_month', classCode: 'e.class_code', typeCode: 'e.type_code' },
  }, 'Hospital documents, by class and type, age band, sex, place of residence and period.'),
  analyticsFieldResolver(SourceAnalytics, 'hospitalStays', {
    // A stay is what its reports share: the patient and the day it began.
    name: 'hospitalStays', source: 'hospital', table: 'hospital_report', conditions: [KEPT, 'e.stay_start IS NOT NULL'],
    columns: { month: 'e.stay_month' }, events: 'count(DISTINCT (e.patient_ins, e.stay_start))',
  }, 'Hospital stays (EVENTS) or patients hospitalised, by age band, sex, place of residence and period of admission.'),
  cohortSyncResolver('hospital'),
] as const;
