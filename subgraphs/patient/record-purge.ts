import { WRITABLE_SOURCES } from '../../policy/deposit';
import { archiveEndCandidates, archiveEnded } from '../../policy/periods';
import { commitTraces, recordAccess } from '../../audit/trace-recorder';
import { callPeer } from '../kit/peer-call';
import { purgePatientRows } from '../kit/purge/purge';
import { signPurgeOrder } from '../kit/registry-tokens';
import type { SubgraphContext } from '../kit/context';
import * as repo from './lifecycle.repo';

/**
 * Asks every source still pending to purge the patient, then, when none is left, erases the registry's own
 * rows (the trace of the deletion stays in the audit store). Sources that fail stay pending for operations.
 */
export async function completePurge(ctx: SubgraphContext, ins: string): Promise<string[]> {
  const sign = ctx.deps.grantKeys.sign;
  if (!sign) throw new Error('the registry has no signing key');
  const pending = await repo.pendingPurges(ctx.deps.store, ins);
  await Promise.all(
    pending.map(async ({ source }) => {
      try {
        const order = await signPurgeOrder(sign, { ins, source });
        const { purgePatient } = await callPeer<{ purgePatient: { remaining: number } }>(
          ctx,
          source as never,
          'mutation Purge($order: String!) { purgePatient(order: $order) { remaining } }',
          { order },
        );
        if (purgePatient.remaining === 0) await repo.purgeDone(ctx.deps.store, ins, source);
      } catch {
        // Left pending: resumeDeletions retries; the record is unreadable meanwhile.
      }
    }),
  );
  const left = (await repo.pendingPurges(ctx.deps.store, ins)).map((p) => p.source);
  if (left.length === 0) {
    // The registry's rows go last, and only once the trace of the purge is in the chain: the trace unwritable,
    // the patient's row (DELETED) stays, and `unfinishedDeletions` brings it back to the next resumption. The
    // audit store's own purge (notifications, the patient's key) is idempotent and is simply done again.
    await ctx.deps.store.transaction(async (tx) => {
      const registry = await purgePatientRows(tx, ins, { last: ['patient'] });
      const audit = await ctx.deps.audit.store.transaction((atx) =>
        purgePatientRows(atx, ins, { keep: ['access_trace'] }),
      );
      recordAccess(ctx, {
        patientIns: ins,
        action: 'purge',
        touched: ['registry', 'notifications'],
        outcome: registry.remaining + audit.remaining === 0 ? 'allowed' : 'denied',
        rule: 'lifecycle.delete.purge',
      });
      await commitTraces(ctx);
    });
  }
  return left;
}

/**
 * The archive's end (seeds 001, 002, 004; docs/time.md): every closed DMP whose ten years have run, from its
 * closure or from the death, is destroyed as a deletion is: marked DELETED with every source pending, traced
 * (`destroy`, naming the INS, like the deletion's own traces), then purged. Every purge still pending, of these
 * or of earlier deletions (a source still pending, or the registry's own rows not yet erased), is carried on. Idempotent: a second run at the same instant destroys nothing more.
 */
export async function endArchives(ctx: SubgraphContext): Promise<{ destroyed: string[]; pending: string[] }> {
  const { closedBy, diedBy } = archiveEndCandidates(ctx.now);
  const destroyed = await ctx.deps.store.transaction(async (tx) => {
    const candidates = await tx.query<{ ins: string; dmp_closed_at: Date; deceased_on: string | Date | null }>(
      `SELECT ins, dmp_closed_at, deceased_on::text AS deceased_on FROM patient
       WHERE dmp_status = 'CLOSED' AND (dmp_closed_at <= $1 OR deceased_on <= $2::date) FOR UPDATE`,
      [closedBy, diedBy],
    );
    const ended = candidates.filter((r) =>
      archiveEnded(r.dmp_closed_at, r.deceased_on === null ? null : String(r.deceased_on), ctx.now),
    );
    for (const { ins } of ended) {
      await repo.setStatus(tx, ins, 'DELETED', ctx.now);
      await repo.addPendingPurges(tx, ins, WRITABLE_SOURCES, ctx.now);
      recordAccess(ctx, {
        patientIns: ins,
        action: 'destroy',
        touched: ['dmp'],
        outcome: 'allowed',
        rule: 'lifecycle.destroy.archive-end',
      });
    }
    // The destruction and its trace stand or fall together.
    await commitTraces(ctx);
    return ended.map((r) => r.ins);
  });
  const pending: string[] = [];
  for (const ins of await repo.unfinishedDeletions(ctx.deps.store)) {
    try {
      if ((await completePurge(ctx, ins)).length > 0) pending.push(ins);
    } catch {
      // The registry's own purge could not be traced: it was not made, and the next resumption retries it.
      pending.push(ins);
    }
  }
  await commitTraces(ctx);
  return { destroyed, pending };
}
