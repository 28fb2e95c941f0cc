import { badInput, codedError, forbidden } from '../../../runtime/errors';
import { mayAggregate } from '../../../policy/analytics/analytics-grant';
import { before, parisYear } from '../../../domain/calendar';
import type { RetentionCondition } from '../documents/document-repo';
import { quoteIdent } from '../../../runtime/store/sql-store';
import type { SubgraphContext } from '../context';
import { recordAccess } from '../../../audit/trace-recorder';
import { verifyAnalyticsGrant } from '../registry-tokens';
import {
  disclosesDifference,
  loadDisclosureRules,
  suppressComplements,
  suppressSmallCells,
  type Cell,
  type Region,
} from '../../../policy/analytics/disclosure';
import type { AggregateTable, AnalyticsDimension, AnalyticsFilter, AnalyticsMeasure } from './analytics.type';
import {
  AXIS,
  NULLABLE_DIMENSIONS,
  cellRegion,
  checkFilter,
  dimensionSql,
  filterRegion,
  filterSql,
  formatDimension,
  subjectFilterSql,
  type EventColumns,
} from './dimensions';

const RULES = loadDisclosureRules();
/** More cells than a dashboard reads is a scrape, not a question. */
const MAX_CELLS = 100_000;
const MAX_DIMENSIONS = 4;

/** What one source aggregates: its event table and how its rows read on the dimensions. */
export interface AnalyticsMeasureSpec {
  /** Names the measure in traces and in the differencing history (`dispensations`, `hospitalStays`…). */
  name: string;
  /** The source, as the registry's grant lists pending cohort changes. */
  source: string;
  table: string;
  columns: EventColumns;
  /** Conditions always applied: the rows that count (stays). */
  conditions?: string[];
  /** The source's retention window, judged at the request's instant. */
  retention?: RetentionCondition;
  /** How EVENTS counts; @default count(*) */
  events?: string;
}

export interface AggregateArgs {
  measure: AnalyticsMeasure;
  groupBy: AnalyticsDimension[];
  filter?: AnalyticsFilter | null;
}

function checkDimensions(spec: AnalyticsMeasureSpec, groupBy: AnalyticsDimension[], thisYear: number): void {
  if (groupBy.length === 0 || groupBy.length > MAX_DIMENSIONS)
    throw badInput('groupBy', `1 to ${MAX_DIMENSIONS} dimensions`);
  const axes = new Set<string>();
  for (const dimension of groupBy) {
    if (dimensionSql(dimension, spec.columns, thisYear) === null)
      throw badInput('groupBy', `${spec.name} has no ${dimension}`);
    if (axes.has(AXIS[dimension]))
      throw badInput('groupBy', `one dimension per axis: ${dimension} repeats the ${AXIS[dimension]} axis`);
    axes.add(AXIS[dimension]);
  }
}

/**
 * One aggregate over consenting patients, computed in the source's SQL: grouped and counted by the database,
 * never row by row here. Then protected: small cells and their complements hidden, cells that would
 * disclose a difference with what this client was given before hidden, the released cells remembered.
 * Traced once, with what was asked and how much was hidden; never a per-patient trace.
 */
