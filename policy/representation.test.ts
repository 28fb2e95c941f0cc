import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import type { PatientAccessFacts } from './decide';
import {
  mayAddRepresentative,
  mayAnswerInvitation,
  mayInviteRepresentative,
  mayRemoveRepresentative,
  familyProfileStatus,
  type FamilyProfileFacts,
  type InvitationFacts,
} from './representation';

const actors: Record<string, Actor> = PRINCIPALS;
const represented: PatientAccessFacts = { ...BASE_FACTS, isRepresentative: true };

describe('who manages a patient’s legal representatives', () => {
  it.each<[string, Actor, PatientAccessFacts, boolean, string]>([
    [
      "a minor's representative, for the minor",
      actors.representative,
      represented,
      true,
      'deny.not-representation-manager',
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

  it.each<[string, Actor, PatientAccessFacts, boolean, string]>([
    [
      "a minor's representative, for the minor",
      actors.representative,
      represented,
      true,
      'representation.invite.representative',
    ],
    [
      "a minor's representative, for an adult",
      actors.representative,
      represented,
      false,
      'deny.not-representation-manager',
    ],
    ['a representative of someone else', actors.representative, BASE_FACTS, true, 'deny.not-representation-manager'],
    [
      'operations (they register from a document)',
      actors.operator,
      BASE_FACTS,
      true,
      'deny.not-representation-manager',
    ],
    ['the patient', actors.patient, BASE_FACTS, true, 'deny.not-representation-manager'],
    [
      'a representative, on a closed record',
      actors.representative,
      { ...represented, dmpStatus: 'CLOSED' },
      true,
      'deny.dmp-not-active',
    ],
  ])('invites: %s → %s', (_who, actor, facts, minor, rule) => {
    expect(mayInviteRepresentative(actor, facts, minor).rule).toBe(rule);
  });

  const invitation: InvitationFacts = {
    status: 'WAITING',
    accountId: 'rep:invitee',
    invitedBy: actors.representative.id,
    open: true,
    dmpStatus: 'ACTIVE',
    patientIsMinor: true,
  };
  const invitee: Actor = { kind: 'representative', id: 'rep:invitee' };
  it.each<[string, Actor, Partial<InvitationFacts>, 'accept' | 'refuse' | 'withdraw', string]>([
    ['the invitee accepts', invitee, {}, 'accept', 'representation.accept.invitee'],
    ['the invitee refuses', invitee, {}, 'refuse', 'representation.refuse.invitee'],
    ['the inviter withdraws', actors.representative, {}, 'withdraw', 'representation.withdraw.inviter'],
    ['the inviter accepts in their stead', actors.representative, {}, 'accept', 'deny.not-invitee'],
    ['the invitee withdraws', invitee, {}, 'withdraw', 'deny.not-invitee'],
    ['another representative', { kind: 'representative', id: 'rep:other' }, {}, 'refuse', 'deny.not-invitee'],
    ['a patient with the same id', { ...actors.patient, id: 'rep:invitee' }, {}, 'accept', 'deny.not-invitee'],
    ['operations', actors.operator, {}, 'refuse', 'deny.not-invitee'],
    ['run out', invitee, { open: false }, 'accept', 'deny.invitation-closed'],
    ['answered already', invitee, { status: 'REFUSED' }, 'accept', 'deny.invitation-closed'],
    ['closed by wrong answers', invitee, { status: 'FAILED' }, 'refuse', 'deny.invitation-closed'],
    [
      'withdrawn, then withdrawn again',
      actors.representative,
      { status: 'WITHDRAWN' },
      'withdraw',
      'deny.invitation-closed',
    ],
    ['the record closed meanwhile: accept', invitee, { dmpStatus: 'CLOSED' }, 'accept', 'deny.dmp-not-active'],
    [
      'the record closed meanwhile: refuse',
      invitee,
      { dmpStatus: 'CLOSED' },
      'refuse',
      'representation.refuse.invitee',
    ],
    ['the child came of age', invitee, { patientIsMinor: false }, 'accept', 'deny.not-a-minor'],
  ])('answers: %s → %s', (_case, actor, over, answer, rule) => {
    expect(mayAnswerInvitation(actor, { ...invitation, ...over }, answer).rule).toBe(rule);
  });
});

describe('a family profile, from the parent’s side', () => {
  it.each<[string, FamilyProfileFacts, ReturnType<typeof familyProfileStatus>]>([
    [
      'a minor without a DMP',
      { minor: true, recordExists: false, representsIt: false },
      { status: 'TO_ACTIVATE', reason: null },
    ],
    [
      'a minor whose DMP the parent represents',
      { minor: true, recordExists: true, representsIt: true },
      { status: 'ACTIVE', reason: null },
    ],
    [
      'a minor whose DMP another parent opened',
      { minor: true, recordExists: true, representsIt: false },
      { status: 'NOT_ACTIVABLE', reason: 'RECORD_EXISTS' },
    ],
    [
      'an adult without a DMP',
      { minor: false, recordExists: false, representsIt: false },
      { status: 'NOT_ACTIVABLE', reason: 'OF_AGE' },
    ],
    [
      'an adult with a DMP',
      { minor: false, recordExists: true, representsIt: false },
      { status: 'NOT_ACTIVABLE', reason: 'OF_AGE' },
    ],
    [
      'a protected adult the parent represents',
      { minor: false, recordExists: true, representsIt: true },
      { status: 'ACTIVE', reason: null },
    ],
  ])('%s', (_, facts, expected) => {
    expect(familyProfileStatus(facts)).toEqual(expected);
  });
});
