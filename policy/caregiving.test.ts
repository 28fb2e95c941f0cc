import type { Actor } from '../domain/actor';
import { BASE_FACTS, INS, PRINCIPALS } from '../test/support/principals';
import type { PatientAccessFacts } from './decide';
import {
  mayAnswerCaregiving,
  mayEndCaregiving,
  mayInviteCaregiver,
  type CaregivingInvitationFacts,
  type DelegationFacts,
} from './caregiving';

const actors: Record<string, Actor> = PRINCIPALS;
const CAREGIVER_INS = (PRINCIPALS.otherPatient as { ins: string }).ins;

describe('who invites a caregiver', () => {
  it.each<[string, Actor, Partial<PatientAccessFacts>, string]>([
    ['the adult patient, on their own record', actors.patient, {}, 'caregiving.invite.patient'],
    ['the patient, a minor', actors.patient, { isMinor: true }, 'deny.patient-minor'],
    ['the patient, on a closed record', actors.patient, { dmpStatus: 'CLOSED' }, 'deny.dmp-not-active'],
    ['another patient', actors.otherPatient, {}, 'deny.not-record-controller'],
    ["the patient's caregiver", actors.otherPatient, { isCaregiver: true }, 'deny.not-record-controller'],
    ['a legal representative acting', actors.representative, { isRepresentative: true }, 'deny.not-record-controller'],
    ['the médecin traitant', actors.doctor, { isTreatingDoctor: true }, 'deny.not-record-controller'],
    ['operations', actors.operator, {}, 'deny.not-record-controller'],
  ])('%s → %s', (_who, actor, over, rule) => {
    expect(mayInviteCaregiver(actor, { ...BASE_FACTS, ...over }).rule).toBe(rule);
  });
});

describe('who answers a caregiving invitation', () => {
  const open: CaregivingInvitationFacts = {
    status: 'WAITING',
    patientIns: INS,
    addressedToActor: true,
    open: true,
    dmpStatus: 'ACTIVE',
  };
  it.each<[string, Actor, Partial<CaregivingInvitationFacts>, 'accept' | 'refuse' | 'withdraw', string]>([
    ['the person it is addressed to accepts', actors.otherPatient, {}, 'accept', 'caregiving.accept.invitee'],
    ['the person it is addressed to refuses', actors.otherPatient, {}, 'refuse', 'caregiving.refuse.invitee'],
    [
      'a patient it is not addressed to',
      actors.otherPatient,
      { addressedToActor: false },
      'accept',
      'deny.not-caregiving-party',
    ],
    ['a representative', actors.representative, {}, 'accept', 'deny.not-caregiving-party'],
    ['a professional', actors.doctor, {}, 'refuse', 'deny.not-caregiving-party'],
    ['after it ran out', actors.otherPatient, { open: false }, 'accept', 'deny.invitation-closed'],
    ['once refused', actors.otherPatient, { status: 'REFUSED' }, 'accept', 'deny.invitation-closed'],
    ['once withdrawn', actors.otherPatient, { status: 'WITHDRAWN' }, 'refuse', 'deny.invitation-closed'],
    [
      'accepting, the record closed since',
      actors.otherPatient,
      { dmpStatus: 'CLOSED' },
      'accept',
      'deny.dmp-not-active',
    ],
    [
      'refusing, the record closed since',
      actors.otherPatient,
      { dmpStatus: 'CLOSED' },
      'refuse',
      'caregiving.refuse.invitee',
    ],
    [
      'the patient withdraws their own',
      actors.patient,
      { addressedToActor: false },
      'withdraw',
      'caregiving.withdraw.patient',
    ],
    ['the invitee cannot withdraw it', actors.otherPatient, {}, 'withdraw', 'deny.not-caregiving-party'],
    [
      'the patient cannot accept their own',
      actors.patient,
      { addressedToActor: false },
      'accept',
      'deny.not-caregiving-party',
    ],
    [
      'the patient withdraws an answered one',
      actors.patient,
      { status: 'ACCEPTED' },
      'withdraw',
      'deny.invitation-closed',
    ],
  ])('%s → %s', (_who, actor, over, answer, rule) => {
    expect(mayAnswerCaregiving(actor, { ...open, ...over }, answer).rule).toBe(rule);
  });
});

describe('who ends a caregiving', () => {
  const inForce: DelegationFacts = { patientIns: INS, caregiverIns: CAREGIVER_INS, inForce: true };
  it.each<[string, Actor, Partial<DelegationFacts>, string]>([
    ['the patient', actors.patient, {}, 'caregiving.end.patient'],
    ['the caregiver', actors.otherPatient, {}, 'caregiving.end.caregiver'],
    [
      'a third patient',
      { kind: 'patient', id: 'patient:x', ins: '262069935201704' } as Actor,
      {},
      'deny.not-caregiving-party',
    ],
    ["the patient's representative", actors.representative, {}, 'deny.not-caregiving-party'],
    ['operations', actors.operator, {}, 'deny.not-caregiving-party'],
    ['the patient, once ended', actors.patient, { inForce: false }, 'deny.invitation-closed'],
  ])('%s → %s', (_who, actor, over, rule) => {
    expect(mayEndCaregiving(actor, { ...inForce, ...over }).rule).toBe(rule);
  });
});
