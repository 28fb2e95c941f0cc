import type { Ins } from './ins';
import type { ProfessionCode, SpecialtyCode } from './codes';

/**
 * Who is asking (docs/law.md §3). Relations to a patient (médecin traitant, authorisation, legal
 * representation) are not part of the actor: the patient registry holds them and decides per patient.
 */
export type Actor =
  | { kind: 'patient'; id: string; ins: Ins }
  | { kind: 'representative'; id: string }
  | {
      kind: 'professional';
      id: string;
      rpps: string;
      profession: ProfessionCode;
      specialty: SpecialtyCode | null;
      finess: string | null;
      /**
       * Staff without a CPS card (an intern, a student, a professional whose card is not at hand), for whom an
       * establishment's authenticated channel vouches (docs/law.md §3): the actor is that person, `id` is
       * `staff:<finess>:<staffId>`, `rpps` their RPPS or, without one, that id. They only read.
       */
      vouchedBy?: VouchingEstablishment;
    }
  | { kind: 'regulator'; id: string; samuCentre: string }
  | { kind: 'establishment'; id: string; finess: string }
  /** The Assurance maladie's reimbursement feed (author ALIM_AM): writes care lines, reads nothing. */
  | { kind: 'assurance_maladie_feed'; id: string }
  | { kind: 'heir'; id: string }
  | { kind: 'analyst'; id: string }
  | { kind: 'forbidden_organisation'; id: string; organisation: ForbiddenOrganisation }
  /** DMP operations staff: watches the service (emergency-access abuse), reads no patient's data. */
  | { kind: 'operator'; id: string }
  /**
   * The host's médecin (médecin de l'hébergeur, seed 002): decides the patients' requests to delete a document a
   * professional wrote (R1111-51). Reads no record; sees the requests, and carries each out or refuses it.
   */
  | { kind: 'host_physician'; id: string }
  /**
   * A signed identity the registry's directory does not hold (no such RPPS, no such account): the registry
   * judges it as this, which every rule refuses (docs/law.md §3). No token can name this kind.
   */
  | { kind: 'unrecognised'; id: string; claimed: Exclude<Actor['kind'], 'unrecognised'> };

/** The establishment that vouches for a member of its staff, and who they are on its staff list. */
export interface VouchingEstablishment {
  /** The establishment's account id (its channel). */
  establishment: string;
  finess: string;
  staffId: string;
}

/** The id a vouched member of staff acts under. */
export const staffActorId = (finess: string, staffId: string) => `staff:${finess}:${staffId}`;

/** The establishment and staff id of a `staff:<finess>:<staffId>` actor id, or null for any other id. */
export function parseStaffActorId(id: string): { finess: string; staffId: string } | null {
  const match = /^staff:([^:]+):([^:]+)$/.exec(id);
  return match ? { finess: match[1], staffId: match[2] } : null;
}

/** A member of staff vouched for by an establishment, not holding a card of their own: they only read. */
export const isVouchedStaff = (actor: Actor): boolean => actor.kind === 'professional' && actor.vouchedBy !== undefined;

export type ActorKind = Actor['kind'];
export const ACTOR_KINDS: readonly ActorKind[] = [
  'patient',
  'representative',
  'professional',
  'regulator',
  'establishment',
  'assurance_maladie_feed',
  'heir',
  'analyst',
  'forbidden_organisation',
  'operator',
  'host_physician',
];

/** L1111-18 and docs/law.md §3: these may never read a DMP, whatever they are given. */
export type ForbiddenOrganisation =
  'insurer' | 'mutuelle' | 'bank' | 'employer' | 'occupational_health' | 'assurance_maladie_medical_service';
