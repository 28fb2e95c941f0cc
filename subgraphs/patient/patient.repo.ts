import type { SqlExecutor } from '../../runtime/store/sql-store';
import { parisDate } from '../../domain/calendar';
import { minorIfBornAfter } from '../../policy/periods';
import type { Actor } from '../../domain/actor';
import type { ProfessionalRow } from './directory.repo';

export interface PatientRow {
  ins: string;
  ins_oid: string;
  birth_name: string;
  used_name: string | null;
  first_name: string;
  given_names: string[];
  sex: 'F' | 'M';
  birth_date: string | Date;
  birthplace_code: string;
  identity_status: 'PROV' | 'RECUP' | 'VALI' | 'QUAL';
  dmp_status: 'ACTIVE' | 'CLOSED' | 'DELETED';
  dmp_created_at: Date;
  dmp_closed_at: Date | null;
  deceased_on: string | Date | null;
  heirs_objection: boolean;
  secondary_use: boolean;
  consent_etreat: boolean;
  consent_btg: boolean;
  consent_masked: boolean;
  /** The record's opaque id (Patient.id). */
  public_id: string;
}

/** A patient row with the asking actor's relations to that patient. */
export interface PatientFactsRow extends PatientRow {
  is_treating: boolean;
  is_administrator: boolean;
  is_authorised: boolean;
  in_authorised_care_team: boolean;
  is_blocked: boolean;
  /** The establishment the professional acts for (vouching, or in the directory) is blocked by the patient. */
  establishment_blocked: boolean;
  is_representative: boolean;
  is_heir: boolean;
  /** The asking patient is this patient's caregiver under a delegation in force. */
  is_caregiver: boolean;
  has_emergency_grant: boolean;
  masked_document_ids: string[];
  /** The spans of masking by default (policy/default-masking.ts), oldest first, as JSON; null when never set. */
  masking_default_periods: unknown;
  /** Documents the patient unmasked: their default does not mask them. */
  unmasked_document_ids: string[];
  /** Documents the minor keeps secret from their representatives (L1111-5), beyond those deposited so. */
  secret_document_ids: string[];
  /** Under 18 at the request's instant (Paris day). */
  is_minor: boolean;
  emergency_justification: string | null;
}

/**
 * A legal representation in force: `l` a legal_representative row, `p` its patient, `today` the Paris day and
 * `minorAfter` minorIfBornAfter(now) as SQL placeholders. A measure ends on its date, a minor's representation
 * on the 18th birthday. decide() and the viewer's records acted for judge by this one condition.
 */
export const representationInForce = (today: string, minorAfter: string) =>
  `(l.until IS NULL OR l.until > ${today}::date) AND (l.protected_adult OR p.birth_date > ${minorAfter}::date)`;

/**
 * One statement: the patients asked about and, for each, how this actor relates to them. The relation
 * columns are false for actors that have no such relation (a patient is never a professional).
 */
