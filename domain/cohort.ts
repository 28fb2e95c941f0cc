import { residenceOf } from './geo';

/** Columns of every source's analytics_subject projection. */
export const ANALYTICS_SUBJECT_COLUMNS = ['patient_ins', 'birth_year', 'sex', 'departement', 'region'] as const;

/** What a source may know of a consenting patient for aggregates: the registry's projection, nothing finer. */
export interface AnalyticsSubject {
  birthYear: number;
  sex: 'F' | 'M';
  departement: string;
  region: string;
}

export function analyticsSubject(
  ins: string,
  person: { birthDate: string; sex: 'F' | 'M'; residenceDepartement: string | null; birthplaceCode: string },
): AnalyticsSubject {
  const { departement, region } = residenceOf(ins, person.residenceDepartement, person.birthplaceCode);
  return { birthYear: Number(person.birthDate.slice(0, 4)), sex: person.sex, departement, region };
}
