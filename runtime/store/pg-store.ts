import { Pool, types, type PoolClient } from 'pg';

// A DATE is a calendar day: keep it as 'YYYY-MM-DD' rather than a Date at local midnight.
const DATE_OID = 1082;
const parseTypes = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (v: string) => v : types.getTypeParser(oid, format as 'text')) };
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
}

/** A subgraph's store on PostgreSQL: one schema per subgraph, search_path pinned on every connection. */
export async function createPgStore(options: PgStoreOptions): Promise<SqlStore> {
  const schema = quoteIdent(options.schema);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: `-c search_path=${options.schema}`,
    connectionTimeoutMillis: 5000,
    types: parseTypes as never,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  let statementCount = 0;

  const copyInto = async (client: PoolClient, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => {
    if (rows.length === 0) return;
    statementCount++;
    const sink = client.query(copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(',')}) FROM STDIN`));
    await pipeline(Readable.from([toCopyText(rows)]), sink);
  };
  const executor = (client: PoolClient): SqlExecutor => ({
    async query(sql, params = []) {
      statementCount++;
      const result = await client.query(sql, params as unknown[]);
      return result.rows;
    },
    copyRows: (table, columns, rows) => copyInto(client, table, columns, rows),
  });

  return {
    kind: 'postgres',
    async query(sql, params = []) {
      statementCount++;
      const result = await pool.query(sql, params as unknown[]);
      return result.rows;
    },
    get statementCount() { return statementCount; },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        await copyInto(client, table, columns, rows);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
