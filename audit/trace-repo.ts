import type { SqlExecutor } from '../runtime/store/sql-store';
import type { Position } from '../runtime/graphql/connection';
import { hiddenPrefixes, type ChainedTrace, type PatientSide } from './trace';
import { readableActorId, storedActorIds, tracedAs } from './patient-keys';
import { traceKindCondition, type TraceKind } from '../domain/trace-actions';

export interface TraceFilter {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  mode?: string | null;
  /** Only these kinds of access (domain/trace-actions.json). */
  kinds?: TraceKind[] | null;
  /**
   * Read for the patient's side: the traces that touched only documents hidden from it (R1111-53, a minor's
   * secret), and the rest of an access that touched nothing else, are left out (withheldFor).
   */
  side?: PatientSide | null;
  /** A representative reads the record's history without the other representatives' own accesses (their id). */
  ownRepresentative?: string | null;
  /** Leaves out this actor's own accesses (the reader's, when they ask for everyone else's). */
  excludeActorId?: string | null;
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
  patient_ref: string | null;
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
    patientRef: row.patient_ref,
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

/** How this patient's traces name them (audit/patient-keys.ts), as query parameters. */
type TracedAs = { ins: string; pseudonym: string | null };
const namesOf = (as: TracedAs) => (as.pseudonym ? [as.pseudonym, as.ins] : [as.ins]);

function where(as: TracedAs, filter: TraceFilter, params: unknown[]): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const parts = [`patient_ref = ANY(${add(namesOf(as))}::text[])`];
  if (filter.from) parts.push(`at >= ${add(filter.from)}`);
  if (filter.to) parts.push(`at < ${add(filter.to)}`);
  if (filter.actorId) parts.push(`actor_id = ANY(${add(storedActorIds(filter.actorId, as))}::text[])`);
  if (filter.mode) parts.push(`mode = ${add(filter.mode)}`);
  if (filter.kinds?.length) parts.push(traceKindCondition(filter.kinds, add));
  if (filter.side) {
    const row = {
      requestId: 'access_trace.request_id',
      patientRefs: 'access_trace.patient_ref',
      touched: 'access_trace.touched',
    };
    parts.push(`NOT ${withheldFor(filter.side, row, add)}`);
  }
  if (filter.ownRepresentative)
    parts.push(`(actor_kind <> 'representative' OR actor_id = ${add(filter.ownRepresentative)})`);
  if (filter.excludeActorId)
    parts.push(`NOT (actor_id = ANY(${add(storedActorIds(filter.excludeActorId, as))}::text[]))`);
  return parts.join(' AND ');
}

/**
 * The SQL condition true for a trace (or a notification, by its request) that the patient's side must not see:
 * the access touched at least one document hidden from that side, and this row touched nothing else. A row
 * that touched nothing (the registry's decision, a notification) goes with the rest of its request, so an
 * access that concerned only hidden documents leaves no sign at all, while one that also read what the side
 * may see stays, without the hidden names.
 */
export function withheldFor(
  side: PatientSide,
  /**
   * The row in SQL: its request id, how its request's traces name the patient (a column, or an array
   * parameter), and what the row itself touched (a notification touched nothing).
   */
  row: { requestId: string; patientRefs: string; touched: string },
  add: (v: unknown) => string,
): string {
  const ownTouched = row.touched;
  const prefixes = add(hiddenPrefixes(side).map((p) => `${p}%`));
  const hidden = (item: string) => `${item} LIKE ANY(${prefixes}::text[])`;
  const sameRequest = `s.patient_ref = ${row.patientRefs} AND s.request_id = ${row.requestId}`;
  return `(
    NOT EXISTS (SELECT 1 FROM unnest(${ownTouched}) u(item) WHERE NOT ${hidden('u.item')})
    AND EXISTS (SELECT 1 FROM access_trace s, unnest(s.touched) u(item) WHERE ${sameRequest} AND ${hidden('u.item')})
    AND (cardinality(${ownTouched}) > 0
      OR NOT EXISTS (SELECT 1 FROM access_trace s, unnest(s.touched) u(item) WHERE ${sameRequest} AND NOT ${hidden('u.item')})))`;
}

/** A patient's traces, newest first, one page (size + 1 rows to know whether more follow). */
export async function findTraces(
  store: SqlExecutor,
  ins: string,
  filter: TraceFilter,
  size: number,
  after: Position | null,
): Promise<ChainedTrace[]> {
  const as = await tracedAs(store, ins);
  const params: unknown[] = [];
  let condition = where(as, filter, params);
  if (after)
    condition += ` AND (at, seq) < ($${params.push(after.at)}::timestamptz, $${params.push(Number(after.id))})`;
  const rows = await store.query<TraceRow>(
    `SELECT * FROM access_trace WHERE ${condition} ORDER BY at DESC, seq DESC LIMIT $${params.push(size + 1)}`,
    params,
  );
  // The patient's side reads its history with its own INS where the chain holds its pseudonym.
  return rows.map(toTrace).map((t) => ({ ...t, actorId: readableActorId(t.actorId, as), patientRef: ins }));
}

