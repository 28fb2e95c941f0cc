import type { SqlExecutor } from '../../runtime/store/sql-store';
import { pseudonym, tracedAs } from '../../audit/patient-keys';
import type { ChainedTrace } from '../../audit/trace';
import type { TestGraph } from './test-graph';

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

/** Rows of every table of a store whose text holds `text`, whatever the column: independent of any bookkeeping. */
export async function rowsMentioning(store: SqlExecutor, text: string): Promise<Record<string, number>> {
  const tables = await store.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE $1`,
      [`%${text}%`],
    );
    if (row.n > 0) found[table] = row.n;
  }
  return found;
}

/** Every row of every store of the graph, the audit store's traces included, whose text holds `text`. */
export async function everywhere(
  graph: Pick<TestGraph, 'stores' | 'auditStore'>,
  text: string,
): Promise<Record<string, Record<string, number>>> {
  const all: Record<string, Record<string, number>> = {};
  for (const [name, store] of Object.entries({ ...graph.stores, audit: graph.auditStore })) {
    const found = await rowsMentioning(store, text);
    if (Object.keys(found).length) all[name] = found;
  }
  return all;
}
