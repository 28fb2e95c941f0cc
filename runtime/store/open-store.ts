import { join } from 'node:path';
import type { RuntimeConfig } from '../config';
import { createPgStore } from './pg-store';
import { createPgliteStore } from './pglite-store';
import { migrate } from './migrate';
import type { SqlStore } from './sql-store';

/**
 * Opens a subgraph's own store and brings its schema up to date: on PostgreSQL a schema named after the
 * subgraph (or the server in `<NAME>_DATABASE_URL`), else an embedded PGlite cluster under the data directory.
 */
export async function openStore(config: RuntimeConfig, subgraph: string, migrationsDir: string): Promise<SqlStore> {
  const schema = subgraph.replace(/-/g, '_');
  const url = config.storeUrls[subgraph] ?? config.databaseUrl;
  const store = url
    ? await createPgStore({ url, schema })
    : await createPgliteStore({ dataDir: join(config.dataDir, 'stores', subgraph) });
  await migrate(store, migrationsDir);
  return store;
}