export async function countTraces(store: SqlExecutor, ins: string, filter: TraceFilter): Promise<number> {
  const params: unknown[] = [];
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM access_trace WHERE ${where(await tracedAs(store, ins), filter, params)}`,
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
  /** What it is about, when one document: `<source>:<document id>`. */
  subject: string | null;
  /** The reader marked it read. */
  read: boolean;
}

/** withheldFor a notification: its request's traces, which name the patient as the chain does. */
async function withheldNotifications(
  store: SqlExecutor,
  ins: string,
  side: PatientSide,
  add: (v: unknown) => string,
): Promise<string> {
  const row = {
    requestId: 'notification_outbox.request_id',
    patientRefs: `ANY(${add(namesOf(await tracedAs(store, ins)))}::text[])`,
    touched: 'ARRAY[]::text[]',
  };
  return withheldFor(side, row, add);
}

/** Whose inbox a notification list is: the side it is read for (what is withheld from it), and the reader. */
export interface NotificationView {
  side: PatientSide | null;
  /** The reader's actor id: their read and dismissed marks. */
  reader: string;
  unreadOnly?: boolean;
}

async function notificationCondition(
  store: SqlExecutor,
  ins: string,
  view: NotificationView,
  add: (v: unknown) => string,
): Promise<string> {
  const parts = ['notification_outbox.patient_ins = $1', 'r.dismissed_at IS NULL'];
  if (view.unreadOnly) parts.push('r.read_at IS NULL');
  if (view.side) parts.push(`NOT ${await withheldNotifications(store, ins, view.side, add)}`);
  return parts.join(' AND ');
}

const READING = (reader: string) =>
  `notification_outbox LEFT JOIN notification_reading r ON r.notification_id = notification_outbox.id AND r.reader = ${reader}`;

/** A patient's notifications for one reader, newest first, one page (size + 1 rows to know whether more follow). */
export async function findNotifications(
  store: SqlExecutor,
  ins: string,
  view: NotificationView,
  size: number,
  after: Position | null,
): Promise<NotificationEntry[]> {
  const params: unknown[] = [ins];
  const add = (v: unknown) => `$${params.push(v)}`;
  const from = READING(add(view.reader));
  let condition = await notificationCondition(store, ins, view, add);
  if (after)
    condition += ` AND (notification_outbox.at, notification_outbox.id) < (${add(after.at)}::timestamptz, ${add(after.id)}::bigint)`;
  type Row = {
    id: string;
    kind: string;
    at: Date;
    actor_id: string | null;
    actor_kind: string | null;
    actor_profession: string | null;
    mode: string | null;
    delivered_at: Date | null;
    subject: string | null;
    read: boolean;
  };
  const rows = await store.query<Row>(
    `SELECT notification_outbox.*, r.read_at IS NOT NULL AS read FROM ${from} WHERE ${condition}
     ORDER BY notification_outbox.at DESC, notification_outbox.id DESC LIMIT ${add(size + 1)}`,
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
    subject: r.subject,
    read: r.read,
  }));
}

export async function countNotifications(store: SqlExecutor, ins: string, view: NotificationView): Promise<number> {
  const params: unknown[] = [ins];
  const add = (v: unknown) => `$${params.push(v)}`;
  const from = READING(add(view.reader));
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${from} WHERE ${await notificationCondition(store, ins, view, add)}`,
    params,
  );
  return row.n;
}

/**
 * Marks notifications of this patient read, unread again, or dismissed, for one reader: those named (only the
 * patient's own are touched) or, with `ids` null, every one. How many rows it marked.
 */
export async function markNotifications(
  store: SqlExecutor,
  ins: string,
  reader: string,
  ids: string[] | null,
  mark: 'read' | 'unread' | 'dismissed',
  now: Date,
): Promise<number> {
  if (mark === 'unread') {
    const rows = await store.query(
      `UPDATE notification_reading SET read_at = NULL
       WHERE patient_ins = $1 AND reader = $2 AND ($3::bigint[] IS NULL OR notification_id = ANY($3::bigint[]))
       RETURNING notification_id`,
      [ins, reader, ids],
    );
    return rows.length;
  }
  const column = mark === 'read' ? 'read_at' : 'dismissed_at';
  const rows = await store.query(
    `INSERT INTO notification_reading (notification_id, patient_ins, reader, ${column})
     SELECT id, patient_ins, $2, $3 FROM notification_outbox
     WHERE patient_ins = $1 AND ($4::bigint[] IS NULL OR id = ANY($4::bigint[]))
     ON CONFLICT (notification_id, reader) DO UPDATE SET ${column} = COALESCE(notification_reading.${column}, EXCLUDED.${column})
     RETURNING notification_id`,
    [ins, reader, now, ids],
  );
  return rows.length;
}

