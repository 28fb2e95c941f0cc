import type { SqlExecutor } from '../../runtime/store/sql-store';
import { pseudonym, tracedAs } from '../../audit/patient-keys';
import type { ChainedTrace } from '../../audit/trace';

/**
 * The chain names patients by pseudonym (audit/patient-keys.ts). Tests that read the audit store directly ask
 * it with every name a patient's traces carry, and read its rows back with INS.
 */
export async function traceNames(audit: SqlExecutor, ins: string): Promise<string[]> {
  const as = await tracedAs(audit, ins);
  return as.pseudonym ? [as.pseudonym, ins] : [ins];
}

/** Stored traces with `patientIns` (and a patient actor's id) read back through the keys the store holds. */
export async function withIns(
  audit: SqlExecutor,
  traces: ChainedTrace[],
): Promise<(ChainedTrace & { patientIns: string | null })[]> {
  const keys = await audit.query<{ ins: string; key: string }>('SELECT ins, key FROM patient_key');
  const back = new Map(keys.map((k) => [pseudonym(k.key, k.ins), k.ins]));
  const read = (name: string | null) => (name === null ? null : (back.get(name) ?? name));
  return traces.map((t) => ({
    ...t,
    patientIns: read(t.patientRef),
    actorId: t.actorId.startsWith('patient:') ? `patient:${read(t.actorId.slice(8))}` : t.actorId,
  }));
}
