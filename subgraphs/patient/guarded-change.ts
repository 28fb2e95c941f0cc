import { notFound, forbidden } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { mayKnowOf } from '../../policy/refusal';
import type { ActionRule, Refusal, Rule } from '../../policy/rules';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { factsOf } from './patient.loader';
import { findPatientFacts, type PatientFactsRow } from './patient.repo';

/**
 * One change to a patient's record, the way every registry write runs: fresh facts under a row lock, the
 * policy's decision on them, then `apply` in the same transaction, traced allowed or denied with the rule
 * that decided. A record the actor may not know of answers NOT_FOUND, as reads do (docs/law.md §3); bad input
 * thrown by `apply` changes nothing.
 */
export async function guardedChange<T>(
  ctx: SubgraphContext,
  change: {
    ins: string;
    action: string;
    touched: string;
    decide: (row: PatientFactsRow) => { allowed: true; rule: ActionRule } | Refusal;
    apply: (tx: SqlExecutor, row: PatientFactsRow) => Promise<T>;
  },
): Promise<T> {
  const traced = (outcome: 'allowed' | 'denied', rule: Rule) =>
    recordAccess(ctx, { patientIns: change.ins, action: change.action, touched: [change.touched], outcome, rule });
  return tracedTransaction(ctx, async (tx) => {
    const [row] = await findPatientFacts(tx, ctx.actor, [change.ins], ctx.now, { forUpdate: true });
    if (!row) {
      traced('denied', 'deny.no-such-record');
      throw notFound('No DMP found for this INS');
    }
    const right = change.decide(row);
    if (!right.allowed) {
      traced('denied', right.rule);
      if (!mayKnowOf(ctx.actor, factsOf(row))) throw notFound('No DMP found for this INS');
      throw forbidden(right.reason);
    }
    const result = await change.apply(tx, row);
    traced('allowed', right.rule);
    return result;
  });
}
