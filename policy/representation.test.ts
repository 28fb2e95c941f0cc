import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import type { PatientAccessFacts } from './decide';
import { mayAddRepresentative, mayRemoveRepresentative } from './representation';

const actors: Record<string, Actor> = PRINCIPALS;
const represented: PatientAccessFacts = { ...BASE_FACTS, isRepresentative: true };

describe('who manages a patient’s legal representatives', () => {
  it.each<[string, Actor, PatientAccessFacts, boolean, string]>([
    [
      "a minor's representative, for the minor",
      actors.representative,
      represented,
      true,
      'representation.add.representative',
    ],
    [
      "a minor's representative, for an adult",
      actors.representative,
      represented,
      false,
      'deny.not-representation-manager',
    ],
    ['a representative of someone else', actors.representative, BASE_FACTS, true, 'deny.not-representation-manager'],
    ['operations, for a minor', actors.operator, BASE_FACTS, true, 'representation.add.operations'],
    ["operations, for an adult's measure", actors.operator, BASE_FACTS, false, 'representation.add.operations'],
    ['the patient', actors.patient, BASE_FACTS, true, 'deny.not-representation-manager'],
    [
      'the médecin traitant',
      actors.doctor,
      { ...BASE_FACTS, isTreatingDoctor: true },
      true,
      'deny.not-representation-manager',
    ],
    [
      'anyone, on a closed record',
      actors.operator,
      { ...BASE_FACTS, dmpStatus: 'CLOSED' },
      true,
      'deny.dmp-not-active',
    ],
  ])('adds: %s → %s', (_who, actor, facts, minor, rule) => {
    expect(mayAddRepresentative(actor, facts, minor).rule).toBe(rule);
  });

  it.each<[string, Actor, PatientAccessFacts, string, string]>([
    [
      'a representative, themselves',
      actors.representative,
      represented,
      actors.representative.id,
      'representation.remove.self',
    ],
    [
      'a representative, the other parent',
      actors.representative,
      represented,
      'rep:other',
      'deny.not-representation-manager',
    ],
    ['operations, anyone', actors.operator, BASE_FACTS, 'rep:other', 'representation.remove.operations'],
    ['the patient', actors.patient, BASE_FACTS, 'rep:other', 'deny.not-representation-manager'],
    [
      'anyone, on a deleted record',
      actors.operator,
      { ...BASE_FACTS, dmpStatus: 'DELETED' },
      'rep:other',
      'deny.dmp-deleted',
    ],
  ])('removes: %s → %s', (_who, actor, facts, accountId, rule) => {
    expect(mayRemoveRepresentative(actor, facts, accountId).rule).toBe(rule);
  });
});
