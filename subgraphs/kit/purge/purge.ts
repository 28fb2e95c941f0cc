import { quoteIdent, type SqlExecutor } from '../../../runtime/store/sql-store';

/**
 * Columns that name a patient a row is about, in every store of the graph: the record's own (`patient_ins`,
 * `ins`), and the other person of a caregiving (the caregiver, the one invited): their rows go with their record.
 */
const PATIENT_COLUMNS = ['patient_ins', 'ins', 'caregiver_ins', 'invitee_ins'];

export interface PurgeScope {
  /** Tables emptied after the others (those the others reference). */
  last?: string[];
  /** Tables the law keeps (the audit store's access traces): neither deleted nor counted. */
  keep?: string[];
}

/** Every table of this store (its own schema) with a column naming a patient: a new table cannot be forgotten. */
async function patientTables(tx: SqlExecutor, scope: PurgeScope): Promise<{ table: string; column: string }[]> {
  const rows = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.column_name = ANY($1::text[]) ORDER BY c.table_name`,
    [PATIENT_COLUMNS],
  );
  const last = scope.last ?? [];
  return rows
    .filter((r) => !(scope.keep ?? []).includes(r.table_name))
    .map((r) => ({ table: r.table_name, column: r.column_name }))
    .sort((a, b) => last.indexOf(a.table) - last.indexOf(b.table));
}

/** How many rows of this store still name the patient (zero proves a purge). */
export async function remainingRows(tx: SqlExecutor, ins: string, scope: PurgeScope = {}): Promise<number> {
  let remaining = 0;
  for (const { table, column } of await patientTables(tx, scope)) {
    const [row] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} = $1`,
      [ins],
    );
    remaining += row.n;
  }
  return remaining;
}

/** Deletes every row naming the patient from this store; returns what was deleted and what remains. */
export async function purgePatientRows(
  tx: SqlExecutor,
  ins: string,
  scope: PurgeScope = {},
): Promise<{ deleted: number; remaining: number }> {
  let deleted = 0;
  for (const { table, column } of await patientTables(tx, scope)) {
    const [row] = await tx.query<{ n: number }>(
      `WITH gone AS (DELETE FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [ins],
    );
    deleted += row.n;
  }
  return { deleted, remaining: await remainingRows(tx, ins, scope) };
}