/**
 * One access as a person reads it: every trace one request left for one actor, action and outcome, whichever
 * sources served it (a read of the whole record leaves one trace per source). Grouped in SQL.
 */
export interface AccessEventRow {
  seq: number;
  at: Date;
  actorId: string;
  actorKind: string;
  actorProfession: string | null;
  actorSpecialty: string | null;
  mode: string;
  action: string;
  outcome: 'allowed' | 'denied';
  sources: string[];
  touched: string[];
  justification: string | null;
  vouchedBy: string | null;
}

const EVENT_KEY = 'request_id, actor_id, actor_kind, actor_profession, actor_specialty, mode, action, outcome';

function eventsQuery(condition: string): string {
  return `WITH rows AS (SELECT * FROM access_trace WHERE ${condition}),
    events AS (
      SELECT ${EVENT_KEY}, max(at) AS at, max(seq) AS seq, array_agg(DISTINCT source ORDER BY source) AS sources,
             max(justification) AS justification, max(vouched_by) AS vouched_by
        FROM rows GROUP BY ${EVENT_KEY})
    SELECT e.*, coalesce((SELECT array_agg(DISTINCT t ORDER BY t) FROM rows r, unnest(r.touched) t
                           WHERE r.request_id = e.request_id AND r.actor_id = e.actor_id AND r.action = e.action
                             AND r.outcome = e.outcome AND r.mode = e.mode), ARRAY[]::text[]) AS touched
      FROM events e`;
}

/** A patient's accesses, one per request and actor, newest first, one page (size + 1 to know whether more follow). */
export async function findAccessEvents(
  store: SqlExecutor,
  ins: string,
  filter: TraceFilter,
  size: number,
  after: Position | null,
): Promise<AccessEventRow[]> {
  const as = await tracedAs(store, ins);
  const params: unknown[] = [];
  const condition = where(as, filter, params);
  const page = after
    ? `WHERE (at, seq) < ($${params.push(after.at)}::timestamptz, $${params.push(Number(after.id))})`
    : '';
  const rows = await store.query<TraceRow & { sources: string[] }>(
    `SELECT * FROM (${eventsQuery(condition)}) x ${page} ORDER BY at DESC, seq DESC LIMIT $${params.push(size + 1)}`,
    params,
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actorId: readableActorId(row.actor_id, as),
    actorKind: row.actor_kind,
    actorProfession: row.actor_profession,
    actorSpecialty: row.actor_specialty,
    mode: row.mode,
    action: row.action,
    outcome: row.outcome,
    sources: row.sources,
    touched: row.touched,
    justification: row.justification,
    vouchedBy: row.vouched_by,
  }));
}

export async function countAccessEvents(store: SqlExecutor, ins: string, filter: TraceFilter): Promise<number> {
  const params: unknown[] = [];
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM access_trace WHERE ${where(await tracedAs(store, ins), filter, params)}
       GROUP BY ${EVENT_KEY}) x`,
    params,
  );
  return row.n;
}

/** Who accessed a patient's record, one row per actor: their last access and how many, counted in SQL. */
export interface AccessorRow {
  actorId: string;
  actorKind: string;
  actorProfession: string | null;
  actorSpecialty: string | null;
  lastAccessAt: Date;
  accesses: number;
}

export async function findAccessors(
  store: SqlExecutor,
  ins: string,
  filter: TraceFilter,
  limit: number,
): Promise<AccessorRow[]> {
  const as = await tracedAs(store, ins);
  const params: unknown[] = [];
  const condition = where(as, filter, params);
  const rows = await store.query<{
    actor_id: string;
    actor_kind: string;
    actor_profession: string | null;
    actor_specialty: string | null;
    last_at: Date;
    accesses: number;
  }>(
    `SELECT actor_id, actor_kind, max(actor_profession) AS actor_profession, max(actor_specialty) AS actor_specialty,
            max(at) AS last_at, count(DISTINCT request_id)::int AS accesses
       FROM access_trace WHERE ${condition}
      GROUP BY actor_id, actor_kind ORDER BY last_at DESC, actor_id LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map((row) => ({
    actorId: readableActorId(row.actor_id, as),
    actorKind: row.actor_kind,
    actorProfession: row.actor_profession,
    actorSpecialty: row.actor_specialty,
    lastAccessAt: row.last_at,
    accesses: row.accesses,
  }));
}
