import type { Actor } from '../../domain/actor';
import type { SqlExecutor } from '../../runtime/store/sql-store';

export type RecordCopyStatus = 'PENDING' | 'READY' | 'FAILED';

export interface RecordCopyRow {
  id: string;
  patient_ins: string;
  requested_by: string;
  requester: Actor;
  requested_at: Date;
  status: RecordCopyStatus;
  ready_at: Date | null;
  available_until: Date | null;
  size_bytes: number | null;
}

const COLUMNS =
  'id::text AS id, patient_ins, requested_by, requester, requested_at, status, ready_at, available_until, size_bytes';

export async function addCopy(tx: SqlExecutor, ins: string, requester: Actor, now: Date): Promise<RecordCopyRow> {
  const [row] = await tx.query<RecordCopyRow>(
    `INSERT INTO record_copy (patient_ins, requested_by, requester, requested_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [ins, requester.id, JSON.stringify(requester), now],
  );
  return row;
}

/** The copies this actor asked for of this record, newest first (each requester sees only their own). */
export function copiesOf(tx: SqlExecutor, ins: string, requestedBy: string): Promise<RecordCopyRow[]> {
  return tx.query<RecordCopyRow>(
    `SELECT ${COLUMNS} FROM record_copy WHERE patient_ins = $1 AND requested_by = $2 ORDER BY requested_at DESC, id DESC`,
    [ins, requestedBy],
  );
}

export async function pendingCopy(tx: SqlExecutor, id: string): Promise<RecordCopyRow | null> {
  const [row] = await tx.query<RecordCopyRow>(
    `SELECT ${COLUMNS} FROM record_copy WHERE id = $1::bigint AND status = 'PENDING'`,
    [id],
  );
  return row ?? null;
}

export async function pendingCopyIds(tx: SqlExecutor): Promise<string[]> {
  return (
    await tx.query<{ id: string }>(`SELECT id::text AS id FROM record_copy WHERE status = 'PENDING' ORDER BY id`)
  ).map((r) => r.id);
}

/** The copy's content, for its requester while it is available; null otherwise. */
export async function copyContent(tx: SqlExecutor, id: string, requestedBy: string, now: Date): Promise<string | null> {
  const [row] = await tx.query<{ content: string | null }>(
    `SELECT content FROM record_copy WHERE id = $1::bigint AND requested_by = $2 AND status = 'READY' AND available_until > $3`,
    [id, requestedBy, now],
  );
  return row?.content ?? null;
}

/** Marks a pending copy produced (or failed); false when another run finished it first. */
export async function finishCopy(
  tx: SqlExecutor,
  id: string,
  outcome: { content: string; readyAt: Date; availableUntil: Date } | null,
): Promise<boolean> {
  const rows = outcome
    ? await tx.query(
        `UPDATE record_copy SET status = 'READY', content = $2, size_bytes = octet_length($2), ready_at = $3, available_until = $4
         WHERE id = $1::bigint AND status = 'PENDING' RETURNING id`,
        [id, outcome.content, outcome.readyAt, outcome.availableUntil],
      )
    : await tx.query(
        `UPDATE record_copy SET status = 'FAILED' WHERE id = $1::bigint AND status = 'PENDING' RETURNING id`,
        [id],
      );
  return rows.length > 0;
}

/** Deletes the copies past their availability (their content is health data at rest); how many. */
export async function deleteExpiredCopies(tx: SqlExecutor, now: Date): Promise<number> {
  const gone = await tx.query('DELETE FROM record_copy WHERE available_until <= $1 RETURNING id', [now]);
  return gone.length;
}
