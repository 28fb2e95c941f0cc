import type { SqlExecutor } from '../runtime/store/sql-store';
import { GENESIS, traceHash } from './trace';
import { toTrace, type TraceRow } from './trace-repo';

export interface ChainHead {
  seq: number;
  hash: string;
}

export type ChainProblem = { seq: number; kind: 'edited' | 'deleted' | 'reordered' | 'truncated'; message: string };

export interface ChainReport {
  records: number;
  head: ChainHead;
  problem: ChainProblem | null;
}

/**
 * Walks the whole chain in order and returns the first broken link: a record whose content no longer gives
 * its hash (edited), a gap in the sequence (deleted), a record that does not follow its predecessor
 * (reordered), or a chain shorter than its head or than a head kept elsewhere (truncated).
 */
export async function verifyChain(store: SqlExecutor, keptHead?: ChainHead): Promise<ChainReport> {
  let prevSeq = 0;
  let prevHash = GENESIS;
  let records = 0;
  const fail = (problem: ChainProblem): ChainReport => ({ records, head: { seq: prevSeq, hash: prevHash }, problem });
  for (;;) {
    const rows = await store.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1 ORDER BY seq LIMIT 5000', [
      prevSeq,
    ]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const trace = toTrace(row);
      if (trace.seq !== prevSeq + 1) {
        return fail({
          seq: prevSeq + 1,
          kind: 'deleted',
          message: `record ${prevSeq + 1} is missing: the chain jumps from ${prevSeq} to ${trace.seq}`,
        });
      }
      if (trace.prevHash !== prevHash) {
        return fail({
          seq: trace.seq,
          kind: 'reordered',
          message: `record ${trace.seq} does not follow record ${prevSeq}: its link to the previous hash is broken (moved, or the one before it was replaced)`,
        });
      }
      if (traceHash(prevHash, trace.seq, trace) !== trace.hash) {
        return fail({
          seq: trace.seq,
          kind: 'edited',
          message: `record ${trace.seq} was edited: its content no longer gives its hash`,
        });
      }
      prevSeq = trace.seq;
      prevHash = trace.hash;
      records++;
    }
  }
  const [head] = await store.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM trace_head WHERE id = 1',
  );
  if (!head || Number(head.seq) !== prevSeq || head.hash !== prevHash) {
    return fail({
      seq: prevSeq + 1,
      kind: 'truncated',
      message: `the chain ends at record ${prevSeq} but its head says ${head ? Number(head.seq) : 'nothing'}: records after ${prevSeq} were removed`,
    });
  }
  if (keptHead && keptHead.seq > prevSeq) {
    return fail({
      seq: prevSeq + 1,
      kind: 'truncated',
      message: `the chain ends at record ${prevSeq} but the head kept elsewhere says ${keptHead.seq}: records after ${prevSeq} were removed (and the head rewritten)`,
    });
  }
  if (keptHead) {
    const [kept] = await store.query<{ hash: string }>('SELECT hash FROM access_trace WHERE seq = $1', [keptHead.seq]);
    if (keptHead.seq > 0 && kept?.hash !== keptHead.hash) {
      return fail({
        seq: keptHead.seq,
        kind: 'edited',
        message: `record ${keptHead.seq} does not match the head kept elsewhere: the chain was rewritten from there on`,
      });
    }
  }
  return { records, head: { seq: prevSeq, hash: prevHash }, problem: null };
}
