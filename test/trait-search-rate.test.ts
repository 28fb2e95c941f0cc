import { gql } from 'graphql-request';
import Redis from 'ioredis';
import { manualClock } from '../domain/clock';
import { SEARCH_RATE } from '../policy/trait-search';
import { toTrace, type TraceRow } from '../audit/trace-repo';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis, redisFailures, type PrivateRedis } from './support/private-redis';
import { eventually } from './support/eventually';

/**
 * The centre 15 identity searches' budget per regulator and minute (issue 20; policy/trait-search-rate.json)
 * through the gateway: one budget for both searches, counted in a Redis of the test's own, per actor, reset by
 * the clock's minute; with Redis away, the stricter local budget decides, never none.
 */
const SPOKEN = gql`
  query ($traits: SpokenIdentityTraits!) {
    searchPatientsBySpokenTraits(traits: $traits) {
      count
    }
  }
`;
const EXACT = gql`
  query ($traits: IdentityTraits!) {
    searchPatients(traits: $traits) {
      count
    }
  }
`;
const REGULATORS = {
  version: 1,
  accounts: ['31', '33', '34', '35', '36', '37'].map((centre) => ({
    id: `samu:${centre}`,
    kind: 'regulator',
    displayName: `SAMU ${centre}`,
    attributes: { samuCentre: centre },
  })),
};
const { perMinute, localPerMinute } = SEARCH_RATE;

describe('the identity searches’ budget per regulator and minute', () => {
  // 15 s into the minute: a refusal says the next minute begins in 45 s.
  const clock = manualClock(new Date('2026-06-15T10:00:15Z'));
  let graph: TestGraph;
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await privateRedis();
    graph = await startTestGraphWith(
      { clock, redisUrl: redis.url },
      scenarioFile('spoken-identities.json'),
      REGULATORS,
    );
  });
  afterAll(async () => {
    await graph?.stop();
    await redis?.kill();
  });

  /** The i-th search alternates the two fields: they share one budget. */
  const search = async (actor: string, i = 0) => {
    const spoken = i % 2 === 0;
    const result = (await (
      await graph.as(actor)
    )(spoken ? SPOKEN : EXACT, {
      traits: spoken ? { birthDate: '1962-07-04', name: 'Dupont' } : { birthDate: '1962-07-04', name: 'Dupond' },
    })) as { data: Record<string, { count: number } | null>; errors?: any[] };
    return { ...result, field: spoken ? 'searchPatientsBySpokenTraits' : 'searchPatients' };
  };
  const allowed = async (actor: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const result = await search(actor, i);
      expect({ i, errors: result.errors }).toEqual({ i, errors: undefined });
      expect(result.data[result.field]).toEqual({ count: 1 });
    }
  };
  const refusedAfter = async (actor: string, i: number, retryAfter: number) => {
    const result = await search(actor, i);
    expect(result.data[result.field]).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
  };
  const tracesSince = async (seq: string) =>
    (await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1 ORDER BY seq', [seq])).map(
      toTrace,
    );
  const head = async () => (await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head'))[0].seq;

  it('takes the budget in both searches, then refuses the next with the seconds to the next minute, traced', async () => {
    await allowed('samu:31', perMinute);
    const seq = await head();
    await refusedAfter('samu:31', perMinute, 45);
    await refusedAfter('samu:31', perMinute + 1, 45);
    const traces = await tracesSince(seq);
    expect(traces).toHaveLength(2);
    for (const trace of traces)
      expect(trace).toMatchObject({
        actorId: 'samu:31',
        action: 'trait-search',
        mode: 'centre_15',
        patientRef: null,
        outcome: 'denied',
        rule: 'deny.trait-search-rate-limited',
        touched: ['counted:redis', `limit:${perMinute}`],
      });
  });

  it('leaves another regulator’s budget whole', async () => {
    await allowed('samu:33', perMinute);
    await refusedAfter('samu:33', perMinute, 45);
  });

  it('starts again when the clock enters the next minute', async () => {
    clock.set(new Date('2026-06-15T10:00:59.500Z'));
    await refusedAfter('samu:31', 0, 1);
    clock.set(new Date('2026-06-15T10:01:00Z'));
    await allowed('samu:31', perMinute);
    await refusedAfter('samu:31', perMinute, 60);
  });

  it('counts nothing for a question refused as bad input', async () => {
    clock.set(new Date('2026-06-15T10:02:30Z'));
    for (let i = 0; i < perMinute + 1; i++) {
      const bad = await (await graph.as('samu:36'))(SPOKEN, { traits: { birthDate: '1962-07-04', name: 'D' } });
      expect((bad as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    await allowed('samu:36', 1);
  });

  it('gives no fresh budget when Redis goes away: what this instance counted stands against the local limit', async () => {
    clock.set(new Date('2026-06-15T10:03:00Z'));
    await allowed('samu:37', localPerMinute + 2);
    await redis.kill();
    try {
      await refusedAfter('samu:37', 0, 60);
    } finally {
      await redis.start();
    }
  });

  it('counts against the shared budget, once Redis is back, what this instance allowed while it was away', async () => {
    const at = new Date('2026-06-15T10:05:00Z');
    clock.set(at);
    await redis.kill();
    try {
      await allowed('samu:35', localPerMinute - 2);
    } finally {
      await redis.start();
    }
    // Until the graph's client has reconnected: another regulator's search reaches Redis.
    const probe = new Redis(redis.url);
    try {
      await eventually(async () => {
        await search('samu:36');
        expect(await probe.exists(`dmp:trait-search-rate:samu:36:${Math.floor(at.getTime() / 60_000)}`)).toBe(1);
      });
    } finally {
      probe.disconnect();
    }
    await allowed('samu:35', perMinute - (localPerMinute - 2));
    const seq = await head();
    await refusedAfter('samu:35', 0, 60);
    expect((await tracesSince(seq))[0]).toMatchObject({ touched: ['counted:redis', `limit:${perMinute}`] });
  });

  it.each(redisFailures(() => redis))(
    'applies the stricter local limit when Redis is %s, never none, and the shared one again when it is back',
    async (label, fail, recover) => {
      clock.set(new Date(label.startsWith('refused') ? '2026-06-15T10:10:00Z' : '2026-06-15T10:20:00Z'));
      // Redis answers before the failure (a restart in the test before: its client reconnects by itself).
      await eventually(async () => expect((await search('samu:34')).errors).toBeUndefined());
      await fail();
      let seq: string;
      try {
        await allowed('samu:34', localPerMinute - 1);
        seq = await head();
        await refusedAfter('samu:34', 0, 60);
      } finally {
        await recover();
      }
      expect((await tracesSince(seq!))[0]).toMatchObject({
        actorId: 'samu:34',
        outcome: 'denied',
        rule: 'deny.trait-search-rate-limited',
        touched: ['counted:local', `limit:${localPerMinute}`],
      });
      // Back, Redis counts again: its budget, not the local one, decides the rest of the minute.
      await eventually(async () => expect((await search('samu:34')).errors).toBeUndefined());
    },
  );
});
