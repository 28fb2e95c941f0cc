import { join } from 'node:path';
import type { RuntimeConfig } from '../config';
import { createPgStore } from './pg-store';
import { createPgliteStore } from './pglite-store';
import { migrate } from './migrate';
import type { SqlStore } from './sql-store';
import type { GraphQLError } from 'graphql';
import { unavailable } from '../errors';
import { logger } from '../logger';

/**
 * Opens a subgraph's own store and brings its schema up to date: on PostgreSQL a schema named after the
 * subgraph (or the server in `<NAME>_DATABASE_URL`), else an embedded PGlite cluster under the data directory.
 */
export async function openStore(
  config: RuntimeConfig,
  subgraph: string,
  migrationsDir: string,
  options: { whenUp?: boolean } = {},
): Promise<SqlStore> {
  const schema = subgraph.replace(/-/g, '_');
  const url = config.storeUrls[subgraph] ?? config.databaseUrl;
  if (!url) {
    const store = await createPgliteStore({ dataDir: join(config.dataDir, 'stores', subgraph) });
    await migrate(store, migrationsDir);
    return store;
  }
  const open = async () => {
    const store = await createPgStore({ url, schema });
    try {
      await migrate(store, migrationsDir);
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  };
  try {
    return await open();
  } catch (error) {
    if (!options.whenUp || !isOutage(error)) throw error;
    logger.warn({ store: subgraph }, 'store unavailable at start: its part is unavailable until it answers');
    return storeWhenUp(open, subgraph);
  }
}

const isOutage = (error: unknown) => (error as GraphQLError)?.extensions?.code === 'SERVICE_UNAVAILABLE';

/**
 * A store that was away when the process started: every statement is a coded outage until a retry (each
 * second) opens and migrates it, then it is the store. A serving process starts without it, so one store away
 * leaves its source unavailable instead of the graph down.
 */
function storeWhenUp(open: () => Promise<SqlStore>, name: string, retryMs = 1000): SqlStore {
  let store: SqlStore | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const attempt = () => {
    timer = setTimeout(async () => {
      try {
        const opened = await open();
        if (closed) await opened.close();
        else {
          store = opened;
          logger.info({ store: name }, 'store answered: opened and migrated');
        }
      } catch {
        if (!closed) attempt();
      }
    }, retryMs);
    timer.unref();
  };
  attempt();
  const live = (): SqlStore => {
    if (!store) throw unavailable('A store of this source is unavailable; retry shortly');
    return store;
  };
  return {
    kind: 'postgres',
    query: async (sql, params) => live().query(sql, params),
    copyRows: async (table, columns, rows) => live().copyRows(table, columns, rows),
    transaction: async (fn) => live().transaction(fn),
    get statementCount() {
      return store?.statementCount ?? 0;
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await store?.close();
    },
  };
}
