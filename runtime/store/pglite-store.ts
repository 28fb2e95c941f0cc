import { PGlite, type Transaction } from '@electric-sql/pglite';
// Trigram similarity for the spoken identity search (subgraphs/patient/migrations/020): PGlite loads a contrib
// module only when it is passed here; PostgreSQL ships it.
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { quoteIdent, toCopyText, type SqlExecutor, type SqlStore } from './sql-store';

export interface PgliteStoreOptions {
  /** Directory PGlite keeps its cluster in; absent: in memory. */
  dataDir?: string;
}

/** A subgraph's store on embedded PGlite: the zero-install default, one cluster per subgraph. */
export async function createPgliteStore(options: PgliteStoreOptions): Promise<SqlStore> {
  if (options.dataDir && !hasCluster(options.dataDir)) {
    mkdirSync(dirname(options.dataDir), { recursive: true });
    cpSync(await emptyCluster(), options.dataDir, { recursive: true });
  }
  const db = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
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
    get statementCount() {
      return statementCount;
    },
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}

const hasCluster = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

let template: Promise<string> | null = null;

/**
 * A freshly initialised, cleanly closed cluster to copy: initdb in WebAssembly takes ~6 s, a copy ~1 s, and the
 * graph opens seven stores (a newcomer's first start, and every test graph on the embedded store). Kept in the
 * temporary directory per PGlite version; made under a unique name and renamed, so concurrent processes agree.
 */
function emptyCluster(): Promise<string> {
  template ??= (async () => {
    const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
    const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
    const path = join(tmpdir(), `dmp-pglite-empty-cluster-${version}`);
    if (hasCluster(path)) return path;
    const building = mkdtempSync(`${path}.building-`);
    const db = await PGlite.create(building);
    await db.close();
    try {
      renameSync(building, path);
    } catch {
      rmSync(building, { recursive: true, force: true });
      if (!hasCluster(path)) throw new Error(`could not prepare the embedded cluster template at ${path}`);
    }
    return path;
  })();
  template.catch(() => {
    template = null;
  });
  return template;
}
