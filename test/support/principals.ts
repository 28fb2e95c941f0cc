import type { Actor } from '../../domain/actor';
import type { Ins } from '../../domain/ins';
import type { PatientAccessFacts } from '../../policy/decide';

/** The patient the policy tables speak of, and a principal of every kind (Cerbos-style named principals). */
export const INS = '284077511612365' as Ins;

export const professional = (profession: string, rpps = '10000000001', specialty: string | null = null): Actor => ({
  kind: 'professional',
  id: `ps:${rpps}`,
  rpps,
  profession: profession as never,
  specialty: specialty as never,
  finess: null,
});

const medecin = professional('10', '10000000001', 'SM54');
const pharmacien = professional('21', '10000000002');

export const PRINCIPALS = {
  patient: { kind: 'patient', id: `patient:${INS}`, ins: INS },
  otherPatient: { kind: 'patient', id: 'patient:184127645108946', ins: '184127645108946' as Ins },
  representative: { kind: 'representative', id: 'rep:parent' },
  medecin,
  doctor: medecin,
  pharmacien,
  pharmacist: pharmacien,
  podologue: professional('80', '10000000003'),
  establishment: { kind: 'establishment', id: 'etab:130786049', finess: '130786049' },
  feed: { kind: 'assurance_maladie_feed', id: 'am:alim' },
  regulator: { kind: 'regulator', id: 'samu:13', samuCentre: '13' },
  heir: { kind: 'heir', id: 'heir:one' },
  analyst: { kind: 'analyst', id: 'analyst:drees' },
  operator: { kind: 'operator', id: 'ops:1' },
  hostPhysician: { kind: 'host_physician', id: 'host:medecin' },
  insurer: { kind: 'forbidden_organisation', id: 'org:insurer', organisation: 'insurer' },
} satisfies Record<string, Actor>;

/** An active record with the three emergency consents given, and no relation between actor and patient. */
export const BASE_FACTS: PatientAccessFacts = {
  ins: INS,
  dmpStatus: 'ACTIVE',
  consents: { etreat: true, btg: true, masked: true },
  isRepresentative: false,
  isTreatingDoctor: false,
  isAdministrator: false,
  isAuthorised: false,
  isBlocked: false,
  hasEmergencyGrant: false,
};
