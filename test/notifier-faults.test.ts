import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRedis } from '../runtime/redis';
import { createNotifier, WEBHOOK_TIMEOUT_MS, type Notification } from '../audit/notifier';
import { scenarioFile, startTestGraph, startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis } from './support/private-redis';
import { eventually } from './support/eventually';

/**
 * Delivery is at least once, and shutdown is bounded: a notification claimed by a process that died is sent
 * again once its claim expires; SIGTERM with the webhook hung stops taking requests at once, aborts the call
 * at the grace deadline and leaves the notification to be sent again.
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