export async function findPatientFacts(
  store: SqlExecutor,
  actor: Actor,
  insList: readonly string[],
  now: Date,
  options: { forUpdate?: boolean } = {},
): Promise<PatientFactsRow[]> {
  const rpps = actor.kind === 'professional' ? actor.rpps : null;
  const accountId = actor.kind === 'representative' || actor.kind === 'heir' ? actor.id : null;
  const vouchingFiness = actor.kind === 'professional' ? (actor.vouchedBy?.finess ?? null) : null;
  const patientIns = actor.kind === 'patient' ? actor.ins : null;
  return store.query<PatientFactsRow>(
    `SELECT p.*,
       EXISTS (SELECT 1 FROM care_relation r WHERE r.patient_ins = p.ins AND r.rpps = $2 AND r.relation = 'MEDECIN_TRAITANT') AS is_treating,
       EXISTS (SELECT 1 FROM care_relation r WHERE r.patient_ins = p.ins AND r.rpps = $2 AND r.relation = 'ADMINISTRATOR') AS is_administrator,
       EXISTS (SELECT 1 FROM care_relation r WHERE r.patient_ins = p.ins AND r.rpps = $2 AND r.relation = 'AUTHORISED' AND (r.until IS NULL OR r.until > $4)) AS is_authorised,
       (EXISTS (SELECT 1 FROM care_team_authorisation a JOIN professional m ON m.establishment_finess = a.finess
                  WHERE a.patient_ins = p.ins AND m.rpps = $2 AND a.until > $4)
        OR EXISTS (SELECT 1 FROM care_team_authorisation a WHERE a.patient_ins = p.ins AND a.finess = $7 AND a.until > $4)
       ) AS in_authorised_care_team,
       EXISTS (SELECT 1 FROM care_relation r WHERE r.patient_ins = p.ins AND r.rpps = $2 AND r.relation = 'BLOCKED') AS is_blocked,
       EXISTS (SELECT 1 FROM establishment_block b WHERE b.patient_ins = p.ins
                 AND (b.finess = $7 OR b.finess = (SELECT m.establishment_finess FROM professional m WHERE m.rpps = $2))
       ) AS establishment_blocked,
       EXISTS (SELECT 1 FROM legal_representative l WHERE l.patient_ins = p.ins AND l.account_id = $3
                 AND ${representationInForce('$5', '$6')}) AS is_representative,
       EXISTS (SELECT 1 FROM heir h WHERE h.patient_ins = p.ins AND h.account_id = $3) AS is_heir,
       EXISTS (SELECT 1 FROM caregiving_delegation c WHERE c.patient_ins = p.ins AND c.caregiver_ins = $8 AND c.ended_at IS NULL) AS is_caregiver,
       EXISTS (SELECT 1 FROM emergency_grant g WHERE g.patient_ins = p.ins AND g.rpps = $2 AND g.expires_at > $4) AS has_emergency_grant,
       (SELECT g.justification FROM emergency_grant g WHERE g.patient_ins = p.ins AND g.rpps = $2 AND g.expires_at > $4 ORDER BY g.opened_at DESC LIMIT 1) AS emergency_justification,
       ARRAY(SELECT m.document_id FROM document_mask m WHERE m.patient_ins = p.ins ORDER BY m.document_id) AS masked_document_ids,
       (SELECT json_agg(json_build_object('from', d.since, 'until', d.until) ORDER BY d.since) FROM document_masking_default d WHERE d.patient_ins = p.ins) AS masking_default_periods,
       ARRAY(SELECT u.document_id FROM document_unmask u WHERE u.patient_ins = p.ins ORDER BY u.document_id) AS unmasked_document_ids,
       ARRAY(SELECT k.document_id FROM document_secret k WHERE k.patient_ins = p.ins ORDER BY k.document_id) AS secret_document_ids,
       p.birth_date > $6::date AS is_minor
     FROM patient p WHERE p.ins = ANY($1::text[])${options.forUpdate ? ' FOR UPDATE OF p' : ''}`,
    // The request's instant and Paris day: a measure ends on its date, a minor's representative on the 18th birthday.
    // A member of staff the establishment vouched for is of its care team (the registry recognised them on its list).
    // A patient asking about another's record is judged as their caregiver, if they are one.
    [insList, rpps, accountId, now, parisDate(now), minorIfBornAfter(now), vouchingFiness, patientIns],
  );
}

export interface CareRelationRow extends ProfessionalRow {
  patient_ins: string;
  relation: 'MEDECIN_TRAITANT' | 'ADMINISTRATOR' | 'AUTHORISED' | 'BLOCKED';
  since: Date;
  until: Date | null;
  consent_recorded_by: string | null;
}

export function findCareRelations(store: SqlExecutor, insList: readonly string[]): Promise<CareRelationRow[]> {
  return store.query<CareRelationRow>(
    `SELECT r.patient_ins, r.relation, r.since, r.until, r.consent_recorded_by, p.rpps, p.family_name, p.first_name, p.profession_code, p.specialty_code, p.establishment_finess, p.establishment_name
     FROM care_relation r JOIN professional p ON p.rpps = r.rpps
     WHERE r.patient_ins = ANY($1::text[]) ORDER BY r.relation, r.since`,
    [insList],
  );
}

export interface CareTeamAuthorisationRow {
  patient_ins: string;
  finess: string;
  name: string;
  since: Date;
  until: Date;
  consent_recorded_by: string | null;
}

/** The care teams authorised, current or expired, with the establishment's name from the directory. */
export function findCareTeamAuthorisations(
  store: SqlExecutor,
  insList: readonly string[],
): Promise<CareTeamAuthorisationRow[]> {
  return store.query<CareTeamAuthorisationRow>(
    `SELECT a.patient_ins, a.finess, COALESCE(e.name, a.finess) AS name, a.since, a.until, a.consent_recorded_by
     FROM care_team_authorisation a LEFT JOIN establishment_directory e ON e.finess = a.finess
     WHERE a.patient_ins = ANY($1::text[]) ORDER BY a.since, a.finess`,
    [insList],
  );
}

export interface RepresentativeRow {
  patient_ins: string;
  account_id: string;
  display_name: string;
  relation: string;
  until: string | Date | null;
  basis: string | null;
  registered_at: Date | null;
}

export function findRepresentatives(store: SqlExecutor, insList: readonly string[]): Promise<RepresentativeRow[]> {
  return store.query<RepresentativeRow>(
    `SELECT l.patient_ins, l.account_id, a.display_name, l.relation, l.until, l.basis, l.registered_at
     FROM legal_representative l JOIN account a ON a.id = l.account_id
     WHERE l.patient_ins = ANY($1::text[]) ORDER BY l.account_id`,
    [insList],
  );
}
