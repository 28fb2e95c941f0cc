import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../domain/clock';
import type { SqlStore } from '../../../runtime/store/sql-store';
import { quoteIdent } from '../../../runtime/store/sql-store';
import { logger } from '../../../runtime/logger';
import type { AccessTrace } from '../../../audit/trace';
import type { TraceWriter } from '../../../audit/trace-writer';
import type { RetentionCondition } from '../documents/document-repo';

/** A table whose rows a source keeps only within its retention window (policy/periods.json). */
export interface RetainedTable {
  table: string;
  /** What the source keeps: the same condition its reads apply, at the job's instant. */
  kept: RetentionCondition;
  /** Its documents carry files in `document_content`, deleted with them. */
  withContent?: boolean;
}

/**
 * Deletes what a source keeps no longer (docs/time.md, "Retention"): the rows its reads already hide, past
 * their window at `now`, and their files. Idempotent: a second run at the same instant deletes nothing.
 * Counts only, per table: no patient is named.
 */
export async function deleteExpired(
  store: SqlStore,
  tables: readonly RetainedTable[],
  now: Date,
): Promise<{ table: string; deleted: number }[]> {
  return store.transaction(async (tx) => {
    const counts: { table: string; deleted: number }[] = [];
    for (const { table, kept, withContent } of tables) {
      const params: unknown[] = [];
      const add = (value: unknown) => `$${params.push(value)}`;
      const gone = await tx.query<{ id: string }>(
        `DELETE FROM ${quoteIdent(table)} WHERE NOT (${kept(now, add)}) RETURNING id`,
        params,
      );
      if (withContent && gone.length > 0)
        await tx.query('DELETE FROM document_content WHERE document_id = ANY($1::text[])', [gone.map((g) => g.id)]);
      counts.push({ table, deleted: gone.length });
    }
    return counts;
  });
}

/** The trace of one run: the source, the counts, no patient (docs/law.md §4: the deletion itself is traced). */
function retentionTrace(source: string, at: Date, counts: { table: string; deleted: number }[]): AccessTrace {
  return {
    at,
    requestId: randomUUID(),
    operationName: null,
    actorId: 'system:retention',
    actorKind: 'system',
    actorProfession: null,
    actorSpecialty: null,
    patientIns: null,
    source,
    mode: 'none',
    action: 'retention',
    touched: counts.map((c) => `${c.table}:${c.deleted}`),
    outcome: 'allowed',
    rule: 'retention.window',
    justification: null,
    vouchedBy: null,
  };
}

/** What one source's job needs: its tables with their windows, its store, the one clock, the trace writer. */
export interface RetentionJob {
  source: string;
  store: SqlStore;
  tables: readonly RetainedTable[];
  clock: Clock;
  writer: TraceWriter;
  /** What else the law ends, beyond rows past a window (the registry: the archive's end); counts only. */
  expire?: () => Promise<{ table: string; deleted: number }[]>;
}

/** A source's job, from its definition: the serving processes and the operations command build it alike. */
export function retentionJob<Deps>(
  definition: {
    name: string;
    retention?: readonly RetainedTable[];
    expire?: (deps: Deps) => Promise<{ table: string; deleted: number }[]>;
  },
  parts: { store: SqlStore; clock: Clock; writer: TraceWriter; deps?: Deps },
): RetentionJob {
  const { deps, ...rest } = parts;
  // Ending what reaches other sources needs a serving process's dependencies (its peers, its keys).
  const expire = definition.expire && deps !== undefined ? () => definition.expire!(deps) : undefined;
  return { source: definition.name, tables: definition.retention ?? [], ...rest, expire };
}

/** Whether a job has anything to do. */
export const hasWork = (job: RetentionJob) => job.tables.length > 0 || job.expire !== undefined;

/** One run, traced; what the operations command and the schedule both call. */
export async function runRetention(options: RetentionJob): Promise<{ table: string; deleted: number }[]> {
  const now = options.clock.now();
  const counts = await deleteExpired(options.store, options.tables, now);
  if (options.expire) counts.push(...(await options.expire()));
  await options.writer.write([retentionTrace(options.source, now, counts)]);
  return counts;
}

/**
 * Runs the job at start and then every `intervalMs` (RETENTION_INTERVAL_MS; 0: never by itself). A run that
 * fails (a store away) is logged and tried again at the next tick; nothing is half-deleted, each run is one
 * transaction.
 */
export function scheduleRetention(options: RetentionJob & { intervalMs: number }): { stop: () => Promise<void> } {
  if (!hasWork(options) || options.intervalMs === 0) return { stop: async () => undefined };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runRetention(options).then(
      (counts) => logger.info({ source: options.source, counts }, 'retention: expired rows deleted'),
      (error: Error) => logger.warn({ source: options.source, err: error.message }, 'retention run failed'),
    );
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
