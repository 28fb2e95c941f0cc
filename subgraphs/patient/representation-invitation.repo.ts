import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { InvitationFacts } from '../../policy/representation';
import { localDate } from '../kit/documents/document-repo';

/** An invitation as stored, with the invitee's name from the directory. */
export interface InvitationRow {
  id: string;
  patient_ins: string;
  account_id: string;
  invitee_name: string;
  relation: string;
  basis: string;
  invited_by: string;
  invited_at: Date;
  expires_at: Date;
  status: InvitationFacts['status'];
  answered_at: Date | null;
  failed_answers: number;
}

const COLUMNS = `i.id::text AS id, i.patient_ins, i.account_id, a.display_name AS invitee_name, i.relation, i.basis,
  i.invited_by, i.invited_at, i.expires_at, i.status, i.answered_at, i.failed_answers`;

export async function representativeName(tx: SqlExecutor, accountId: string): Promise<string | null> {
  const [account] = await tx.query<{ display_name: string }>(
    `SELECT display_name FROM account WHERE id = $1 AND kind = 'representative'`,
    [accountId],
  );
  return account?.display_name ?? null;
}

/** Whether this inviter already has an open invitation of this account for this child. */
export async function waitingFrom(
  tx: SqlExecutor,
  ins: string,
  accountId: string,
  invitedBy: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM representation_invitation
     WHERE patient_ins = $1 AND account_id = $2 AND invited_by = $3 AND status = 'WAITING' AND expires_at > $4`,
    [ins, accountId, invitedBy, now],
  );
  return rows.length > 0;
}

export async function insertInvitation(tx: SqlExecutor, row: InvitationRow): Promise<void> {
  await tx.query(
    `INSERT INTO representation_invitation (id, patient_ins, account_id, relation, basis, invited_by, invited_at, expires_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.patient_ins, row.account_id, row.relation, row.basis, row.invited_by, row.invited_at, row.expires_at],
  );
}

/** The invitation and its child's facts, both rows locked: the answer is judged on what holds now. */
export async function lockInvitation(
  tx: SqlExecutor,
  id: string,
): Promise<(InvitationRow & { birth_date: string; dmp_status: InvitationFacts['dmpStatus'] }) | null> {
  const [row] = await tx.query<InvitationRow & { birth_date: string | Date; dmp_status: InvitationFacts['dmpStatus'] }>(
    `SELECT ${COLUMNS}, p.birth_date, p.dmp_status
     FROM representation_invitation i JOIN patient p ON p.ins = i.patient_ins JOIN account a ON a.id = i.account_id
     WHERE i.id = $1::uuid FOR UPDATE OF i, p`,
    [id],
  );
  return row ? { ...row, birth_date: localDate(row.birth_date)! } : null;
}

/** Counts a wrong birth date; the last one allowed closes the invitation. Returns the tries left. */
export async function countWrongAnswer(tx: SqlExecutor, id: string, max: number, now: Date): Promise<number> {
  const [row] = await tx.query<{ failed_answers: number }>(
    `UPDATE representation_invitation SET failed_answers = failed_answers + 1,
       status = CASE WHEN failed_answers + 1 >= $2 THEN 'FAILED' ELSE status END,
       answered_at = CASE WHEN failed_answers + 1 >= $2 THEN $3 ELSE answered_at END
     WHERE id = $1::uuid RETURNING failed_answers`,
    [id, max, now],
  );
  return Math.max(0, max - row.failed_answers);
}

export async function closeInvitation(tx: SqlExecutor, id: string, status: string, now: Date): Promise<void> {
  await tx.query(`UPDATE representation_invitation SET status = $2, answered_at = $3 WHERE id = $1::uuid`, [
    id,
    status,
    now,
  ]);
}

/**
 * The invitee registered as the child's representative, on the relation and basis the inviter stated; a
 * representation already there is left as it was. A minor's ends at majority (no end date).
 */
export async function registerFromInvitation(
  tx: SqlExecutor,
  invitation: InvitationRow,
  registeredBy: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO legal_representative (patient_ins, account_id, relation, until, protected_adult, basis, registered_by, registered_at)
     VALUES ($1, $2, $3, NULL, false, $4, $5, $6) ON CONFLICT (patient_ins, account_id) DO NOTHING`,
    [invitation.patient_ins, invitation.account_id, invitation.relation, invitation.basis, registeredBy, now],
  );
}

export function invitationsOf(store: SqlExecutor, ins: string, sentBy: string | null): Promise<InvitationRow[]> {
  return store.query<InvitationRow>(
    `SELECT ${COLUMNS} FROM representation_invitation i JOIN account a ON a.id = i.account_id
     WHERE i.patient_ins = $1 AND ($2::text IS NULL OR i.invited_by = $2) ORDER BY i.invited_at DESC, i.id`,
    [ins, sentBy],
  );
}

/** The open invitations an account received, for records still active. */
export function receivedBy(
  store: SqlExecutor,
  accountId: string,
  now: Date,
): Promise<
  {
    id: string;
    patient_ins: string;
    inviter_name: string;
    first_name: string;
    relation: string;
    invited_at: Date;
    expires_at: Date;
  }[]
> {
  return store.query(
    `SELECT i.id::text AS id, i.patient_ins, coalesce(a.display_name, '') AS inviter_name, p.first_name, i.relation,
       i.invited_at, i.expires_at
     FROM representation_invitation i JOIN patient p ON p.ins = i.patient_ins LEFT JOIN account a ON a.id = i.invited_by
     WHERE i.account_id = $1 AND i.status = 'WAITING' AND i.expires_at > $2 AND p.dmp_status = 'ACTIVE'
     ORDER BY i.invited_at DESC, i.id`,
    [accountId, now],
  );
}
