import DataLoader from 'dataloader';
import { perRequest } from '../../runtime/context';
import type { SqlExecutor, SqlStore } from '../../runtime/store/sql-store';
import type { Position } from '../../runtime/graphql/connection';
import { measureKind, MEASURE_KINDS, formatMeasure, type MeasureKindDef } from '../../domain/measure-kinds';
import type { SubgraphContext } from '../kit/context';
import { listsPerPatient, rowsByPatient } from '../kit/documents/rows-by-patient';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import type { MeasureKindInfo, MeasureNode, MeasureTarget } from './measures.type';

export interface MeasureRow {
  id: string;
  patient_ins: string;
  kind: string;
  metric_values: Record<string, number> | string;
  taken_at: Date;
  context: string | null;
  comment: string | null;
  document_id: string | null;
  recorded_at: Date;
  recorded_by_kind: 'PATIENT' | 'REPRESENTATIVE';
  recorded_by_id: string;
  recorded_by_name: string | null;
}
export interface TargetRow {
  id: string;
  patient_ins: string;
  kind: string;
  metric: string;
  value: number;
  set_at: Date;
}
export interface TileRow {
  patient_ins: string;
  kind: string;
  position: number;
  visible: boolean;
}

/** Which measures a list holds: the patient, the kinds (null: all) and the window of `taken_at`. */
export interface MeasureQuery {
  ins: string;
  kinds: string[] | null;
  from: Date | null;
  to: Date | null;
}

function where(query: MeasureQuery, params: unknown[]): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions = [`patient_ins = ${add(query.ins)}`];
  if (query.kinds) conditions.push(`kind = ANY(${add(query.kinds)}::text[])`);
  if (query.from) conditions.push(`taken_at >= ${add(query.from)}`);
  if (query.to) conditions.push(`taken_at < ${add(query.to)}`);
  return conditions.join(' AND ');
}

/** One page of a list, newest taken first (ties by id), `limit` rows after the cursor's position. */
export async function measurePage(
  store: SqlStore,
  query: MeasureQuery,
  after: Position | null,
  limit: number,
): Promise<MeasureRow[]> {
  const params: unknown[] = [];
  let sql = `SELECT * FROM measure WHERE ${where(query, params)}`;
  if (after) sql += ` AND (taken_at, id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)})`;
  sql += ` ORDER BY taken_at DESC, id DESC LIMIT $${params.push(limit)}`;
  return store.query<MeasureRow>(sql, params);
}

export async function measureCount(store: SqlStore, query: MeasureQuery): Promise<number> {
  const params: unknown[] = [];
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM measure WHERE ${where(query, params)}`,
    params,
  );
  return row.n;
}

/** The first `limit` measures of each kind asked, in one statement. */
export async function firstPagePerKind(
  store: SqlStore,
  query: MeasureQuery & { kinds: string[] },
  limit: number,
): Promise<Map<string, MeasureRow[]>> {
  const params: unknown[] = [];
  const rows = await store.query<MeasureRow>(
    `SELECT * FROM (SELECT m.*, row_number() OVER (PARTITION BY kind ORDER BY taken_at DESC, id DESC) AS rank
       FROM measure m WHERE ${where(query, params)}) ranked
     WHERE rank <= $${params.push(limit)} ORDER BY kind, taken_at DESC, id DESC`,
    params,
  );
  const byKind = new Map(query.kinds.map((k) => [k, [] as MeasureRow[]]));
  for (const row of rows) byKind.get(row.kind)?.push(row);
  return byKind;
}

export async function countPerKind(
  store: SqlStore,
  query: MeasureQuery & { kinds: string[] },
): Promise<Map<string, number>> {
  const params: unknown[] = [];
  const rows = await store.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM measure WHERE ${where(query, params)} GROUP BY kind`,
    params,
  );
  return new Map(query.kinds.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0]));
}

