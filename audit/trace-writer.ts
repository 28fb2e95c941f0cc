import type { SqlStore } from '../runtime/store/sql-store';
import { traceHash, type AccessTrace } from './trace';
import { insNamed, patientKeys, storedForm } from './patient-keys';
import { metrics } from '../runtime/metrics';

/** Writes that are not accesses to the record: they never count as a professional's first access. */
const WRITES = [
  'deposit',
  'deposit-withheld',
  'deposit-replayed',
  'deposit-own',
  'write-personal-space',
  'delete-document',
  'create-record',
  'record-consent',
  'add-representative',
  'remove-representative',
  'purge',
  'destroy',
  'decide-document-deletion',
  'erase-document',
]
  .map((a) => `'${a}'`)
  .join(', ');

/** The writes the patient's side is told of, one notification per request and patient: action → kind. */
const NOTIFIED_ACTIONS = {
  deposit: 'NEW_DOCUMENT',
  'create-record': 'DMP_CREATED',
  'record-consent': 'CONSENT_RECORDED',
  'add-representative': 'REPRESENTATIVE_ADDED',
  'remove-representative': 'REPRESENTATIVE_REMOVED',
  'decide-document-deletion': 'DOCUMENT_DELETION_DECIDED',
} as const;

const NOTIFIED_WRITES = Object.entries(NOTIFIED_ACTIONS)
  .map(
    ([action, kind]) => `  UNION ALL
  (SELECT DISTINCT ON (patient_ins, request_id) patient_ins, '${kind}', actor_id, actor_kind, actor_profession, mode, request_id, at, subject
     FROM candidates WHERE action = '${action}')`,
  )
  .join('\n');

/**
 * The notifications accesses cause (docs/law.md §4), in the trace's own statement: the first access of each
 * professional or regulator to a patient (first_access remembers who came), every emergency access (centre
 * 15, bris de glace), each new document, the DMP's creation, each consent a professional recorded at a
 * consultation, each legal representative added or removed and each deletion request the host's médecin decided,
 * once per request. Candidates arrive as
 * arrays, one element per allowed trace.
 */
const NOTIFY = `
  candidates AS (
    SELECT * FROM unnest($N1::text[], $N2::text[], $N3::text[], $N4::text[], $N5::text[], $N6::text[], $N7::timestamptz[], $N8::text[], $N9::text[])
      AS c(patient_ins, actor_id, actor_kind, actor_profession, mode, request_id, at, action, subject)
  ),
  firsts AS (
    INSERT INTO first_access (patient_ins, actor_id, at)
    SELECT DISTINCT ON (patient_ins, actor_id) patient_ins, actor_id, at FROM candidates
    WHERE actor_kind IN ('professional', 'regulator') AND action NOT IN (${WRITES})
    ON CONFLICT DO NOTHING RETURNING patient_ins, actor_id
  )
  INSERT INTO notification_outbox (patient_ins, kind, actor_id, actor_kind, actor_profession, mode, request_id, at, subject)
  (SELECT DISTINCT ON (c.patient_ins, c.actor_id) c.patient_ins, 'FIRST_ACCESS', c.actor_id, c.actor_kind, c.actor_profession, c.mode, c.request_id, c.at, NULL
     FROM candidates c JOIN firsts f ON f.patient_ins = c.patient_ins AND f.actor_id = c.actor_id)
  UNION ALL
  (SELECT DISTINCT ON (patient_ins, request_id) patient_ins, 'EMERGENCY_ACCESS', actor_id, actor_kind, actor_profession, mode, request_id, at, NULL
     FROM candidates WHERE mode IN ('centre_15', 'bris_de_glace'))
${NOTIFIED_WRITES}
  ON CONFLICT DO NOTHING`;

interface Pending {
  traces: AccessTrace[];
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface TraceWriterOptions {
  /** Most traces in one transaction. @default 500 */
  maxBatch?: number;
}

const COLUMNS = [
  'seq',
  'at',
  'request_id',
  'operation_name',
  'actor_id',
  'actor_kind',
  'actor_profession',
  'actor_specialty',
  'patient_ref',
  'source',
  'mode',
  'action',
  'touched',
  'outcome',
  'rule',
  'justification',
  'prev_hash',
  'hash',
  'vouched_by',
];

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
      const [head] = await tx.query<{ seq: string | number; hash: string }>(
        'SELECT seq, hash FROM trace_head WHERE id = 1 FOR UPDATE',
      );
      let seq = Number(head.seq);
      let prev = head.hash;
      const params: unknown[] = [];
      const rows: string[] = [];
      // The chain names patients by pseudonym, under keys made on first use (the deletion destroys them).
      const keys = await patientKeys(tx, insNamed(traces), { create: true });
      for (const t of traces.map((trace) => storedForm(trace, keys))) {
        seq += 1;
        const hash = traceHash(prev, seq, t);
        const values = [
          seq,
          t.at,
          t.requestId,
          t.operationName,
          t.actorId,
          t.actorKind,
          t.actorProfession,
          t.actorSpecialty,
          t.patientRef,
          t.source,
          t.mode,
          t.action,
          t.touched,
          t.outcome,
          t.rule,
          t.justification,
          prev,
          hash,
          t.vouchedBy,
        ];
        rows.push(`(${values.map((v) => `$${params.push(v)}`).join(',')})`);
        prev = hash;
      }
      const allowed = traces.filter((t) => t.outcome === 'allowed' && t.patientIns !== null);
      const column = (pick: (t: AccessTrace) => unknown) => `$${params.push(allowed.map(pick))}`;
      const notify = NOTIFY.replace(
        '$N1',
        column((t) => t.patientIns),
      )
        .replace(
          '$N2',
          column((t) => t.actorId),
        )
        .replace(
          '$N3',
          column((t) => t.actorKind),
        )
        .replace(
          '$N4',
          column((t) => t.actorProfession),
        )
        .replace(
          '$N5',
          column((t) => t.mode),
        )
        .replace(
          '$N6',
          column((t) => t.requestId),
        )
        .replace(
          '$N7',
          column((t) => t.at),
        )
        .replace(
          '$N8',
          column((t) => t.action),
        )
        .replace(
          '$N9',
          // What a new document's notification is about: the document the deposit touched.
          column((t) => (t.action === 'deposit' && t.touched.length === 1 ? `${t.source}:${t.touched[0]}` : null)),
        );
      // One statement: the traces, the chain's new head, and the notifications they cause.
      await tx.query(
        `WITH appended AS (INSERT INTO access_trace (${COLUMNS.join(',')}) VALUES ${rows.join(',')} RETURNING seq),
              moved AS (UPDATE trace_head SET seq = $${params.push(seq)}, hash = $${params.push(prev)} WHERE id = 1 RETURNING seq),
              ${notify}`,
        params,
      );
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
        const stop = metrics.traceBatchSeconds.startTimer();
        try {
          await flushOnce(batch);
          stop();
          countCommitted(batch.flatMap((p) => p.traces));
          batch.forEach((p) => p.resolve());
        } catch (error) {
          metrics.traceWrites.inc({ result: 'failed' }, size);
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

const RULE_LABEL = /^[A-Za-z0-9._:-]{1,80}$/;

/** Counted once durable: a denial is a refused access the chain holds. */
function countCommitted(traces: AccessTrace[]): void {
  metrics.traceWrites.inc({ result: 'committed' }, traces.length);
  for (const t of traces) {
    if (t.outcome === 'denied')
      metrics.denials.inc({ source: t.source, rule: t.rule && RULE_LABEL.test(t.rule) ? t.rule : 'other' });
  }
}
