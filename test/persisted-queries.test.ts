import Redis from 'ioredis';
import { startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis, redisFailures } from './support/private-redis';
import { eventually } from './support/eventually';
import { registerTrustedDocuments, sha256 } from '../gateway/persisted-documents';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const RECORD = 'query FrontRecord($ins: String!) { patient(ins: $ins) { identity { firstName } } }';
const OTHER = 'query Other($ins: String!) { patient(ins: $ins) { identity { birthName } } }';
/** Redis operations must fail within a few hundred ms (runtime/redis.ts), so an answer comes well within this. */
const FAST_MS = 1500;

type Answer = { status: number; body: any; ms: number };

async function post(graph: TestGraph, token: string, payload: object): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}
const persisted = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
const codes = (answer: Answer) => answer.body.errors?.map((e: any) => e.extensions.code);

describe('automatic persisted queries, in Redis', () => {
  let graph: TestGraph;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let inspect: Redis;
  let token: string;
  beforeAll(async () => {
    redis = await privateRedis();
    inspect = new Redis(redis.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    graph = await startTestGraphWith({ redisUrl: redis.url }, demoScenario());
    token = await graph.token(`ps:${DEMO.doctor}`);
  });
  afterAll(async () => {
    inspect?.disconnect();
    await graph?.stop();
    await redis?.kill();
  });

  it('asks for the text of an unknown hash, stores it in Redis, then runs from the hash alone', async () => {
    const variables = { ins: DEMO_PATIENT_INS };
    expect(codes(await post(graph, token, { variables, ...persisted(RECORD) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(graph, token, { query: RECORD, variables, ...persisted(RECORD) });
    expect(registered.body).toEqual({ data: { patient: { identity: { firstName: 'Hélène' } } } });
    await inspect.connect();
    // Apollo stores the text without holding the answer back, and a store that fails is only a cache entry
    // missed (on the embedded store, PGlite's synchronous queries can hold the event loop past Redis' 500 ms
    // deadline): the client's next full request stores it again.
    await eventually(async () => {
      if ((await inspect.keys('dmp:apq:*')).length === 0)
        await post(graph, token, { query: RECORD, variables, ...persisted(RECORD) });
      expect(await inspect.keys('dmp:apq:*')).toHaveLength(1);
    });
    const fromHash = await post(graph, token, { variables, ...persisted(RECORD) });
    expect(fromHash.body).toEqual(registered.body);
  });

  it("refuses a hash that is not the text's", async () => {
    const answer = await post(graph, token, {
      query: OTHER,
      variables: { ins: DEMO_PATIENT_INS },
      ...persisted(RECORD),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
  });

  it.each(redisFailures(() => redis))(
    'Redis %s: a hash is a miss, the full text is served, fast; then it recovers',
    async (_case, fail, recover) => {
      await fail();
      try {
        const variables = { ins: DEMO_PATIENT_INS };
        const miss = await post(graph, token, { variables, ...persisted(OTHER) });
        expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
        expect(miss.ms).toBeLessThan(FAST_MS);
        const full = await post(graph, token, { query: OTHER, variables, ...persisted(OTHER) });
        expect(full.body.data.patient.identity.birthName).toBeTruthy();
        // The lookup fails fast; the rest is an ordinary read (slower on the embedded store under a full test run).
        expect(full.ms).toBeLessThan(FAST_MS + 1000);
      } finally {
        await recover();
      }
      // Reconnection is capped at 2 s between attempts (runtime/redis.ts): the cache works again by itself.
      const variables = { ins: DEMO_PATIENT_INS };
      await eventually(async () => {
        await post(graph, token, { query: OTHER, variables, ...persisted(OTHER) });
        expect(
          (await post(graph, token, { variables, ...persisted(OTHER) })).body.data?.patient.identity.birthName,
        ).toBeTruthy();
      });
    },
  );
});

describe('trusted documents: only registered operations run', () => {
  let graph: TestGraph;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let token: string;
  beforeAll(async () => {
    redis = await privateRedis();
    graph = await startTestGraphWith({ redisUrl: redis.url, trustedDocuments: true }, demoScenario());
    token = await graph.token(`ps:${DEMO.doctor}`);
    await register();
    // As a load balancer would: traffic once the gateway says it is ready (its Redis connected). On PGlite a
    // start can hold the event loop past Redis' connect timeout, and the client is then still reconnecting.
    await eventually(async () =>
      expect((await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/readyz'))).status).toBe(200),
    );
  });
  afterAll(async () => {
    await graph?.stop();
    await redis?.kill();
  });
  const variables = { ins: DEMO_PATIENT_INS };
  /** Operations register the front end's manifest (again, after a Redis that keeps nothing restarted). */
  const register = async () => {
    const admin = new Redis(redis.url);
    await registerTrustedDocuments(admin, [{ id: sha256(RECORD), body: RECORD, name: 'FrontRecord' }]);
    admin.disconnect();
  };

  it('runs a registered operation named by its hash', async () => {
    const answer = await post(graph, token, { variables, ...persisted(RECORD) });
    expect(answer.body).toEqual({ data: { patient: { identity: { firstName: 'Hélène' } } } });
  });

  it.each([
    ['text alone', { query: OTHER }],
    ['an unregistered hash with its text', { query: OTHER, ...persisted(OTHER) }],
    ['a registered hash with another text', { query: OTHER, ...persisted(RECORD) }],
    ['a hash that is not SHA-256', { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
  ])('refuses %s with 400 PERSISTED_QUERY_NOT_ALLOWED, running nothing', async (_case, payload) => {
    const before = graph.statements();
    const answer = await post(graph, token, { variables, ...payload });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    expect(answer.body.data).toBeUndefined();
    expect(graph.statements()).toBe(before);
  });

  it('refuses a GET of an unregistered text too', async () => {
    const url = `${graph.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it.each(redisFailures(() => redis))(
    'Redis %s: fails closed with 503 SERVICE_UNAVAILABLE, fast, and recovers by itself',
    async (_case, fail, recover) => {
      await fail();
      try {
        const answer = await post(graph, token, { variables, ...persisted(RECORD) });
        expect(answer.status).toBe(503);
        expect(codes(answer)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(answer.ms).toBeLessThan(FAST_MS);
      } finally {
        await recover();
      }
      await register();
      await eventually(async () => {
        expect(
          (await post(graph, token, { variables, ...persisted(RECORD) })).body.data?.patient.identity.firstName,
        ).toBe('Hélène');
      });
    },
  );

  it('is not ready while its Redis is stopped, and names it; ready again once it is back', async () => {
    const readyz = async () => {
      const response = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/readyz'));
      return { status: response.status, body: (await response.json()) as any };
    };
    await redis.kill();
    try {
      await eventually(async () =>
        expect(await readyz()).toMatchObject({
          status: 503,
          body: { dependencies: { redis: 'unavailable', patient: 'ready' } },
        }),
      );
    } finally {
      await redis.start();
    }
    await register();
    await eventually(async () =>
      expect(await readyz()).toMatchObject({ status: 200, body: { dependencies: { redis: 'ready' } } }),
    );
  });

  it('Redis flapping: every answer is fast, and is the registered operation or a refusal, never another text', async () => {
    for (let cycle = 0; cycle < 3; cycle++) {
      await redis.kill();
      const answers = await Promise.all([
        post(graph, token, { variables, ...persisted(RECORD) }),
        post(graph, token, { query: OTHER, variables, ...persisted(OTHER) }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([503, 503]);
      for (const answer of answers) {
        expect(answer.body.data).toBeUndefined();
        expect(answer.ms).toBeLessThan(FAST_MS);
      }
      await redis.start();
      await register();
      await eventually(async () => {
        expect(
          (await post(graph, token, { variables, ...persisted(RECORD) })).body.data?.patient.identity.firstName,
        ).toBe('Hélène');
      });
      const other = await post(graph, token, { query: OTHER, variables, ...persisted(OTHER) });
      expect([other.status, codes(other)]).toEqual([400, ['PERSISTED_QUERY_NOT_ALLOWED']]);
    }
  });
});
