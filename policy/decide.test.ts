import { decide, type PatientAccessFacts } from './decide';
import type { Actor } from '../domain/actor';
import { BASE_FACTS, INS, PRINCIPALS, professional } from '../test/support/principals';

const actors: Record<string, Actor> = PRINCIPALS;
const base = BASE_FACTS;
const facts = (over: Partial<PatientAccessFacts>): PatientAccessFacts => ({ ...base, ...over });

describe('decide(): the rule that matched, for each actor and situation', () => {
  it.each<[string, keyof typeof actors, Partial<PatientAccessFacts>, string]>([
    ['the patient reads their own DMP', 'patient', {}, 'patient.self'],
    ['a patient may not read another one', 'otherPatient', {}, 'deny.other-patient'],
    [
      "the patient's caregiver, under a delegation in force",
      'otherPatient',
      { isCaregiver: true },
      'caregiver.delegated',
    ],
    [
      'a caregiver, on a closed record',
      'otherPatient',
      { isCaregiver: true, dmpStatus: 'CLOSED' },
      'deny.dmp-not-active',
    ],
    [
      'a representative is no caregiver, whatever the facts',
      'representative',
      { isCaregiver: true },
      'deny.not-representative',
    ],
    [
      'a professional is no caregiver, whatever the facts',
      'pharmacist',
      { isCaregiver: true },
      'deny.no-authorisation',
    ],
    ['a legal representative acting', 'representative', { isRepresentative: true }, 'representative.legal'],
    ['a representative of someone else', 'representative', {}, 'deny.not-representative'],
    ['the médecin traitant', 'doctor', { isTreatingDoctor: true }, 'professional.medecin-traitant'],
    ['a DMP administrator the patient named', 'doctor', { isAdministrator: true }, 'professional.administrator'],
    ['a blocked administrator', 'doctor', { isAdministrator: true, isBlocked: true }, 'deny.blocked'],
    ['an authorised pharmacist', 'pharmacist', { isAuthorised: true }, 'professional.authorised'],
    ['a professional without authorisation', 'pharmacist', {}, 'deny.no-authorisation'],
    ['a blocked professional, even authorised', 'pharmacist', { isAuthorised: true, isBlocked: true }, 'deny.blocked'],
    ['a blocked médecin traitant', 'doctor', { isTreatingDoctor: true, isBlocked: true }, 'deny.blocked'],
    ['a blocked professional in bris de glace', 'doctor', { hasEmergencyGrant: true, isBlocked: true }, 'deny.blocked'],
    ['bris de glace with BTG', 'doctor', { hasEmergencyGrant: true }, 'professional.bris-de-glace'],
    [
      'bris de glace refused by the patient',
      'doctor',
      { hasEmergencyGrant: true, consents: { etreat: true, btg: false, masked: true } },
      'deny.btg-refused',
    ],
    ['centre 15 with ETREAT', 'regulator', {}, 'regulator.centre-15'],
    [
      'centre 15 refused by the patient',
      'regulator',
      { consents: { etreat: false, btg: true, masked: true } },
      'deny.etreat-refused',
    ],
    [
      'a closed DMP, for its médecin traitant',
      'doctor',
      { isTreatingDoctor: true, dmpStatus: 'CLOSED' },
      'deny.dmp-not-active',
    ],
    ['a deleted DMP, for its patient', 'patient', { dmpStatus: 'DELETED' }, 'deny.dmp-not-active'],
    ['the feeding channel never reads', 'establishment', {}, 'deny.feeding-channel'],
    ['analytics never reads a person', 'analyst', {}, 'deny.analytics-person-level'],
    ['an heir of nobody here', 'heir', { dmpStatus: 'CLOSED', deceased: true }, 'deny.not-heir'],
    ['an heir while the patient lives', 'heir', { isHeir: true }, 'deny.patient-alive'],
    [
      'an heir, the patient having objected',
      'heir',
      { isHeir: true, dmpStatus: 'CLOSED', deceased: true, heirsObjection: true },
      'deny.heirs-objection',
    ],
    ['an heir of a deleted DMP', 'heir', { isHeir: true, dmpStatus: 'DELETED', deceased: true }, 'deny.dmp-not-active'],
    ['an heir after the death', 'heir', { isHeir: true, dmpStatus: 'CLOSED', deceased: true }, 'heir.limited'],
    ['the Assurance maladie feed never reads', 'feed', {}, 'deny.feeding-channel'],
    ['an insurer, ever', 'insurer', { isAuthorised: true }, 'deny.forbidden-organisation'],
  ])('%s → %s', (_situation, actor, over, rule) => {
    expect(decide(actors[actor], facts(over)).rule).toBe(rule);
  });

  it.each<[string, keyof typeof actors, Partial<PatientAccessFacts>, object]>([
    [
      'the patient: all types, masked shown, INVISIBLE_PATIENT hidden',
      'patient',
      {},
      { matrixProfession: null, maskedVisible: true, hiddenLabels: ['INVISIBLE_PATIENT'] },
    ],
    [
      "a representative: the minor's secret documents hidden too",
      'representative',
      { isRepresentative: true },
      { hiddenLabels: ['INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX'] },
    ],
    [
      'the médecin traitant: every type, masked shown',
      'doctor',
      { isTreatingDoctor: true },
      { matrixProfession: null, maskedVisible: true, hiddenLabels: [] },
    ],
    [
      'an authorised pharmacist: the pharmacist column, masked hidden but their own',
      'pharmacist',
      { isAuthorised: true },
      { matrixProfession: '21', maskedVisible: false, authorId: '10000000002' },
    ],
    [
      'bris de glace without MASKED: masked hidden',
      'doctor',
      { hasEmergencyGrant: true, consents: { etreat: true, btg: true, masked: false } },
      { mode: 'bris_de_glace', maskedVisible: false },
    ],
    [
      'centre 15 with MASKED: masked shown, médecin column',
      'regulator',
      {},
      { mode: 'centre_15', maskedVisible: true, matrixProfession: '10' },
    ],
    [
      "a caregiver: every type, but masked, the representatives' secret and INVISIBLE_PATIENT hidden",
      'otherPatient',
      { isCaregiver: true },
      {
        mode: 'caregiver',
        matrixProfession: null,
        maskedVisible: false,
        hiddenLabels: ['INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX'],
        authorId: null,
      },
    ],
    [
      'an heir: the types of policy/heir-access.json only, masked hidden',
      'heir',
      { isHeir: true, dmpStatus: 'CLOSED', deceased: true },
      { mode: 'heir', typeCodes: ['34112-3', '11490-0', '15507-7'], maskedVisible: false },
    ],
  ])('%s', (_case, actor, over, grant) => {
    const decision = decide(actors[actor], facts(over));
    expect(decision.allowed).toBe(true);
    expect(decision.allowed && decision.grant).toMatchObject({ ins: INS, actorId: actors[actor].id, ...grant });
  });

  describe('occupational medicine (L1111-17 IV): a médecin du travail reads no DMP, whatever would admit another médecin', () => {
    const occupational: Actor = professional('10', '10000000025', 'SM25');
    it.each<[string, Partial<PatientAccessFacts>]>([
      ['authorised by the worker', { isAuthorised: true }],
      ['named médecin traitant', { isTreatingDoctor: true }],
      ['named administrator', { isAdministrator: true }],
      ['in bris de glace', { hasEmergencyGrant: true }],
    ])('%s: deny.occupational-medicine', (_label, over) => {
      expect(decide(occupational, facts(over))).toMatchObject({ allowed: false, rule: 'deny.occupational-medicine' });
    });
    it('another specialty with the same facts still reads', () => {
      expect(decide(professional('10', '10000000026', 'SM54'), facts({ isAuthorised: true })).allowed).toBe(true);
    });
  });
});
