import { gql } from 'graphql-request';
import { createRedis } from '../runtime/redis';
import { createNotifier, type Notification } from '../audit/notifier';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { privateRedis } from './support/private-redis';

const ADULT = '284077511612365';
const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports {
        totalCount
      }
    }
  }
`;
const eventually = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('notifications to the patient', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const outbox = () =>
    graph.auditStore.query<{ id: string; kind: string; actor_id: string; delivered_at: Date | null }>(
      'SELECT id, kind, actor_id, delivered_at FROM notification_outbox WHERE patient_ins = $1 ORDER BY id',
      [ADULT],
    );

  it('notifies the first access of each professional once, and every emergency access', async () => {
    const before = (await outbox()).length;
    for (let i = 0; i < 3; i++) await (await graph.client('ps:30000000004')).rawRequest(READ, { ins: ADULT });
    for (let i = 0; i < 2; i++) await (await graph.client('samu:13')).rawRequest(READ, { ins: ADULT });
    await (await graph.client(`patient:${ADULT}`)).rawRequest(READ, { ins: ADULT });
    const added = (await outbox()).slice(before).map((n) => `${n.kind}:${n.actor_id}`);
    expect(added.sort()).toEqual(
      [
        'EMERGENCY_ACCESS:samu:13',
        'EMERGENCY_ACCESS:samu:13',
        'FIRST_ACCESS:ps:30000000004',
        'FIRST_ACCESS:samu:13',
      ].sort(),
    );
  });

  it("a client's x-request-id decides nothing: three emergency reads under one header, three notifications", async () => {
    const before = (await outbox()).length;
    const token = await graph.token('samu:13');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(graph.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': 'client-chosen-0001',
        },
        body: JSON.stringify({ query: READ, variables: { ins: ADULT } }),
      });
      expect(response.status).toBe(200);
      ids.push(response.headers.get('x-request-id')!);
    }
    const added = (await outbox()).slice(before).map((n) => n.kind);
    expect(added).toEqual(['EMERGENCY_ACCESS', 'EMERGENCY_ACCESS', 'EMERGENCY_ACCESS']);
    // The answer names the id the gateway made, and the traces are filed under it, not under the client's.
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain('client-chosen-0001');
    const traced = await graph.auditStore.query<{ request_id: string }>(
      'SELECT DISTINCT request_id FROM access_trace WHERE request_id = ANY($1::text[]) OR request_id = $2',
      [ids, 'client-chosen-0001'],
    );
    expect(traced.map((t) => t.request_id).sort()).toEqual([...ids].sort());
  });

  it('the patient reads them through the graph; a professional may not', async () => {
    const mine = await (
      await graph.client(`patient:${ADULT}`)
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            notifications(first: 50) {
              totalCount
              nodes {
                kind
                actorId
                mode
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data.patient.notifications.nodes).toEqual(
      expect.arrayContaining([{ kind: 'EMERGENCY_ACCESS', actorId: 'samu:13', mode: 'centre_15' }]),
    );
    const theirs = await (
      await graph.client('ps:30000000001')
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            notifications {
              totalCount
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(theirs.data.patient.notifications).toBeNull();
    expect(theirs.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('delivers every notification exactly once through a Redis outage, a Redis that comes back empty, and a doubled relay', async () => {
    const redis = await privateRedis();
    const client = createRedis(redis.url);
    const delivered: Notification[] = [];
    const notifier = createNotifier({
      store: graph.auditStore,
      redis: client,
      sender: {
        send: async (n) => {
          delivered.push(n);
        },
      },
      relayAgainAfterMs: 1000,
      pollMs: 50,
    });
    const emergency = async (n: number) => {
      for (let i = 0; i < n; i++) await (await graph.client('samu:13')).rawRequest(READ, { ins: ADULT });
    };
    try {
      // Phase 1: relayed to the stream, then Redis dies before anyone consumes them (and restarts empty).
      await emergency(3);
      expect(await notifier.relayOnce()).toBeGreaterThan(0);
      await redis.kill();
      // Phase 2: events while Redis is down stay in the outbox; the relay fails fast.
      await emergency(3);
      const started = Date.now();
      await expect(notifier.relayOnce()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1500);
      await redis.start();
      await eventually(async () => client.status === 'ready');
      // Phase 3: the same notification relayed twice lands twice in the stream. Phase 1's rows are left to
      // the relay-again rule: their stream entries died with Redis.
      const [{ max }] = await graph.auditStore.query<{ max: string }>('SELECT max(id) AS max FROM notification_outbox');
      await emergency(1);
      await notifier.relayOnce();
      await graph.auditStore.query('UPDATE notification_outbox SET relayed_at = NULL WHERE id > $1', [max]);
      await notifier.relayOnce();

      notifier.start();
      await eventually(async () => (await outbox()).every((n) => n.delivered_at !== null));
      await notifier.stop();
      const ids = delivered.map((n) => n.id);
      // Exactly once: no id twice, and every notification ever written (this file's earlier tests included).
      expect(new Set(ids).size).toBe(ids.length);
      const all = await graph.auditStore.query<{ id: string }>('SELECT id FROM notification_outbox ORDER BY id');
      expect([...ids].sort()).toEqual(all.map((n) => String(n.id)).sort());
      expect(delivered.filter((n) => n.kind === 'EMERGENCY_ACCESS').length).toBeGreaterThanOrEqual(7);
    } finally {
      await notifier.stop();
      client.disconnect();
      await redis.kill();
    }
  });
});