export async function aggregate(
  ctx: SubgraphContext,
  spec: AnalyticsMeasureSpec,
  root: { grant?: string | null },
  args: AggregateArgs,
): Promise<AggregateTable> {
  const grant = await verifyAnalyticsGrant(ctx.deps.grantKeys.verify, root?.grant, ctx.actor.id);
  if (!mayAggregate(ctx.actor).allowed || !grant)
    throw forbidden("Aggregates are for analytics clients, with the registry's grant");
  const thisYear = parisYear(ctx.now);
  checkDimensions(spec, args.groupBy, thisYear);
  const filter = checkFilter(args.filter ?? {});
  const pending = grant.pending[spec.source] ?? [];
  const unsupported = (field: string): never => {
    throw badInput(field, `${spec.name} cannot be filtered on it`);
  };

  // The cohort the demographic filters select must be large enough to publish anything about.
  const cohortParams: unknown[] = [pending];
  const [cohort] = await ctx.deps.store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM analytics_subject s WHERE ${['s.patient_ins <> ALL($1::text[])', ...subjectFilterSql(filter, cohortParams)].join(' AND ')}`,
    cohortParams,
  );
  if (cohort.n < RULES.minCohort) {
    trace(ctx, spec, args, filter, { cells: 0, suppressed: 0, refused: 'cohort-too-small' });
    throw codedError('FORBIDDEN', 'These filters select too few consenting patients to publish anything', {
      reason: 'COHORT_TOO_SMALL',
    });
  }

  const params: unknown[] = [pending];
  const add = (value: unknown) => `$${params.push(value)}`;
  const groups = args.groupBy.map((d) => dimensionSql(d, spec.columns, thisYear)!);
  // A row without a value on a grouping dimension (a line that is not CCAM, grouped by CCAM chapter) is not counted.
  const where = [
    'e.superseded_by IS NULL',
    's.patient_ins <> ALL($1::text[])',
    ...(spec.conditions ?? []),
    ...(spec.retention ? [spec.retention(ctx.now, add)] : []),
    ...groups.filter((_, i) => NULLABLE_DIMENSIONS.has(args.groupBy[i])).map((g) => `${g} IS NOT NULL`),
    ...filterSql(filter, spec.columns, params, unsupported, thisYear),
  ];
  const count = args.measure === 'PATIENTS' ? 'count(DISTINCT e.patient_ins)' : (spec.events ?? 'count(*)');
  // No ORDER BY: the planner groups as it likes (a parallel sort beat a hash in bench/analytics); cells are ordered here.
  const rows = await ctx.deps.store.query<Record<string, unknown> & { n: number }>(
    `SELECT ${groups.map((g, i) => `${g} AS d${i}`).join(', ')}, ${count}::int AS n
     FROM ${quoteIdent(spec.table)} e JOIN analytics_subject s ON s.patient_ins = e.patient_ins
     WHERE ${where.join(' AND ')}
     GROUP BY ${groups.map((_, i) => i + 1).join(', ')}
     LIMIT ${MAX_CELLS + 1}`,
    params,
  );
  if (rows.length > MAX_CELLS)
    throw badInput('groupBy', `more than ${MAX_CELLS} cells: group by coarser dimensions or filter`);
  const cells: Cell[] = rows.map((r) => ({
    values: args.groupBy.map((d, i) => formatDimension(d, r[`d${i}`])),
    count: r.n,
    suppression: null,
  }));
  cells.sort((a, b) => compareValues(a.values, b.values));

  suppressSmallCells(cells, RULES);
  suppressComplements(cells, args.groupBy.length);
  const measureKey = `${spec.name}:${args.measure}`;
  const base = filterRegion(filter, ctx.now);
  const regions = new Map(cells.map((c) => [c, cellRegion(base, args.groupBy, c.values)]));
  const history = await ctx.deps.store.query<{ region: Region; count: number }>(
    `SELECT region, count FROM analytics_release WHERE analyst_id = $1 AND measure = $2 AND released_at > $3`,
    [ctx.actor.id, measureKey, before(ctx.now, { days: RULES.historyDays })],
  );
  let differencing = false;
  for (const cell of cells) {
    if (cell.suppression === null && disclosesDifference(regions.get(cell)!, cell.count, history, RULES)) {
      cell.suppression = 'DIFFERENCING';
      differencing = true;
    }
  }
  // A cell hidden for differencing may stand alone on a line: its complements go too.
  if (differencing) suppressComplements(cells, args.groupBy.length);
  const released = cells.filter((c) => c.suppression === null);
  if (released.length > 0) {
    const values: unknown[] = [ctx.actor.id, measureKey];
    await ctx.deps.store.query(
      `INSERT INTO analytics_release (analyst_id, measure, region, count, released_at)
       SELECT $1, $2, r, c, $${values.push(ctx.now)}::timestamptz FROM unnest($${values.push(released.map((c) => JSON.stringify(regions.get(c))))}::jsonb[], $${values.push(released.map((c) => c.count))}::int[]) AS t(r, c)`,
      values,
    );
  }
  const suppressed = cells.length - released.length;
  trace(ctx, spec, args, filter, { cells: cells.length, suppressed });
  return {
    measure: args.measure,
    dimensions: args.groupBy,
    cells: cells.map((c) => ({ values: c.values, count: c.suppression ? null : c.count, suppression: c.suppression })),
    suppressedCells: suppressed,
  };
}

function trace(
  ctx: SubgraphContext,
  spec: AnalyticsMeasureSpec,
  args: AggregateArgs,
  filter: AnalyticsFilter,
  outcome: { cells: number; suppressed: number; refused?: string },
): void {
  const asked = Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v != null && (!Array.isArray(v) || v.length > 0)),
  );
  recordAccess(ctx, {
    patientIns: null,
    action: 'aggregate',
    touched: [
      `measure:${spec.name}:${args.measure}`,
      `groupBy:${args.groupBy.join(',')}`,
      `filter:${JSON.stringify(asked)}`,
      `cells:${outcome.cells}`,
      `suppressed:${outcome.suppressed}`,
      ...(outcome.refused ? [`refused:${outcome.refused}`] : []),
    ],
    outcome: outcome.refused ? 'denied' : 'allowed',
    rule: outcome.refused ? 'deny.analytics-cohort-too-small' : 'analytics.aggregate',
    mode: 'none',
  });
}

/** Codes and periods in their natural order (age bands numerically). */
const COLLATOR = new Intl.Collator('en', { numeric: true });

function compareValues(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = COLLATOR.compare(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}