/** Per-request loaders: the last measure of each kind, targets, tiles, one statement each for all patients. */
export const measureLoaders = perRequest((ctx: SubgraphContext) => ({
  last: new DataLoader<string, MeasureRow[]>(async (insList) => {
    const rows = await ctx.deps.store.query<MeasureRow>(
      `SELECT DISTINCT ON (patient_ins, kind) * FROM measure WHERE patient_ins = ANY($1::text[])
       ORDER BY patient_ins, kind, taken_at DESC, id DESC`,
      [insList],
    );
    return listsPerPatient(insList, rows);
  }),
  targets: rowsByPatient<TargetRow>(ctx.deps.store, 'measure_target', 'kind, metric'),
  tiles: rowsByPatient<TileRow>(ctx.deps.store, 'measure_tile', 'position'),
}));

/** A stored measure as the graph gives it, with the record it belongs to (its linked document is read under it). */
export function toMeasure(row: MeasureRow, patient: PatientRef): MeasureNode {
  const kind = measureKind(row.kind)!;
  const stored = typeof row.metric_values === 'string' ? JSON.parse(row.metric_values) : row.metric_values;
  return {
    id: row.id,
    kind: row.kind,
    values: kind.metrics
      .filter((m) => m.code in stored)
      .map((m) => ({ metric: m.code, value: stored[m.code], unit: m.unit, ucum: m.ucum })),
    formattedValue: formatMeasure(kind, stored),
    takenAt: row.taken_at,
    context: row.context,
    comment: row.comment,
    recordedBy: {
      kind: row.recorded_by_kind,
      actorId: row.recorded_by_id,
      name: row.recorded_by_name,
      at: row.recorded_at,
    },
    patient,
    documentId: row.document_id,
  };
}

export function toTarget(row: TargetRow): MeasureTarget {
  const metric = measureKind(row.kind)?.metrics.find((m) => m.code === row.metric);
  return {
    id: row.id,
    kind: row.kind,
    metric: row.metric,
    value: row.value,
    unit: metric?.unit ?? '',
    setAt: row.set_at,
  };
}

export function kindInfo(kind: MeasureKindDef): MeasureKindInfo {
  return {
    kind: kind.code,
    label: kind.label,
    loincCode: kind.loinc?.code ?? null,
    loincDisplay: kind.loinc?.display ?? null,
    metrics: kind.metrics.map((m) => ({
      metric: m.code,
      label: m.label,
      unit: m.unit,
      ucum: m.ucum,
      loincCode: m.loinc ?? null,
      min: m.min,
      max: m.max,
      decimals: m.decimals,
      hint: m.hint,
    })),
    contexts: kind.contexts.map((c) => ({ context: c.code, label: c.label })),
    targetable: kind.targetable,
    shownByDefault: kind.shownByDefault,
  };
}

/**
 * The dashboard as the patient arranged it: the kinds they placed, in their order, then every other kind in
 * the file's order, hidden (a kind added later does not appear on a dashboard its patient arranged). Without an
 * arrangement, every kind in the file's order, shown as the file says.
 */
export function dashboard(rows: readonly TileRow[]): { kind: string; position: number; visible: boolean }[] {
  const placed = [...rows].sort((a, b) => a.position - b.position).filter((r) => measureKind(r.kind));
  const rest = MEASURE_KINDS.filter((k) => !placed.some((r) => r.kind === k.code));
  return [
    ...placed.map((r) => ({ kind: r.kind, visible: r.visible })),
    ...rest.map((k) => ({ kind: k.code, visible: placed.length === 0 && k.shownByDefault })),
  ].map((tile, position) => ({ ...tile, position }));
}

/**
 * Whether a document is a current one of this personal space that this writer may link a measure to: a
 * representative not to one its author kept from representatives (INVISIBLE_REPRESENTANTS_LEGAUX).
 */
export async function isCurrentPersonalDocument(
  tx: SqlExecutor,
  ins: string,
  documentId: string,
  writer: 'PATIENT' | 'REPRESENTATIVE',
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM personal_document WHERE id = $1 AND patient_ins = $2 AND superseded_by IS NULL
       AND NOT ($3 AND 'INVISIBLE_REPRESENTANTS_LEGAUX' = ANY(visibility))`,
    [documentId, ins, writer === 'REPRESENTATIVE'],
  );
  return rows.length > 0;
}
