import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlExecutor, SqlStore } from './sql-store';

/**
 * Applies a subgraph's versioned migrations (`migrations/NNN_name.sql`) in order, each once, each in its own
 * transaction. The same files run on PostgreSQL and PGlite.
 */
export async function migrate(store: SqlStore, migrationsDir: string): Promise<string[]> {
  // Six processes started at once migrate the shared audit schema together: without a lock, two CREATE TABLE
  // IF NOT EXISTS race on the catalogue (duplicate key in pg_type) and a process dies at start.
  await store.transaction(async (tx) => {
    await lockMigrations(store, tx);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const sql = readFileSync(join(migrationsDir, file), 'utf8');
    const ran = await store.transaction(async (tx) => {
      await lockMigrations(store, tx);
      // Under the lock: another process may have applied it since this one looked.
      const [done] = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file]);
      if (done) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}

/** Taken in a transaction, held until it ends: schema changes of the graph, one at a time per database. */
export const MIGRATION_LOCK = `SELECT pg_advisory_xact_lock(hashtext('dmp-graph:migrations'))`;

/** One migration at a time per PostgreSQL database (PGlite has one connection). */
async function lockMigrations(store: SqlStore, tx: SqlExecutor): Promise<void> {
  if (store.kind === 'postgres') await tx.query(MIGRATION_LOCK);
}

/**
 * Splits on semicolons at line ends; migrations keep one statement per `;` line. A procedural body (a trigger's
 * function, between `$$`) is one statement whatever semicolons it holds.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let pending = '';
  for (const piece of sql.replace(/^\s*--.*$/gm, '').split(/;\s*$/m)) {
    pending = pending ? `${pending};${piece}` : piece;
    // An odd count of `$$` so far: the split fell inside a body.
    if ((pending.match(/\$\$/g) ?? []).length % 2 === 1) continue;
    if (pending.trim()) statements.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) throw new Error('a migration ends inside a $$ body');
  return statements;
}
