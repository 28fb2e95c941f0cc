import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { Position } from '../../runtime/graphql/connection';
import type { DeletionRequestStatus, DocumentDeletionRequest } from './deletion-request.type';

interface RequestRow {
  id: string;
  patient_ins: string;
  document_id: string;
  source: string;
  reason: string;
  requested_by: string;
  requested_at: Date;
  status: DeletionRequestStatus;
  decided_at: Date | null;
  decision_reason: string | null;
  erased_versions: number | null;
}

const COLUMNS = `id::text AS id, patient_ins, document_id, source, reason, requested_by, requested_at, status,
  decided_at, decision_reason, erased_versions`;

export const toRequest = (row: RequestRow): DocumentDeletionRequest => ({
  id: row.id,
  ins: row.patient_ins,
  documentId: row.document_id,
  source: row.source,
  reason: row.reason,
  requestedAt: row.requested_at,
  status: row.status,
  decidedAt: row.decided_at,
  outcome: row.decision_reason,
  erasedVersions: row.erased_versions,
});

export async function addDeletionRequest(
  tx: SqlExecutor,
  request: { ins: string; documentId: string; source: string; reason: string; by: string },
  now: Date,
): Promise<DocumentDeletionRequest> {
  const [row] = await tx.query<RequestRow>(
    `INSERT INTO document_deletion_request (patient_ins, document_id, source, reason, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [request.ins, request.documentId, request.source, request.reason, request.by, now],
  );
  return toRequest(row);
}

/** The host's médecin's queue: oldest first, one page (size + 1 rows to know whether more follow). */
export async function requestsByStatus(
  tx: SqlExecutor,
  status: DeletionRequestStatus,
  size: number,
  after: Position | null,
): Promise<DocumentDeletionRequest[]> {
  const params: unknown[] = [status];
  const cursor = after
    ? ` AND (requested_at, id) > ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::bigint)`
    : '';
  const rows = await tx.query<RequestRow>(
    `SELECT ${COLUMNS} FROM document_deletion_request WHERE status = $1${cursor}
     ORDER BY requested_at, id LIMIT $${params.push(size + 1)}`,
    params,
  );
  return rows.map(toRequest);
}

export async function countByStatus(tx: SqlExecutor, status: DeletionRequestStatus): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM document_deletion_request WHERE status = $1',
    [status],
  );
  return row.n;
}

/** One patient's requests, newest first; only those `requestedBy` made when set (a representative's own). */
export async function requestsOf(
  tx: SqlExecutor,
  ins: string,
  requestedBy: string | null,
): Promise<DocumentDeletionRequest[]> {
  const rows = await tx.query<RequestRow>(
    `SELECT ${COLUMNS} FROM document_deletion_request WHERE patient_ins = $1 AND ($2::text IS NULL OR requested_by = $2)
     ORDER BY requested_at DESC, id DESC`,
    [ins, requestedBy],
  );
  return rows.map(toRequest);
}

export async function findRequest(tx: SqlExecutor, id: string): Promise<DocumentDeletionRequest | null> {
  const [row] = await tx.query<RequestRow>(`SELECT ${COLUMNS} FROM document_deletion_request WHERE id = $1::bigint`, [
    id,
  ]);
  return row ? toRequest(row) : null;
}

/** Records the decision on a request still pending; null when it was decided meanwhile. */
export async function recordDecision(
  tx: SqlExecutor,
  id: string,
  decision: {
    status: Exclude<DeletionRequestStatus, 'PENDING'>;
    by: string;
    reason: string | null;
    erased: number | null;
  },
  now: Date,
): Promise<DocumentDeletionRequest | null> {
  const [row] = await tx.query<RequestRow>(
    `UPDATE document_deletion_request SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5, erased_versions = $6
     WHERE id = $1::bigint AND status = 'PENDING' RETURNING ${COLUMNS}`,
    [id, decision.status, decision.by, now, decision.reason, decision.erased],
  );
  return row ? toRequest(row) : null;
}
