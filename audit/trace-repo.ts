import type { SqlExecutor } from '../runtime/store/sql-store';
import type { Position } from '../runtime/graphql/connection';
import type { ChainedTrace } from './trace';

export interface TraceFilter {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  mode?: string | null;
  /** The patient's side does not see deposits withheld from them (R1111-53, a minor's secret) until they are shown. */
  hideWithheld?: boolean;
  /** A representative reads the record's history without the other representatives' own accesses (their id). */
  ownRepresentative?: string | null;
}

export interface TraceRow {
  seq: string | number;
  at: Date;
  request_id: string;
  operation_name: string | null;
  actor_id: string;
  actor_kind: string;
  actor_profession: string | null;
  actor_specialty: string | null;
  patient_ins: string | null;
  source: string;
  mode: string;
  action: string;
  touched: string[];
  outcome: 'allowed' | 'denied';
  rule: string | null;
  justification: string | null;
  vouched_by: string | null;
  prev_hash: string;
  hash: string;
}

export function toTrace(row: TraceRow): ChainedTrace {
  return {
    seq: Number(row.seq),
    at: row.at,
    requestId: row.request_id,
    operationName: row.operation_name,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    actorProfession: row.actor_profession,
    actorSpecialty: row.actor_specialty,
    patientIns: row.patient_ins,
    source: row.source,
    mode: row.mode,
    action: row.action,
    touched: row.touched,
    outcome: row.outcome,
    rule: row.rule,
    justification: row.justification,
    vouchedBy: row.vouched_by,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function where(ins: string, filter: TraceFilter, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const parts = [`patient_ins = ${add(ins)}`];
  if (filter.from) parts.push(`at >= ${add(filter.from)}`);
  if (filter.to) parts.push(`at < ${add(filter.to)}`);
  if (filter.actorId) parts.push(`actor_id = ${add(filter.actorId)}`);
  if (filter.mode) parts.push(`mode = ${add(filter.mode)}`);
  if (filter.hideWithheld) parts.push(`action <> 'deposit-withheld'`);
  if (filter.ownRepresentative)
    parts.push(`(actor_kind <> 'representative' OR actor_id = ${add(filter.ownRepresentative)})`);
  return parts.join(' AND ');
}

/** A patient's traces, newest first, one page (size + 1 rows to know whether more follow). */
export async function findTraces(
  store: SqlExecutor,
  ins: string,
  filter: TraceFilter,
  size: number,
  after: Position | null,
): Promise<ChainedTrace[]> {
  const params: unknown[] = [];
  let condition = where(ins, filter, params);
  if (after)
    condition += ` AND (at, seq) < ($${params.push(after.at)}::timestamptz, $${params.push(Number(after.id))})`;
  const rows = await store.query<TraceRow>(
    `SELECT * FROM access_trace WHERE ${condition} ORDER BY at DESC, seq DESC LIMIT $${params.push(size + 1)}`,
    params,
  );
  return rows.map(toTrace);
}

export async function countTraces(store: SqlExecutor, ins: string, filter: TraceFilter): Promise<number> {
  const params: unknown[] = [];
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM access_trace WHERE ${where(ins, filter, params)}`,
    params,
  );
  return row.n;
}

export interface NotificationEntry {
  id: string;
  kind: string;
  at: Date;
  actorId: string | null;
  actorKind: string | null;
  actorProfession: string | null;
  mode: string | null;
  deliveredAt: Date | null;
}

/** A patient's notifications, newest first, one page (size + 1 rows to know whether more follow). */
export async function findNotifications(
  store: SqlExecutor,
  ins: string,
  size: number,
  after: Position | null,
): Promise<NotificationEntry[]> {
  const params: unknown[] = [ins];
  const cursor = after
    ? ` AND (at, id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::bigint)`
    : '';
  type Row = {
    id: string;
    kind: string;
    at: Date;
    actor_id: string | null;
    actor_kind: string | null;
    actor_profession: string | null;
    mode: string | null;
    delivered_at: Date | null;
  };
  const rows = await store.query<Row>(
    `SELECT * FROM notification_outbox WHERE patient_ins = $1${cursor} ORDER BY at DESC, id DESC LIMIT $${params.push(size + 1)}`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    at: r.at,
    actorId: r.actor_id,
    actorKind: r.actor_kind,
    actorProfession: r.actor_profession,
    mode: r.mode,
    deliveredAt: r.delivered_at,
  }));
}

export async function countNotifications(store: SqlExecutor, ins: string): Promise<number> {
  const [row] = await store.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notification_outbox WHERE patient_ins = $1',
    [ins],
  );
  return row.n;
}
