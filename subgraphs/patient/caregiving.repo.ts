import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { CaregivingInvitationFacts } from '../../policy/caregiving';
import { localDate } from '../kit/documents/document-repo';

/** An invitation as stored: the traits the patient typed of the person they invite. */
export interface CaregivingInvitationRow {
  id: string;
  patient_ins: string;
  invitee_ins: string;
  invitee_first_name: string;
  invitee_family_name: string;
  invitee_birth_date: string;
  invitee_first_key: string;
  invitee_family_key: string;
  invited_at: Date;
  expires_at: Date;
  status: CaregivingInvitationFacts['status'];
  answered_at: Date | null;
}

/** A delegation as stored, with the caregiver's traits as the patient typed them when inviting. */
export interface DelegationRow {
  id: string;
  patient_ins: string;
  caregiver_ins: string;
  caregiver_first_name: string;
  caregiver_family_name: string;
  caregiver_birth_date: string;
  since: Date;
  ended_at: Date | null;
  ended_by: 'PATIENT' | 'CAREGIVER' | null;
}

/** Whom an invitation is addressed to, as the registry knows the asking patient: their INS, birth date, name keys. */
export interface InviteeIdentity {
  ins: string;
  birthDate: string;
  firstKey: string;
  familyKeys: string[];
}

const INVITATION_COLUMNS = `i.id::text AS id, i.patient_ins, i.invitee_ins, i.invitee_first_name, i.invitee_family_name,
  i.invitee_birth_date, i.invitee_first_key, i.invitee_family_key, i.invited_at, i.expires_at, i.status, i.answered_at`;

const DELEGATION_COLUMNS = `d.id::text AS id, d.patient_ins, d.caregiver_ins, i.invitee_first_name AS caregiver_first_name,
  i.invitee_family_name AS caregiver_family_name, i.invitee_birth_date AS caregiver_birth_date, d.since, d.ended_at, d.ended_by`;

const invitation = (row: CaregivingInvitationRow): CaregivingInvitationRow => ({
  ...row,
  invitee_birth_date: localDate(row.invitee_birth_date)!,
});
const delegation = (row: DelegationRow): DelegationRow => ({
  ...row,
  caregiver_birth_date: localDate(row.caregiver_birth_date)!,
});

/** The SQL condition on `i` true when the invitation names this identity by every trait. */
const ADDRESSED = (ins: string, birthDate: string, firstKey: string, familyKeys: string) =>
  `i.invitee_ins = ${ins} AND i.invitee_birth_date = ${birthDate}::date AND i.invitee_first_key = ${firstKey}
   AND i.invitee_family_key = ANY(${familyKeys}::text[])`;

export async function insertInvitation(tx: SqlExecutor, row: CaregivingInvitationRow): Promise<void> {
  await tx.query(
    `INSERT INTO caregiving_invitation (id, patient_ins, invitee_ins, invitee_first_name, invitee_family_name,
       invitee_birth_date, invitee_first_key, invitee_family_key, invited_at, expires_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6::date, $7, $8, $9, $10)`,
    [
      row.id,
      row.patient_ins,
      row.invitee_ins,
      row.invitee_first_name,
      row.invitee_family_name,
      row.invitee_birth_date,
      row.invitee_first_key,
      row.invitee_family_key,
      row.invited_at,
      row.expires_at,
    ],
  );
}

/** The patient's invitations still waiting and open, and whether one names this INS; their delegation in force with it. */
export async function pendingOf(
  tx: SqlExecutor,
  patientIns: string,
  inviteeIns: string,
  now: Date,
): Promise<{ waiting: number; waitingForInvitee: boolean; delegated: boolean }> {
  const [row] = await tx.query<{ waiting: number; waiting_for_invitee: boolean; delegated: boolean }>(
    `SELECT
       (SELECT count(*)::int FROM caregiving_invitation WHERE patient_ins = $1 AND status = 'WAITING' AND expires_at > $3) AS waiting,
       EXISTS (SELECT 1 FROM caregiving_invitation WHERE patient_ins = $1 AND invitee_ins = $2 AND status = 'WAITING' AND expires_at > $3) AS waiting_for_invitee,
       EXISTS (SELECT 1 FROM caregiving_delegation WHERE patient_ins = $1 AND caregiver_ins = $2 AND ended_at IS NULL) AS delegated`,
    [patientIns, inviteeIns, now],
  );
  return { waiting: row.waiting, waitingForInvitee: row.waiting_for_invitee, delegated: row.delegated };
}

/** The patient's invitations, newest first. */
export async function invitationsOf(store: SqlExecutor, patientIns: string): Promise<CaregivingInvitationRow[]> {
  const rows = await store.query<CaregivingInvitationRow>(
    `SELECT ${INVITATION_COLUMNS} FROM caregiving_invitation i WHERE i.patient_ins = $1 ORDER BY i.invited_at DESC, i.id`,
    [patientIns],
  );
  return rows.map(invitation);
}

