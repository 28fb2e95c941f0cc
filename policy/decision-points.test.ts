import type { Actor } from '../domain/actor';
import type { Ins } from '../domain/ins';
import type { PatientAccessFacts } from './decide';
import { mayCreateRecord, mayResumeDeletions } from './lifecycle';
import { mayKnowOf } from './refusal';
import { mayDeclareEmergency } from './emergency';
import { mayAggregate } from './analytics/analytics-grant';

/** The decisions that used to sit in resolvers, as tables: every actor kind, and the rule each one gets. */
const INS = '284077511612365' as Ins;
const medecin = (rpps: string): Actor => ({
  kind: 'professional',
  id: `ps:${rpps}`,
  rpps,
  profession: '10' as never,
  specialty: null,
  finess: null,
});
const actors: Record<string, Actor> = {
  patient: { kind: 'patient', id: `patient:${INS}`, ins: INS },
  otherPatient: { kind: 'patient', id: 'patient:170057505600172', ins: '170057505600172' as Ins },
  representative: { kind: 'representative', id: 'rep:parent' },
  medecin: medecin('10000000001'),
  establishment: { kind: 'establishment', id: 'etab:1', finess: '130786049' },
  operator: { kind: 'operator', id: 'ops:1' },
  regulator: { kind: 'regulator', id: 'samu:13', samuCentre: '13' },
  analyst: { kind: 'analyst', id: 'analyst:drees' },
  insurer: { kind: 'forbidden_organisation', id: 'org:insurer', organisation: 'insurer' } as Actor,
  heir: { kind: 'heir', id: 'heir:one' },
};
const facts: PatientAccessFacts = {
  ins: INS,
  dmpStatus: 'ACTIVE',
  consents: { etreat: true, btg: true, masked: false },
  isRepresentative: false,
  isTreatingDoctor: false,
  isAdministrator: false,
  isAuthorised: false,
  isBlocked: false,
  hasEmergencyGrant: false,
};

describe('the decisions at the policy, one table each', () => {
  it.each<[keyof typeof actors, string]>([
    ['patient', 'lifecycle.create.patient'],
    ['otherPatient', 'deny.not-record-creator'],
    ['medecin', 'lifecycle.create.professional'],
    ['establishment', 'lifecycle.create.establishment'],
    ['representative', 'deny.not-record-creator'],
    ['operator', 'deny.not-record-creator'],
    ['regulator', 'deny.not-record-creator'],
    ['analyst', 'deny.not-record-creator'],
    ['insurer', 'deny.not-record-creator'],
  ])('creating a DMP: %s → %s', (actor, rule) => {
    expect(mayCreateRecord(actors[actor], INS).rule).toBe(rule);
  });

  it.each<[keyof typeof actors, Partial<PatientAccessFacts>, boolean]>([
    ['patient', { dmpStatus: 'CLOSED' }, true],
    ['otherPatient', {}, false],
    ['representative', { isRepresentative: true }, true],
    ['representative', {}, false],
    ['operator', {}, true],
    ['medecin', {}, false],
    ['medecin', { isAuthorised: true, dmpStatus: 'CLOSED' }, true],
    ['medecin', { isAuthorised: true, isBlocked: true }, false],
    ['regulator', {}, true],
    ['regulator', { consents: { etreat: false, btg: true, masked: false } }, false],
    ['insurer', {}, false],
    ['analyst', {}, false],
    ['establishment', {}, false],
  ])('a refusal tells %s (%j) why, or answers as absence: %s', (actor, over, knows) => {
    expect(mayKnowOf(actors[actor], { ...facts, ...over })).toBe(knows);
  });

  it.each<[keyof typeof actors, Partial<PatientAccessFacts>, string]>([
    ['medecin', {}, 'professional.bris-de-glace'],
    ['medecin', { consents: { etreat: true, btg: false, masked: false } }, 'deny.btg-refused'],
    ['medecin', { isBlocked: true }, 'deny.blocked'],
    ['medecin', { dmpStatus: 'CLOSED' }, 'deny.dmp-not-active'],
    ['patient', {}, 'deny.not-a-professional'],
    ['regulator', {}, 'deny.not-a-professional'],
    ['insurer', {}, 'deny.forbidden-organisation'],
  ])('breaking the glass: %s (%j) → %s', (actor, over, rule) => {
    expect(mayDeclareEmergency(actors[actor], { ...facts, ...over }, 'Patient inconscient').rule).toBe(rule);
  });

  it.each(Object.keys(actors))('aggregates and resuming deletions for %s', (actor) => {
    expect(mayAggregate(actors[actor]).allowed).toBe(actor === 'analyst');
    expect(mayResumeDeletions(actors[actor]).allowed).toBe(actor === 'operator');
  });
});
