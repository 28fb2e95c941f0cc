import { analyticsSubject } from '../../domain/cohort';
import type { Scenario } from './scenario';

/** The projection rows of a scenario: patients who consented to secondary use, on an active record. */
export function analyticsSubjectRows(scenario: Scenario): unknown[][] {
  return (scenario.patients ?? [])
    .filter((p) => p.dmp?.secondaryUse && (p.dmp.status ?? 'ACTIVE') === 'ACTIVE')
    .map((p) => {
      const s = analyticsSubject(p.ins, {
        birthDate: p.identity.birthDate,
        sex: p.identity.sex,
        residenceDepartement: p.residenceDepartement ?? null,
        birthplaceCode: p.identity.birthplaceCode,
      });
      return [p.ins, s.birthYear, s.sex, s.departement, s.region];
    });
}
