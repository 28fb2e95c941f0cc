import DataLoader from 'dataloader';
import type { SqlStore } from '../store/sql-store';
import { quoteIdent } from '../store/sql-store';

/** One statement for the rows of every patient asked about in a request. */
export function rowsByPatient<R extends { patient_ins: string }>(store: SqlStore, table: string, orderBy: string) {
  return new DataLoader<string, R[]>(async (insList) => {
    const rows = await store.query<R>(`SELECT * FROM ${quoteIdent(table)} WHERE patient_ins = ANY($1::text[]) ORDER BY ${orderBy}`, [insList]);
    const byPatient = new Map<string, R[]>(insList.map((ins) => [ins, []]));
    for (const row of rows) byPatient.get(row.patient_ins)?.push(row);
    return insList.map((ins) => byPatient.get(ins)!);
  });
}
