import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { quoteIdent, toCopyText, type SqlExecutor, type SqlStore } from './sql-store';

export interface PgliteStoreOptions {
  /** Directory PGlite keeps its cluster in; absent: in memory. */
  dataDir?: string;
}

/** A subgraph's store on embedded PGlite: the zero-install default, one cluster per subgraph. */
export async function createPgliteStore(options: PgliteStoreOptions): Promise<SqlStore> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  let statementCount = 0;

  const executor = (target: PGlite | Transaction): SqlExecutor => ({
    async query(sql, params = []) {
      statementCount++;
      const result = await target.query(sql, params as unknown[]);
      return result.rows as never[];
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      statementCount++;
      await target.query(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM '/dev/blob'`, [], {
        blob: new Blob([toCopyText(rows)]),
      });
    },
  });

  return {
    kind: 'pglite',
    ...executor(db),
    get statementCount() { return statementCount; },
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}
