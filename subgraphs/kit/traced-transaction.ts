import { commitTraces } from '../../audit/trace-recorder';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from './context';

/**
 * A write and its trace stand or fall together (docs/law.md §4: every access, writes included, is traced).
 * `fn` writes in the source's transaction and records its trace; the trace is committed to the chain before
 * the write commits. The chain unwritable: the write is rolled back, AUDIT_UNAVAILABLE. A crash between the
 * two commits leaves a trace of a write that did not happen (the writer was not told it happened and
 * retries with its idempotency key), never a write without a trace.
 */
export function tracedTransaction<T>(ctx: SubgraphContext, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return ctx.deps.store.transaction(async (tx) => {
    const result = await fn(tx);
    await commitTraces(ctx);
    return result;
  });
}
