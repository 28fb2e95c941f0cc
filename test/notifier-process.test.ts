import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../domain/paths';
import { readConfig } from '../runtime/config';
import type { SqlStore } from '../runtime/store/sql-store';
import { openAuditStore } from '../audit/audit-store';
import { WEBHOOK_TIMEOUT_MS } from '../audit/notifier';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from './support/test-database';
import { privateRedis, type PrivateRedis } from './support/private-redis';
import { tcpProxy } from './support/tcp-proxy';
import { eventually } from './support/eventually';

/**
 * The notifier as docker-compose runs it: the process `node dist/scripts/notifier.js` (built by `npm run build`),
 * with the notifier service's environment, in front of a webhook of the test's own. SIGTERM with the webhook
 * hung: the call in flight is aborted at SHUTDOWN_GRACE_MS, the process exits 0, and what it held is sent by the
 * next process, once. PostgreSQL away at its start: it waits for it instead of exiting.
 */
const GRACE_MS = 1500;
/** What exiting may take beyond the grace (release the claim, close the stores) on a loaded two-core machine. */
const EXIT_MARGIN_MS = 2500;
/** The rows the next process must send sooner than the outbox relays an undelivered row again (30 s). */
const REDELIVERY_MS = 15_000;

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });

/**
 * A webhook receiver that holds every call while `hanging`, else answers 200. It records each call's
 * Idempotency-Key and notification id, and when a held call's connection was closed by the caller.
 */
