import type { SqlExecutor, SqlStore } from '../../runtime/store/sql-store';
import { traceHash, type AccessTrace } from './trace';

/**
 * The notifications accesses cause (domain.md §4), in the trace's own transaction: the first access of each
 * professional to a patient, and every emergency access (centre 15, bris de glace), once per request.
 */
async function notifyAccesses(tx: SqlExecutor, traces: AccessTrace[]): Promise<void> {
  for (const t of traces) {
    if (t.outcome !== 'allowed' || t.patientIns === null) continue;
    if (t.mode === 'centre_15' || t.mode === 'bris_de_glace') {
      await tx.query(
        `INSERT INTO notification_outbox (patient_ins, kind, actor_id, actor_kind, actor_profession, mode, request_id, at)
         VALUES ($1, 'EMERGENCY_ACCESS', $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [t.patientIns, t.actorId, t.actorKind, t.actorProfession, t.mode, t.requestId, t.at]);
    }
    if (t.actorKind === 'professional' || t.actorKind === 'regulator') {
      const first = await tx.query('INSERT INTO first_access (patient_ins, actor_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING actor_id', [t.patientIns, t.actorId, t.at]);
      if (first.length > 0) {
        await tx.query(
          `INSERT INTO notification_outbox (patient_ins, kind, actor_id, actor_kind, actor_profession, mode, request_id, at)
           VALUES ($1, 'FIRST_ACCESS', $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [t.patientIns, t.actorId, t.actorKind, t.actorProfession, t.mode, t.requestId, t.at]);
      }
    }
  }
}

interface Pending { traces: AccessTrace[]; resolve: () => void; reject: (error: Error) => void }

export interface TraceWriterOptions {
  /** Most traces in one transaction. @default 500 */
  maxBatch?: number;
}

const COLUMNS = ['seq', 'at', 'request_id', 'operation_name', 'actor_id', 'actor_kind', 'actor_profession', 'actor_specialty', 'patient_ins',
  'source', 'mode', 'action', 'touched', 'outcome', 'rule', 'justification', 'prev_hash', 'hash'];

/**
 * Appends traces to the chain with group commit: requests arriving while a batch commits wait for the next
 * one, so under load many requests share one transaction. `write` resolves only once its traces are durable.
 */
export function createTraceWriter(store: SqlStore, options: TraceWriterOptions = {}) {
  const maxBatch = options.maxBatch ?? 500;
  let queue: Pending[] = [];
  let flushing: Promise<void> | null = null;

  async function flushOnce(batch: Pending[]): Promise<void> {
    const traces = batch.flatMap((p) => p.traces);
    await store.transaction(async (tx) => {
      // The head row lock serialises appenders across processes: one chain, no forks.
      const [head] = await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM trace_head WHERE id = 1 FOR UPDATE');
      let seq = Number(head.seq);
      let prev = head.hash;
      const params: unknown[] = [];
      const rows: string[] = [];
      for (const t of traces) {
        seq += 1;
        const hash = traceHash(prev, seq, t);
        const values = [seq, t.at, t.requestId, t.operationName, t.actorId, t.actorKind, t.actorProfession, t.actorSpecialty, t.patientIns,
          t.source, t.mode, t.action, t.touched, t.outcome, t.rule, t.justification, prev, hash];
        rows.push(`(${values.map((v) => `$${params.push(v)}`).join(',')})`);
        prev = hash;
      }
      await tx.query(`INSERT INTO access_trace (${COLUMNS.join(',')}) VALUES ${rows.join(',')}`, params);
      await tx.query('UPDATE trace_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
      await notifyAccesses(tx, traces);
    });
  }

  function drain(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      while (queue.length > 0) {
        const batch: Pending[] = [];
        let size = 0;
        while (queue.length > 0 && (batch.length === 0 || size + queue[0].traces.length <= maxBatch)) {
          const next = queue.shift()!;
          batch.push(next);
          size += next.traces.length;
        }
        try {
          await flushOnce(batch);
          batch.forEach((p) => p.resolve());
        } catch (error) {
          batch.forEach((p) => p.reject(error as Error));
        }
      }
    })().finally(() => {
      flushing = null;
      // A write that arrived as the loop ended must not wait for a next write to be flushed.
      if (queue.length > 0) void drain();
    });
    return flushing;
  }

  return {
    /** Resolves when the traces are committed; rejects if they could not be (the caller then returns no data). */
    write(traces: AccessTrace[]): Promise<void> {
      if (traces.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ traces, resolve, reject });
        // Let the requests of this tick join the batch before it starts.
        setImmediate(() => void drain());
      });
    },
  };
}

export type TraceWriter = ReturnType<typeof createTraceWriter>;