/** The open invitations addressed to this identity, for active records, with the inviting patient's names. */
export async function addressedTo(
  store: SqlExecutor,
  identity: InviteeIdentity,
  now: Date,
): Promise<(CaregivingInvitationRow & { first_name: string; family_name: string })[]> {
  const rows = await store.query<CaregivingInvitationRow & { first_name: string; family_name: string }>(
    `SELECT ${INVITATION_COLUMNS}, p.first_name, coalesce(p.used_name, p.birth_name) AS family_name
     FROM caregiving_invitation i JOIN patient p ON p.ins = i.patient_ins
     WHERE ${ADDRESSED('$1', '$2', '$3', '$4')} AND i.status = 'WAITING' AND i.expires_at > $5 AND p.dmp_status = 'ACTIVE'
     ORDER BY i.invited_at DESC, i.id`,
    [identity.ins, identity.birthDate, identity.firstKey, identity.familyKeys, now],
  );
  return rows.map((row) => ({ ...invitation(row), first_name: row.first_name, family_name: row.family_name }));
}

/**
 * The invitation, its record's state, and whether it names this identity (null: the actor has no identity
 * in the registry), the invitation and record rows locked: the answer is judged on what holds now.
 */
export async function lockInvitation(
  tx: SqlExecutor,
  id: string,
  identity: InviteeIdentity | null,
): Promise<
  (CaregivingInvitationRow & { dmp_status: CaregivingInvitationFacts['dmpStatus']; addressed: boolean }) | null
> {
  const [row] = await tx.query<
    CaregivingInvitationRow & { dmp_status: CaregivingInvitationFacts['dmpStatus']; addressed: boolean }
  >(
    `SELECT ${INVITATION_COLUMNS}, p.dmp_status,
       coalesce(${identity ? ADDRESSED('$2', '$3', '$4', '$5') : 'false'}, false) AS addressed
     FROM caregiving_invitation i JOIN patient p ON p.ins = i.patient_ins
     WHERE i.id = $1::uuid FOR UPDATE OF i, p`,
    identity ? [id, identity.ins, identity.birthDate, identity.firstKey, identity.familyKeys] : [id],
  );
  return row ? { ...invitation(row), dmp_status: row.dmp_status, addressed: row.addressed } : null;
}

export async function closeInvitation(tx: SqlExecutor, id: string, status: string, now: Date): Promise<void> {
  await tx.query(`UPDATE caregiving_invitation SET status = $2, answered_at = $3 WHERE id = $1::uuid`, [
    id,
    status,
    now,
  ]);
}

/** The accepted invitation made a delegation in force; one already in force for the pair is kept as it is. */
export async function startDelegation(
  tx: SqlExecutor,
  invitation: CaregivingInvitationRow,
  id: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO caregiving_delegation (id, patient_ins, caregiver_ins, invitation_id, since)
     VALUES ($1::uuid, $2, $3, $4::uuid, $5) ON CONFLICT DO NOTHING`,
    [id, invitation.patient_ins, invitation.invitee_ins, invitation.id, now],
  );
}

/** A delegation, its row locked. */
export async function lockDelegation(tx: SqlExecutor, id: string): Promise<DelegationRow | null> {
  const [row] = await tx.query<DelegationRow>(
    `SELECT ${DELEGATION_COLUMNS} FROM caregiving_delegation d JOIN caregiving_invitation i ON i.id = d.invitation_id
     WHERE d.id = $1::uuid FOR UPDATE OF d`,
    [id],
  );
  return row ? delegation(row) : null;
}

export async function endDelegation(
  tx: SqlExecutor,
  id: string,
  endedBy: 'PATIENT' | 'CAREGIVER',
  now: Date,
): Promise<void> {
  await tx.query(`UPDATE caregiving_delegation SET ended_at = $2, ended_by = $3 WHERE id = $1::uuid`, [
    id,
    now,
    endedBy,
  ]);
}

/** The patient's caregivers: in force first, then (when asked) those ended, newest first. */
export async function caregiversOf(
  store: SqlExecutor,
  patientIns: string,
  withEnded: boolean,
): Promise<DelegationRow[]> {
  const rows = await store.query<DelegationRow>(
    `SELECT ${DELEGATION_COLUMNS} FROM caregiving_delegation d JOIN caregiving_invitation i ON i.id = d.invitation_id
     WHERE d.patient_ins = $1 AND ($2::boolean OR d.ended_at IS NULL)
     ORDER BY d.ended_at IS NOT NULL, d.since DESC, d.id`,
    [patientIns, withEnded],
  );
  return rows.map(delegation);
}

/** The delegations in force of which this patient is the caregiver, oldest first. */
export async function caringFor(store: SqlExecutor, caregiverIns: string): Promise<DelegationRow[]> {
  const rows = await store.query<DelegationRow>(
    `SELECT ${DELEGATION_COLUMNS} FROM caregiving_delegation d JOIN caregiving_invitation i ON i.id = d.invitation_id
     WHERE d.caregiver_ins = $1 AND d.ended_at IS NULL ORDER BY d.since, d.id`,
    [caregiverIns],
  );
  return rows.map(delegation);
}

/** The asking patient's identity as the registry holds it, for matching invitations; null without a record. */
export async function identityOf(
  store: SqlExecutor,
  ins: string,
): Promise<{
  birth_date: string;
  first_name: string;
  birth_name: string;
  used_name: string | null;
} | null> {
  const [row] = await store.query<{
    birth_date: string | Date;
    first_name: string;
    birth_name: string;
    used_name: string | null;
  }>('SELECT birth_date, first_name, birth_name, used_name FROM patient WHERE ins = $1', [ins]);
  return row ? { ...row, birth_date: localDate(row.birth_date)! } : null;
}
