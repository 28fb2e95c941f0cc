import { insArgument } from '../../runtime/arguments';
import { permitFor } from '../kit/documents/deposit';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';

/** The DMP type that carries the health profile (policy/field-rules.json): its permit is asked for every write. */
export const PROFILE_TYPE = 'DOCPAT08';

/**
 * One write into the health profile, as every write of the personal space is (personal-space.writes.ts): the
 * registry's permit for the patient's side on their own, active record, then `apply` in one transaction
 * committed with its trace. The caller checks its input before, so bad input asks nothing and writes nothing.
 */
export async function writeProfile<T>(
  ctx: SubgraphContext,
  rawIns: string,
  part: string,
  apply: (tx: SqlExecutor, ins: string) => Promise<T>,
): Promise<T> {
  const ins = insArgument(rawIns);
  const permit = await permitFor(ctx, ins, 'personal-space', PROFILE_TYPE);
  return tracedTransaction(ctx, async (tx) => {
    const result = await apply(tx, ins);
    recordAccess(ctx, {
      patientIns: ins,
      action: 'write-personal-space',
      touched: [part],
      outcome: 'allowed',
      rule: permit.rule,
    });
    return result;
  });
}
