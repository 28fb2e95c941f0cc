import DataLoader from 'dataloader';
import type { SqlStore } from '../../../runtime/store/sql-store';
import { quoteIdent } from '../../../runtime/store/sql-store';

/** Rows of one batched statement, split back per patient asked about (every patient gets a list, maybe empty). */
export function groupByPatient<R extends { patient_ins: string }>(
  insList: readonly string[],
  rows: readonly R[],
): Map<string, R[]> {
  const byPatient = new Map<string, R[]>(insList.map((ins) => [ins, []]));
  for (const row of rows) byPatient.get(row.patient_ins)?.push(row);
  return byPatient;
}

/** The same, as DataLoader wants it: one list per patient, in the order they were asked for. */
export function listsPerPatient<R extends { patient_ins: string }>(
  insList: readonly string[],
  rows: readonly R[],
): R[][] {
  const byPatient = groupByPatient(insList, rows);
  return insList.map((ins) => byPatient.get(ins)!);
}

/** One statement for the rows of every patient asked about in a request. */
export function rowsByPatient<R extends { patient_ins: string }>(store: SqlStore, table: string, orderBy: string) {
  return new DataLoader<string, R[]>(async (insList) => {
    const rows = await store.query<R>(
      `SELECT * FROM ${quoteIdent(table)} WHERE patient_ins = ANY($1::text[]) ORDER BY ${orderBy}`,
      [insList],
    );
    return listsPerPatient(insList, rows);
  });
}
