import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** The server tests create their databases on. CI and this machine run one at 127.0.0.1:5432 with trust auth. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A database of its own for one test file (or, with a fixed `name`, one benchmark: a run left behind by a
 * crash is dropped first), dropped by `drop()`.
 */
export async function createTestDatabase(
  name = `dmp_test_${process.pid}_${randomBytes(4).toString('hex')}`,
): Promise<TestDatabase> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a database name: ${name}`);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
