import { residenceOf } from '../../domain/geo';
import type { Scenario } from './scenario';

/** Columns of every source's analytics_subject projection. */
export const ANALYTICS_SUBJECT_COLUMNS = ['patient_ins', 'birth_year', 'sex', 'departement', 'region'] as const;

/** What a source may know of a consenting patient for aggregates: the registry's projection, nothing finer. */
export interface AnalyticsSubject { birthYear: number; sex: 'F' | 'M'; departement: string; region: string }

export function analyticsSubject(ins: string, person: { birthDate: string; sex: 'F' | 'M'; residenceDepartement: string | null; birthplaceCode: string }): AnalyticsSubject {
  const { departement, region } = residenceOf(ins, person.residenceDepartement, person.birthplaceCode);
  return { birthYear: Number(person.birthDate.slice(0, 4)), sex: person.sex, departement, region };
}

/** The projection rows of a scenario: patients who consented to secondary use, on an active record. */
export function analyticsSubjectRows(scenario: Scenario): unknown[][] {
  return (scenario.patients ?? [])
    .filter((p) => p.dmp?.secondaryUse && (p.dmp.status ?? 'ACTIVE') === 'ACTIVE')
    .map((p) => {
      const s = analyticsSubject(p.ins, { birthDate: p.identity.birthDate, sex: p.identity.sex, residenceDepartement: p.residenceDepartement ?? null, birthplaceCode: p.identity.birthplaceCode });
      return [p.ins, s.birthYear, s.sex, s.departement, s.region];
    });
}