async function webhook() {
  const calls: { key: string | undefined; id: string; answered: boolean; closedAt?: number }[] = [];
  const state = { hanging: true };
  const server: Server = createServer(async (req, res) => {
    const call = { key: req.headers['idempotency-key'] as string | undefined, id: '', answered: false } as {
      key: string | undefined;
      id: string;
      answered: boolean;
      closedAt?: number;
    };
    calls.push(call);
    req.socket.once('close', () => (call.closedAt ??= Date.now()));
    call.id = String(JSON.parse(await body(req)).id);
    if (state.hanging) return;
    call.answered = true;
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/notify`,
    calls,
    state,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `node dist/scripts/notifier.js` with docker-compose's environment for the notifier service, over `overrides`. */
function notifierProcess(overrides: Record<string, string>) {
  const child = spawn(process.execPath, [projectPath('dist', 'scripts', 'notifier.js')], {
    env: { ...process.env, HOST: '0.0.0.0', LOG_LEVEL: 'info', SERVICE_NAME: 'notifier', ...overrides },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return { child, exited, output: () => output };
}

/** Notifications queued as the trace writer queues them, in the outbox of the audit store. */
async function queue(store: SqlStore, count: number, tag: string): Promise<string[]> {
  const rows = await store.query<{ id: string }>(
    `INSERT INTO notification_outbox (patient_ins, kind, request_id, at)
     SELECT '284077511612365', 'NEW_DOCUMENT', $2 || '-' || g, now() FROM generate_series(1, $1::int) g RETURNING id`,
    [count, tag],
  );
  return rows.map((r) => String(r.id));
}

const outbox = (store: SqlStore, ids: string[]) =>
  store.query<{ id: string; claimed: boolean; delivered: boolean }>(
    `SELECT id::text, claimed_at IS NOT NULL AS claimed, delivered_at IS NOT NULL AS delivered
       FROM notification_outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );

describe('the notifier process (dist/scripts/notifier.js, as docker-compose runs it)', () => {
  let database: TestDatabase;
  let store: SqlStore;
  let dir: string;
  let redis: PrivateRedis;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmp-notifier-'));
    database = await createTestDatabase();
    store = await openAuditStore({ ...readConfig({}), dataDir: dir, databaseUrl: database.url });
    redis = await privateRedis();
  });
  afterAll(async () => {
    await store?.close();
    await redis?.kill();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    KEYS_DIR: join(dir, 'keys'),
    DATA_DIR: dir,
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    ...extra,
  });

  it('SIGTERM with the webhook hung: the call is aborted at the grace, the claim released, exit 0; the next process sends each once', async () => {
    const hook = await webhook();
    const processes: ReturnType<typeof notifierProcess>[] = [];
    try {
      const ids = await queue(store, 2, 'sigterm');
      const first = notifierProcess(env({ NOTIFY_WEBHOOK_URL: hook.url }));
      processes.push(first);
      await eventually(async () => expect(hook.calls.filter((c) => c.id)).toHaveLength(1), 20_000);
      expect((await outbox(store, ids)).filter((r) => r.claimed)).toHaveLength(1);

      const signalled = Date.now();
      first.child.kill('SIGTERM');
      const { code, at } = await first.exited;
      expect({ code, output: code === 0 ? '' : first.output() }).toEqual({ code: 0, output: '' });
      expect(at - signalled).toBeLessThan(GRACE_MS + EXIT_MARGIN_MS);
      // The one call in flight was held until the grace, then given up by the notifier: its connection closed
      // before the process exited, and well before the sender's own timeout would have closed it.
      expect(hook.calls).toHaveLength(1);
      const closedAt = hook.calls[0].closedAt!;
      expect(closedAt).toBeDefined();
      expect(closedAt - signalled).toBeGreaterThanOrEqual(GRACE_MS - 100);
      expect(closedAt - signalled).toBeLessThan(WEBHOOK_TIMEOUT_MS - 1000);
      expect(closedAt).toBeLessThanOrEqual(at);
      // Neither delivered nor claimed: left to be sent again.
      expect(await outbox(store, ids)).toEqual(ids.map((id) => ({ id, claimed: false, delivered: false })));
      expect(existsSync(join(dir, 'notifier.alive'))).toBe(false);

      // The next process (another consumer, as a recreated container is) sends both, each once, promptly.
      hook.state.hanging = false;
      const next = notifierProcess(env({ NOTIFY_WEBHOOK_URL: hook.url }));
      processes.push(next);
      await eventually(
        async () => expect((await outbox(store, ids)).filter((r) => r.delivered)).toHaveLength(2),
        REDELIVERY_MS,
      );
      const answered = hook.calls.filter((c) => c.answered);
      expect(answered.map((c) => c.id).sort()).toEqual([...ids].sort());
      expect(answered.map((c) => c.key)).toEqual(answered.map((c) => c.id));
      next.child.kill('SIGTERM');
      expect((await next.exited).code).toBe(0);
    } finally {
      for (const { child } of processes) if (child.exitCode === null) child.kill('SIGKILL');
      await hook.close();
    }
  }, 60_000);

  it('PostgreSQL away at its start: it waits and retries, then delivers once the store answers', async () => {
    const hook = await webhook();
    hook.state.hanging = false;
    const server = new URL(ADMIN_URL);
    const relay = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    await relay.stop();
    const url = new URL(database.url);
    url.port = String(relay.port);
    const notifier = notifierProcess(env({ DATABASE_URL: url.toString(), NOTIFY_WEBHOOK_URL: hook.url }));
    try {
      // Several of its one-second retries pass with the store away: the process is still there.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect({
        exit: notifier.child.exitCode,
        output: notifier.child.exitCode === null ? '' : notifier.output(),
      }).toEqual({ exit: null, output: '' });
      // Its rounds fail while the store is away: no heartbeat, so its container is not healthy.
      expect(existsSync(join(dir, 'notifier.alive'))).toBe(false);
      const ids = await queue(store, 1, 'postgres-away');
      await relay.start();
      await eventually(
        async () => expect(await outbox(store, ids)).toEqual([{ id: ids[0], claimed: true, delivered: true }]),
        20_000,
      );
      expect(hook.calls.filter((c) => c.id === ids[0] && c.answered)).toHaveLength(1);
      await eventually(async () => expect(existsSync(join(dir, 'notifier.alive'))).toBe(true));
      notifier.child.kill('SIGTERM');
      expect((await notifier.exited).code).toBe(0);
    } finally {
      if (notifier.child.exitCode === null) notifier.child.kill('SIGKILL');
      await relay.stop();
      await hook.close();
    }
  }, 60_000);
});
