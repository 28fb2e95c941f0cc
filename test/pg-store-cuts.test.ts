import { createPgStore } from '../runtime/store/pg-store';
import type { SqlStore } from '../runtime/store/sql-store';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from './support/test-database';
import { tcpProxy } from './support/tcp-proxy';
import { eventually } from './support/eventually';

/**
 * The store's connection cut at a chosen point, not at random under load (test/postgres-blip does that): in a
 * transaction between two statements, during a statement, during a COPY, and during a pooled query. Each time
 * only that call fails, as SERVICE_UNAVAILABLE; nothing of it is kept; the process stays up (an `error` event
 * no one listened to would end this test run); and the store serves again once the server answers.
 */
describe("a store's connection cut at a chosen point fails only that call", () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof tcpProxy>>;
  let store: SqlStore;
  beforeAll(async () => {
    database = await createTestDatabase();
    const server = new URL(ADMIN_URL);
    relay = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(database.url);
    url.port = String(relay.port);
    store = await createPgStore({ url: url.toString(), schema: 'cuts', poolSize: 4 });
    await store.query('CREATE TABLE kept (n int NOT NULL)');
  });
  afterAll(async () => {
    await relay?.start().catch(() => undefined);
    await store?.close();
    await relay?.stop();
    await database?.drop();
  });
  beforeEach(() => store.query('TRUNCATE kept'));

  /** Cuts every connection through the relay, as a server going away does, and lets new ones in again. */
  const cut = async () => {
    await relay.stop();
    await relay.start();
  };
  const outage = expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) });
  const served = () =>
    eventually(async () => {
      expect(await store.query('SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 0 }]);
    });

  it.each<[string, (s: SqlStore) => Promise<unknown>]>([
    [
      'in a transaction, between two statements',
      (s) =>
        s.transaction(async (tx) => {
          await tx.query('INSERT INTO kept VALUES (1)');
          await cut();
          await tx.query('INSERT INTO kept VALUES (2)');
        }),
    ],
    [
      'in a transaction, during a statement',
      (s) =>
        s.transaction(async (tx) => {
          await tx.query('INSERT INTO kept VALUES (1)');
          setTimeout(() => void cut(), 200);
          await tx.query('SELECT pg_sleep(5)');
        }),
    ],
    [
      'during a COPY',
      (s) => {
        setTimeout(() => void cut(), 50);
        const rows = Array.from({ length: 400_000 }, (_, i) => [i]);
        return s.copyRows('kept', ['n'], rows);
      },
    ],
    [
      'during a COPY in a transaction',
      (s) =>
        s.transaction(async (tx) => {
          setTimeout(() => void cut(), 50);
          await tx.copyRows!(
            'kept',
            ['n'],
            Array.from({ length: 400_000 }, (_, i) => [i]),
          );
        }),
    ],
    [
      'during a pooled query',
      (s) => {
        setTimeout(() => void cut(), 200);
        return s.query('SELECT pg_sleep(5)');
      },
    ],
  ])('%s: SERVICE_UNAVAILABLE, nothing kept, served again', async (_label, call) => {
    await expect(call(store)).rejects.toEqual(outage);
    await served();
    // The pool lends no broken connection: a burst of statements, more than the pool holds, all answer.
    const answers = await Promise.all(Array.from({ length: 12 }, () => store.query('SELECT 1 AS one')));
    expect(answers).toEqual(Array.from({ length: 12 }, () => [{ one: 1 }]));
  });
});
