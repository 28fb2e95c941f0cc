import { Pool, types, type PoolClient } from 'pg';
import { unavailable } from '../errors';
import { MIGRATION_LOCK } from './migrate';

// A DATE is a calendar day: keep it as 'YYYY-MM-DD' rather than a Date at local midnight.
const DATE_OID = 1082;
const parseTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (v: string) => v : types.getTypeParser(oid, format as 'text'),
};
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { quoteIdent, toCopyText, type SqlExecutor, type SqlStore } from './sql-store';

export interface PgStoreOptions {
  /** postgres:// URL of the server. */
  url: string;
  /** The schema this subgraph owns; its tables live there and nowhere else. */
  schema: string;
  /** @default 10 */
  poolSize?: number;
  /** Client-side limit on one statement, the longest analytics aggregate included. @default 30000 */
  queryTimeoutMs?: number;
}

const DISCONNECTED_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** SQLSTATE 08 (connection exception) and 57P01–57P03 (shutdown, crash, cannot connect now). */
const DISCONNECTED_SQLSTATE = /^(08...|57P0[123])$/;
const DISCONNECTED_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/;

/**
 * The server gone is an outage of this source (SERVICE_UNAVAILABLE, the caller may retry), not a fault of ours.
 * The pool drops broken connections, so the store recovers by itself once the server is back.
 */
function unavailableIfDisconnected(error: unknown): never {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    (typeof code === 'string' && (DISCONNECTED_NODE_CODES.has(code) || DISCONNECTED_SQLSTATE.test(code))) ||
    (typeof message === 'string' && DISCONNECTED_MESSAGE.test(message))
  ) {
    throw unavailable('A store of this source is unavailable; retry shortly');
  }
  throw error;
}

/** A subgraph's store on PostgreSQL: one schema per subgraph, search_path pinned on every connection. */
export async function createPgStore(options: PgStoreOptions): Promise<SqlStore> {
  const schema = quoteIdent(options.schema);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: `-c search_path=${options.schema}`,
    connectionTimeoutMillis: 5000,
    // A server that stops answering mid-query (hung, or cut off without a reset) frees the connection.
    query_timeout: options.queryTimeoutMs ?? 30_000,
    types: parseTypes as never,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  /**
   * A client checked out of the pool for a transaction or a COPY. While it is out, pg-pool listens to its
   * `error` event no more, and an `error` event no one listens to kills the process: a dropped connection
   * would take down every subgraph of the process. It gets a listener of its own while out, and a client
   * that broke goes back as broken, so the pool discards it instead of lending it again.
   */
  const checkout = async () => {
    const client = await pool.connect().catch(unavailableIfDisconnected);
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    return {
      client,
      /** A client whose last call failed on its connection (no `error` event may have come) goes back broken. */
      markBroken: (error: Error) => {
        broken ??= error;
      },
      release: () => {
        client.off('error', onError);
        client.release(broken);
      },
    };
  };
  /** Runs fn on one checked-out client inside BEGIN … COMMIT, rolled back if anything fails. */
  const inTransaction = async <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> => {
    const { client, markBroken, release } = await checkout();
    try {
      await client.query('BEGIN').catch(unavailableIfDisconnected);
      const result = await fn(client);
      await client.query('COMMIT').catch(unavailableIfDisconnected);
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not lent again.
      await client.query('ROLLBACK').catch(markBroken);
      throw error;
    } finally {
      release();
    }
  };
  try {
    // Under the migrations' lock: concurrent CREATE SCHEMA IF NOT EXISTS race on the catalogue too.
    await inTransaction(async (client) => {
      await client.query(MIGRATION_LOCK);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    unavailableIfDisconnected(error);
  }
  let statementCount = 0;

  const copyInto = async (
    client: PoolClient,
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ) => {
    if (rows.length === 0) return;
    statementCount++;
    const sink = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM STDIN`));
    await pipeline(Readable.from([toCopyText(rows)]), sink);
  };
  const executor = (client: PoolClient): SqlExecutor => ({
    async query(sql, params = []) {
      statementCount++;
      const result = await client.query(sql, params as unknown[]).catch(unavailableIfDisconnected);
      return result.rows;
    },
    copyRows: (table, columns, rows) => copyInto(client, table, columns, rows).catch(unavailableIfDisconnected),
  });

  return {
    kind: 'postgres',
    async query(sql, params = []) {
      statementCount++;
      const result = await pool.query(sql, params as unknown[]).catch(unavailableIfDisconnected);
      return result.rows;
    },
    get statementCount() {
      return statementCount;
    },
    transaction: (fn) => inTransaction((client) => fn(executor(client))),
    async copyRows(table, columns, rows) {
      const { client, markBroken, release } = await checkout();
      try {
        await copyInto(client, table, columns, rows).catch((error: Error) => {
          // A COPY cut midway leaves the connection in no state to be lent again.
          markBroken(error);
          unavailableIfDisconnected(error);
        });
      } finally {
        release();
      }
    },
    close: () => pool.end(),
  };
}
