import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import { decide, type PatientAccessFacts } from './decide';
import { establishmentBlockRefusal } from './establishment-block';
import { mayDeclareEmergency } from './emergency';

/** A blocked establishment (docs/law.md §3): who reads through it is refused as a blocked professional is. */
const doctor = PRINCIPALS.doctor as Extract<Actor, { kind: 'professional' }>;
const intern: Actor = {
  ...doctor,
  id: 'staff:130783236:interne-7',
  rpps: 'staff:130783236:interne-7',
  finess: '130783236',
  vouchedBy: { establishment: 'etab:130783236', finess: '130783236', staffId: 'interne-7' },
};
const actors: Record<string, Actor> = { ...PRINCIPALS, intern };
const blocked = (over: Partial<PatientAccessFacts> = {}): PatientAccessFacts => ({
  ...BASE_FACTS,
  establishmentBlocked: true,
  ...over,
});

describe('establishmentBlockRefusal() and decide() on a blocked establishment', () => {
  it.each<[string, string, PatientAccessFacts, string]>([
    ['its care team', 'doctor', blocked({ inAuthorisedCareTeam: true }), 'deny.blocked'],
    ['a member of its staff, through its care team', 'intern', blocked({ inAuthorisedCareTeam: true }), 'deny.blocked'],
    ['a member of its staff, even authorised', 'intern', blocked({ isAuthorised: true }), 'deny.blocked'],
    ['its professional in bris de glace', 'doctor', blocked({ hasEmergencyGrant: true }), 'deny.blocked'],
    ['its professional with no relation', 'doctor', blocked(), 'deny.blocked'],
    ['its professional authorised in person', 'pharmacist', blocked({ isAuthorised: true }), 'professional.authorised'],
    [
      'its professional the médecin traitant',
      'doctor',
      blocked({ isTreatingDoctor: true }),
      'professional.medecin-traitant',
    ],
    ['its professional an administrator', 'doctor', blocked({ isAdministrator: true }), 'professional.administrator'],
    [
      'a blocked professional stays blocked',
      'doctor',
      blocked({ isTreatingDoctor: true, isBlocked: true }),
      'deny.blocked',
    ],
    ['its channel reads nothing, as ever', 'establishment', blocked(), 'deny.feeding-channel'],
    ['the patient', 'patient', blocked(), 'patient.self'],
    ['a representative', 'representative', blocked({ isRepresentative: true }), 'representative.legal'],
    ['the centre 15', 'regulator', blocked(), 'regulator.centre-15'],
    [
      'not blocked: its care team reads',
      'doctor',
      { ...BASE_FACTS, inAuthorisedCareTeam: true },
      'professional.care-team',
    ],
    ['not blocked: its staff reads', 'intern', { ...BASE_FACTS, inAuthorisedCareTeam: true }, 'professional.care-team'],
  ])('%s (%s) → %s', (_situation, actor, facts, rule) => {
    expect(decide(actors[actor], facts).rule).toBe(rule);
  });

  it.each<[string, string, PatientAccessFacts, boolean]>([
    ['applies to a professional of it', 'doctor', blocked(), true],
    ['applies to its staff whatever they hold', 'intern', blocked({ isTreatingDoctor: true }), true],
    ['spares a personal authorisation', 'doctor', blocked({ isAuthorised: true }), false],
    ['does not apply unblocked', 'doctor', BASE_FACTS, false],
    ['never applies to another kind of actor', 'patient', blocked(), false],
  ])('the refusal %s', (_situation, actor, facts, applies) => {
    const refusal = establishmentBlockRefusal(actors[actor], facts);
    expect(refusal !== null).toBe(applies);
    if (refusal) expect(refusal).toMatchObject({ allowed: false, rule: 'deny.blocked' });
  });

  it('its professional may not break the glass', () => {
    const justification = 'Patient inconscient aux urgences, détresse respiratoire';
    expect(mayDeclareEmergency(doctor, blocked(), justification).rule).toBe('deny.blocked');
    expect(mayDeclareEmergency(doctor, BASE_FACTS, justification).allowed).toBe(true);
  });
});
