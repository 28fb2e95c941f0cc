import { insArgument } from '../../runtime/arguments';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { recordAccess } from '../../audit/trace-recorder';
import { permitFor } from '../kit/documents/deposit';
import { tracedTransaction } from '../kit/traced-transaction';
import type { SubgraphContext } from '../kit/context';

/** The DMP type that carries the health profile (Profil médical Mon espace santé), as in policy/field-rules.json. */
export const HEALTH_PROFILE = 'DOCPAT08';

/** Who on the patient's side writes, as an entry of the health profile keeps it. */
export interface ProfileWriter {
  kind: 'PATIENT' | 'REPRESENTATIVE';
  id: string;
  /** The patient's name from the registry's permit; a representative is named by their account. */
  name: string | null;
}

/**
 * One write into the personal space, of the DMP type `typeCode`: the registry's permit for the patient's side
 * on their own, active record, then `apply` in one transaction committed with its trace (action
 * write-personal-space, the part written). The caller checks its input before, so bad input asks nothing and
 * writes nothing. Every write of the personal space but those about its own documents goes through here.
 */
export async function writeSpace<T>(
  ctx: SubgraphContext,
  rawIns: string,
  typeCode: string,
  part: string,
  apply: (tx: SqlExecutor, ins: string, writer: ProfileWriter) => Promise<T>,
): Promise<T> {
  const ins = insArgument(rawIns);
  const permit = await permitFor(ctx, ins, 'personal-space', typeCode);
  const writer: ProfileWriter =
    ctx.actor.kind === 'representative'
      ? { kind: 'REPRESENTATIVE', id: ctx.actor.id, name: null }
      : { kind: 'PATIENT', id: ctx.actor.id, name: permit.author.name };
  return tracedTransaction(ctx, async (tx) => {
    const result = await apply(tx, ins, writer);
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

/** One write into the health profile (the type HEALTH_PROFILE). */
export const writeHealthProfile = <T>(
  ctx: SubgraphContext,
  rawIns: string,
  part: string,
  apply: (tx: SqlExecutor, ins: string, writer: ProfileWriter) => Promise<T>,
): Promise<T> => writeSpace(ctx, rawIns, HEALTH_PROFILE, part, apply);
