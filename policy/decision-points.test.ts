import type { Actor } from '../domain/actor';
import { BASE_FACTS, INS, PRINCIPALS } from '../test/support/principals';
import type { PatientAccessFacts } from './decide';
import { mayCreateRecord, mayDecideDocumentDeletion, mayResumeDeletions } from './lifecycle';
import { mayKnowOf } from './refusal';
import { mayDeclareEmergency } from './emergency';
import { mayAggregate } from './analytics/analytics-grant';
import { decide } from './decide';
import { mayControl, type PatientControl } from './controls';
import { loadDepositRules, mayWrite, WRITABLE_SOURCES } from './deposit';
import { mayChangeLifecycle, type LifecycleChange } from './lifecycle';

/** The decisions that used to sit in resolvers, as tables: every actor kind, and the rule each one gets. */
const actors: Record<string, Actor> = PRINCIPALS;
const facts: PatientAccessFacts = { ...BASE_FACTS, consents: { etreat: true, btg: true, masked: false } };

describe('the decisions at the policy, one table each', () => {
  it.each<[keyof typeof actors, boolean, string]>([
    ['patient', false, 'lifecycle.create.patient'],
    ['otherPatient', false, 'deny.not-record-creator'],
    ['medecin', false, 'lifecycle.create.professional'],
    ['establishment', false, 'lifecycle.create.establishment'],
    // L1111-2: a representative consents for a minor; an adult's record is not theirs to create.
    ['representative', true, 'lifecycle.create.representative'],
    ['representative', false, 'deny.not-a-minor'],
    ['operator', true, 'deny.not-record-creator'],
    ['regulator', true, 'deny.not-record-creator'],
    ['analyst', true, 'deny.not-record-creator'],
    ['insurer', true, 'deny.not-record-creator'],
  ])('creating a DMP: %s (the patient a minor: %s) → %s', (actor, minor, rule) => {
    expect(mayCreateRecord(actors[actor], INS, minor).rule).toBe(rule);
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

  // L1111-5: keeping a document from the representatives is the minor's decision alone.
  it.each<[keyof typeof actors, Partial<PatientAccessFacts>, string]>([
    ['patient', { isMinor: true }, 'control.minor-secret'],
    ['patient', { isMinor: false }, 'deny.not-a-minor'],
    ['patient', { isMinor: true, dmpStatus: 'CLOSED' }, 'deny.dmp-not-active'],
    ['otherPatient', { isMinor: true }, 'deny.not-record-controller'],
    ['representative', { isMinor: true, isRepresentative: true }, 'deny.not-record-controller'],
    ['medecin', { isMinor: true, isTreatingDoctor: true }, 'deny.not-record-controller'],
    ['operator', { isMinor: true }, 'deny.not-record-controller'],
  ])('keeping a document secret: %s (%j) → %s', (actor, over, rule) => {
    for (const control of ['keep-secret', 'share-secret'] as const)
      expect(mayControl(actors[actor], { ...facts, ...over }, control).rule).toBe(rule);
  });

  it.each(Object.keys(actors))('aggregates, resuming deletions and deciding deletion requests for %s', (actor) => {
    expect(mayAggregate(actors[actor]).allowed).toBe(actor === 'analyst');
    expect(mayResumeDeletions(actors[actor]).allowed).toBe(actor === 'operator');
    expect(mayDecideDocumentDeletion(actors[actor]).allowed).toBe(actor === 'hostPhysician');
  });

  describe('an actor the directory does not hold is refused at every decision point, whatever it claims', () => {
    // Every right a record can give, all at once: nothing of it reaches an unrecognised actor.
    const everything: PatientAccessFacts = {
      ...facts,
      isTreatingDoctor: true,
      isAdministrator: true,
      isAuthorised: true,
      isRepresentative: true,
      hasEmergencyGrant: true,
      isHeir: true,
      deceased: false,
    };
    const rules = loadDepositRules();
    const CONTROLS: PatientControl[] = [
      'authorise',
      'revoke',
      'block',
      'unblock',
      'mask',
      'unmask',
      'mask-by-default',
      'unmask-by-default',
      'set-emergency-consents',
      'set-document-processing',
      'name-medecin-traitant',
      'name-administrator',
      'remove-administrator',
      'keep-secret',
      'share-secret',
    ];
    const CHANGES: LifecycleChange[] = [
      'close',
      'reopen',
      'delete',
      'declare-death',
      'set-heirs-objection',
      'register-heir',
      'request-document-deletion',
    ];
    it.each(Object.entries(actors).filter(([, a]) => a.kind !== 'unrecognised'))('claiming to be %s', (_n, claimed) => {
      const actor: Actor = { kind: 'unrecognised', id: claimed.id, claimed: claimed.kind as never };
      expect(decide(actor, everything)).toMatchObject({ allowed: false, rule: 'deny.unknown-actor' });
      expect(mayKnowOf(actor, everything)).toBe(false);
      expect(mayDeclareEmergency(actor, everything, 'Patient inconscient').allowed).toBe(false);
      expect(mayCreateRecord(actor, INS).allowed).toBe(false);
      expect(mayAggregate(actor).allowed).toBe(false);
      expect(mayResumeDeletions(actor).allowed).toBe(false);
      expect(mayDecideDocumentDeletion(actor).allowed).toBe(false);
      for (const control of CONTROLS) expect(mayControl(actor, everything, control).allowed).toBe(false);
      for (const change of CHANGES)
        expect(mayChangeLifecycle(actor, everything, change, new Date('2026-12-01T12:00:00Z')).allowed).toBe(false);
      for (const source of WRITABLE_SOURCES)
        expect(mayWrite(rules, actor, everything, source, '11490-0').allowed).toBe(false);
    });
  });
});
