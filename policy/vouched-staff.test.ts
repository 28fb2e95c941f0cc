import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import { decide } from './decide';
import { loadDepositRules, mayWrite } from './deposit';
import { mayCreateRecord, mayChangeLifecycle } from './lifecycle';
import { mayRecordConsent } from './consultation-consent';
import { mayDeclareEmergency } from './emergency';
import { mayControl } from './controls';

/** Staff without a card, vouched for by their establishment (docs/law.md §3), read and write nothing. */
const doctor = PRINCIPALS.doctor as Extract<Actor, { kind: 'professional' }>;
const intern: Actor = {
  ...doctor,
  id: 'staff:130783236:interne-7',
  rpps: 'staff:130783236:interne-7',
  finess: '130783236',
  vouchedBy: { establishment: 'etab:130783236', finess: '130783236', staffId: 'interne-7' },
};
const facts = { ...BASE_FACTS, inAuthorisedCareTeam: true, isTreatingDoctor: true };
const rules = loadDepositRules();
const now = new Date('2026-12-01T12:00:00Z');

describe('a member of staff vouched for by their establishment', () => {
  it('reads, per the matrix of their profession, as a member of the care team', () => {
    expect(decide(intern, { ...BASE_FACTS, inAuthorisedCareTeam: true }).rule).toBe('professional.care-team');
    expect(decide(intern, BASE_FACTS).allowed).toBe(false);
  });

  it.each<[string, () => { rule: string }]>([
    ['deposits', () => mayWrite(rules, intern, facts, 'hospital', '11490-0')],
    ['creates a record', () => mayCreateRecord(intern, facts.ins)],
    ['declares a death', () => mayChangeLifecycle(intern, facts, 'declare-death', now)],
    ['records a consent', () => mayRecordConsent(intern, facts)],
    ['breaks the glass', () => mayDeclareEmergency(intern, facts, 'justification')],
  ])('never %s', (_what, decision) => {
    expect(decision().rule).toBe('deny.vouched-staff-reads-only');
  });

  it('blocks no one for the patient, even where the médecin traitant would', () => {
    expect(mayControl(doctor, facts, 'block').allowed).toBe(true);
    expect(mayControl(intern, facts, 'block').allowed).toBe(false);
  });

  it.each([
    ['deposits', () => mayWrite(rules, doctor, facts, 'hospital', '11490-0'), 'write.professional'],
    ['creates a record', () => mayCreateRecord(doctor, facts.ins), 'lifecycle.create.professional'],
    ['declares a death', () => mayChangeLifecycle(doctor, facts, 'declare-death', now), 'lifecycle.death.medecin'],
    ['records a consent', () => mayRecordConsent(doctor, facts), 'control.consent-at-consultation'],
  ])('the same médecin with a card %s', (_what, decision, rule) => {
    expect(decision().rule).toBe(rule);
  });
});
