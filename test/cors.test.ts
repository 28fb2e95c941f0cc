import { demoScenario } from '../scripts/generate/personas';
import { startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * CORS (runtime/cors.ts): a browser page of an allowed origin calls the graph; any other origin is refused
 * before anything runs. Through the gateway, as a browser sends it.
 */
describe('browser pages of other origins', () => {
  let graph: TestGraph;
  let token: string;
  beforeAll(async () => {
    graph = await startTestGraphWith({ corsOrigins: ['https://app.example.fr', 'http://localhost:*'] }, demoScenario());
    token = await graph.token('ps:10000000001');
  });
  afterAll(() => graph?.stop());

  const QUERY = JSON.stringify({ query: '{ patient(ins: "284077511612365") { identity { firstName } } }' });
  const preflight = (origin: string) =>
    fetch(graph.gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
  const post = (origin: string) =>
    fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: QUERY,
    });

  it.each(['https://app.example.fr', 'http://localhost:5173', 'http://localhost:3000'])(
    'an allowed origin, %s: the preflight is answered, the request served, its id readable',
    async (origin) => {
      const answer = await preflight(origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(
        /authorization.*content-type|content-type.*authorization/,
      );
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const served = await post(origin);
      expect(served.status).toBe(200);
      expect(served.headers.get('access-control-allow-origin')).toBe(origin);
      expect(served.headers.get('access-control-expose-headers')).toBe('x-request-id');
      expect(await served.json()).toEqual({ data: { patient: { identity: { firstName: 'Hélène' } } } });
    },
  );

  it.each(['https://evil.example', 'http://localhost.evil.fr:5173', 'https://app.example.fr.evil.fr', 'null'])(
    'another origin, %s: refused, preflight and request alike, before anything runs',
    async (origin) => {
      const traces = async () =>
        (await graph.auditStore.query<{ n: number }>('SELECT count(*)::int AS n FROM access_trace'))[0].n;
      const before = await traces();
      const answer = await preflight(origin);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const refused = await post(origin);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      expect(await traces()).toBe(before);
    },
  );

  it('the graph’s own pages (the explorer) need no allow-list', async () => {
    const own = new URL(graph.gatewayUrl).origin;
    const answer = await post(own);
    expect(answer.status).toBe(200);
  });

  it('a client that is no browser (no Origin) is served as before', async () => {
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: QUERY,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});
