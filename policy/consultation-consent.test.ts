import type { Actor } from '../domain/actor';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import { mayRecordConsent } from './consultation-consent';
import type { PatientAccessFacts } from './decide';

const actors: Record<string, Actor> = PRINCIPALS;
const occupationalPhysician: Actor = {
  ...(PRINCIPALS.doctor as Actor & { kind: 'professional' }),
  specialty: 'SM25' as never,
};
const unknown: Actor = { kind: 'unrecognised', id: 'ps:99999999999', claimed: 'professional' } as never;

describe('who records a consent at a consultation', () => {
  it.each<[string, Actor, Partial<PatientAccessFacts>, string]>([
    ['a médecin with no relation yet', actors.doctor, {}, 'control.consent-at-consultation'],
    ['a pharmacist', actors.pharmacist, {}, 'control.consent-at-consultation'],
    ['a pédicure-podologue', actors.podologue, {}, 'control.consent-at-consultation'],
    [
      'the médecin traitant (a renewal does no harm)',
      actors.doctor,
      { isTreatingDoctor: true },
      'control.consent-at-consultation',
    ],
    ['a professional the patient blocked', actors.doctor, { isBlocked: true }, 'deny.blocked'],
    ['a médecin du travail (refused in every mode)', occupationalPhysician, {}, 'deny.occupational-medicine'],
    ['anyone, on a closed record', actors.doctor, { dmpStatus: 'CLOSED' }, 'deny.dmp-not-active'],
    ['anyone, on a deleted record', actors.doctor, { dmpStatus: 'DELETED' }, 'deny.dmp-not-active'],
    ['an actor the directory does not hold', unknown, {}, 'deny.not-a-professional'],
    ['the patient', actors.patient, {}, 'deny.not-a-professional'],
    ['the centre 15', actors.regulator, {}, 'deny.not-a-professional'],
    ['an establishment', actors.establishment, {}, 'deny.not-a-professional'],
    ['an insurer', actors.insurer, {}, 'deny.not-a-professional'],
  ])('%s', (_who, actor, facts, rule) => {
    expect(mayRecordConsent(actor, { ...BASE_FACTS, ...facts }).rule).toBe(rule);
  });
});
