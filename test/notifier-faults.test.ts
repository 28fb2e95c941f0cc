import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRedis, redisReady } from '../runtime/redis';
import { createNotifier, createWebhookSender, WEBHOOK_TIMEOUT_MS, type Notification } from '../audit/notifier';
import type { SqlStore } from '../runtime/store/sql-store';
import { scenarioFile, startTestGraph, startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis } from './support/private-redis';
import { eventually } from './support/eventually';

/**
 * Delivery is at least once, and shutdown is bounded: a notification claimed by a process that died is sent
 * again once its claim expires; SIGTERM with the webhook hung stops taking requests at once, aborts the call
 * at the grace deadline and leaves the notification to be sent again. Each sending of a notification carries
 * the same Idempotency-Key, its own, so a receiver that deduplicates on it acts on each exactly once. The
 * notifier as a process of its own: test/notifier-process.test.ts.
 */
const ADULT = '284077511612365';
const READ = `query ($ins: String!) { patient(ins: $ins) { hospitalReports { totalCount } } }`;

/** A webhook that never answers, counting the calls it holds. */
async function hungWebhook() {
  const held: IncomingMessage[] = [];
  /** When each held call's connection was closed by the caller (ms since the epoch). */
  const closedAt: number[] = [];
  const server: Server = createServer((req) => {
    held.push(req);
    req.socket.once('close', () => closedAt.push(Date.now()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/notify`,
    held,
    closedAt,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A receiver as the webhook's must be: it acts on a notification the first time it sees its Idempotency-Key,
 * and answers a key it has seen without acting again. `loseAnswer` says, for each call, whether the answer is
 * lost after it acted (`hold`: never answered; `drop`: the connection cut), so that the notifier sends again.
 */
async function deduplicatingWebhook(loseAnswer: (call: { index: number; attempt: number }) => 'hold' | 'drop' | null) {
  const calls: { key: string | undefined; id: string }[] = [];
  const actedOn: string[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const key = req.headers['idempotency-key'] as string | undefined;
      const attempt = calls.filter((c) => c.key === key).length + 1;
      calls.push({ key, id: String(JSON.parse(text).id) });
      if (key && !actedOn.includes(key)) actedOn.push(key);
      const lost = loseAnswer({ index: calls.length - 1, attempt });
      if (lost === 'hold') return;
      if (lost === 'drop') return req.socket.destroy();
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/notify`,
    calls,
    actedOn,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Notifications of the outbox as the trace writer queues them (their ids). */
async function queueNotifications(store: SqlStore, count: number, tag: string): Promise<string[]> {
  const rows = await store.query<{ id: string }>(
    `INSERT INTO notification_outbox (patient_ins, kind, request_id, at)
     SELECT $3, 'NEW_DOCUMENT', $2 || '-' || g, now() FROM generate_series(1, $1::int) g RETURNING id`,
    [count, tag, ADULT],
  );
  return rows.map((r) => String(r.id));
}

const undelivered = async (store: SqlStore, ids: string[]) =>
  (
    await store.query<{ id: string }>(
      'SELECT id::text FROM notification_outbox WHERE delivered_at IS NULL AND id = ANY($1::bigint[])',
      [ids],
    )
  ).map((r) => r.id);

/** Every call named its notification by one key, its own: the same on each sending, another for each notification. */
function expectOneKeyPerNotification(calls: { key: string | undefined; id: string }[], ids: string[]) {
  const keysOf = new Map<string, Set<string | undefined>>();
  for (const { key, id } of calls) keysOf.set(id, (keysOf.get(id) ?? new Set()).add(key));
  expect([...keysOf.keys()].sort()).toEqual([...ids].sort());
  for (const [id, keys] of keysOf) expect({ id, keys: [...keys] }).toEqual({ id, keys: [id] });
}

describe('Idempotency-Key: a notification sent again carries the key it was first sent with', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.stop());

  it('a delivery retried after its answer was lost: the same key each time, so the receiver acts on each once', async () => {
    const redis = await privateRedis();
    const client = createRedis(redis.url);
    // The receiver acts on each notification's first call, then the connection is cut before it answers.
    const webhook = await deduplicatingWebhook(({ attempt }) => (attempt === 1 ? 'drop' : null));
    const notifier = createNotifier({
      store: graph.auditStore,
      redis: client,
      pollMs: 50,
      sender: createWebhookSender({ url: webhook.url }),
    });
    try {
      const ids = await queueNotifications(graph.auditStore, 3, 'retried');
      notifier.start();
      await eventually(async () => expect(await undelivered(graph.auditStore, ids)).toEqual([]), 15_000);
      await notifier.stop();
      for (const id of ids) expect(webhook.calls.filter((c) => c.id === id).length).toBeGreaterThanOrEqual(2);
      expectOneKeyPerNotification(webhook.calls, ids);
      expect([...webhook.actedOn].sort()).toEqual([...ids].sort());
    } finally {
      await notifier.stop();
      client.disconnect();
      await webhook.close();
      await redis.kill();
    }
  }, 30_000);

  it('a notification re-sent after its claim expired (its sender died mid-call): the same key, acted on once', async () => {
    const redis = await privateRedis();
    const clients = [createRedis(redis.url), createRedis(redis.url)];
    // The first call ever is the dying process's: the receiver acts on it and its answer never comes.
    const webhook = await deduplicatingWebhook(({ index }) => (index === 0 ? 'hold' : null));
    const options = { store: graph.auditStore, relayAgainAfterMs: 200, claimExpiresAfterMs: 400, pollMs: 50 };
    const next = createNotifier({
      ...options,
      redis: clients[1],
      consumer: 'next',
      sender: createWebhookSender({ url: webhook.url }),
    });
    try {
      const ids = await queueNotifications(graph.auditStore, 2, 'expired');
      const dying = createNotifier({
        ...options,
        redis: clients[0],
        consumer: 'dying',
        // Longer than the test: the call ends only when the receiver closes (the process is as good as dead).
        sender: createWebhookSender({ url: webhook.url, timeoutMs: 120_000 }),
      });
      // One-shot commands: the client connected first (it queues nothing while connecting).
      await redisReady(clients[0]);
      await dying.relayOnce();
      void dying.deliverOnce(50).catch(() => undefined);
      await eventually(async () => expect(webhook.calls).toHaveLength(1));
      const first = webhook.calls[0].id;

      next.start();
      await eventually(async () => expect(await undelivered(graph.auditStore, ids)).toEqual([]), 15_000);
      await next.stop();
      expect(webhook.calls.filter((c) => c.id === first).length).toBeGreaterThanOrEqual(2);
      expectOneKeyPerNotification(webhook.calls, ids);
      expect([...webhook.actedOn].sort()).toEqual([...ids].sort());
    } finally {
      await next.stop();
      clients.forEach((c) => c.disconnect());
      await webhook.close();
      await redis.kill();
    }
  }, 30_000);
});

describe('a notification claimed before a crash is delivered by whoever runs next', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  it('the first notifier dies while its sender hangs; the second sends it once its claim expires', async () => {
    const redis = await privateRedis();
    const clients = [createRedis(redis.url), createRedis(redis.url)];
    try {
      await (await graph.client('samu:13')).rawRequest(READ, { ins: ADULT });
      const options = { store: graph.auditStore, relayAgainAfterMs: 200, claimExpiresAfterMs: 400, pollMs: 50 };
      // The first process: its send never returns, and it is never stopped (as if killed with -9).
      const held: string[] = [];
      const dying = createNotifier({
        ...options,
        redis: clients[0],
        consumer: 'dying',
        sender: { send: (n) => (held.push(n.id), new Promise<void>(() => undefined)) },
      });
      await dying.relayOnce();
      void dying.deliverOnce(50);
      await eventually(async () => expect(held).toHaveLength(1));
      const [claimed] = await graph.auditStore.query<{ delivered_at: Date | null }>(
        'SELECT delivered_at FROM notification_outbox WHERE id = $1',
        [held[0]],
      );
      expect(claimed.delivered_at).toBeNull();

      const delivered: Notification[] = [];
      const next = createNotifier({
        ...options,
        redis: clients[1],
        consumer: 'next',
        sender: { send: async (n) => void delivered.push(n) },
      });
      next.start();
      await eventually(async () => expect(delivered.map((n) => n.id)).toContain(held[0]), 15_000);
      await next.stop();
      expect(delivered.filter((n) => n.id === held[0])).toHaveLength(1);
    } finally {
      clients.forEach((c) => c.disconnect());
      await redis.kill();
    }
  }, 30_000);
});

describe('stopping a notifier mid-send', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  it('aborts the send at the grace deadline and leaves the notification neither delivered nor claimed', async () => {
    const redis = await privateRedis();
    const client = createRedis(redis.url);
    try {
      await (await graph.client('samu:13')).rawRequest(READ, { ins: ADULT });
      let aborted = 0;
      const notifier = createNotifier({
        store: graph.auditStore,
        redis: client,
        pollMs: 50,
        sender: {
          send: (_n, signal) =>
            new Promise<void>((_resolve, reject) =>
              signal?.addEventListener('abort', () => (aborted++, reject(new Error('aborted')))),
            ),
        },
      });
      notifier.start();
      await eventually(async () => {
        const [claimed] = await graph.auditStore.query(
          'SELECT 1 FROM notification_outbox WHERE claimed_at IS NOT NULL',
        );
        expect(claimed).toBeDefined();
      });
      await notifier.stop(300);
      expect(aborted).toBe(1);
      const left = await graph.auditStore.query(
        'SELECT 1 FROM notification_outbox WHERE claimed_at IS NOT NULL OR delivered_at IS NOT NULL',
      );
      expect(left).toEqual([]);
    } finally {
      client.disconnect();
      await redis.kill();
    }
  }, 30_000);
});

describe('shutdown with the webhook hung', () => {
  it('stops taking requests at once, aborts the call at the grace deadline, and leaves it to be sent again', async () => {
    const redis = await privateRedis();
    const webhook = await hungWebhook();
    const graceMs = 1000;
    const graph = await startTestGraphWith(
      { redisUrl: redis.url, notifyWebhookUrl: webhook.url, shutdownGraceMs: graceMs },
      scenarioFile('visibility.json'),
    );
    try {
      for (let i = 0; i < 3; i++) await (await graph.client('samu:13')).rawRequest(READ, { ins: ADULT });
      await eventually(async () => expect(webhook.held.length).toBeGreaterThan(0), 10_000);
      const started = Date.now();
      const stopping = graph.stop();
      // The gateway takes nothing new while the notifier winds down.
      await expect(fetch(graph.gatewayUrl, { method: 'POST' })).rejects.toThrow();
      await stopping;
      // The one call in flight was given up by the notifier at the grace deadline: its connection closed well
      // before the sender's own 5 s timeout would have closed it, and no other call was made.
      expect(webhook.held).toHaveLength(1);
      expect(webhook.closedAt).toHaveLength(1);
      expect(webhook.closedAt[0] - started).toBeLessThan(WEBHOOK_TIMEOUT_MS - 1000);
    } finally {
      await webhook.close();
      await redis.kill();
    }
  }, 30_000);
});
