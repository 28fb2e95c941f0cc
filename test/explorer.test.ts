import { getIntrospectionQuery } from 'graphql';
import { demoScenario } from '../scripts/generate/personas';
import { startTestGraph, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * The development explorer (gateway/explorer.ts): GraphiQL served from the package, with no Internet; in the
 * embedded default a persona picker mints tokens through the running server; introspection answers in
 * development whatever the cost limit, and nothing of this in production.
 */
describe('the development explorer', () => {
  let graph: TestGraph;
  let base: string;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    base = graph.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => graph?.stop());

  it('a browser opening the graph gets the explorer, which loads only files this server serves', async () => {
    const page = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.sort()).toEqual([
      '/explorer/assets/graphiql.css',
      '/explorer/assets/graphiql.js',
      '/explorer/assets/react-dom.js',
      '/explorer/assets/react.js',
    ]);
    for (const source of sources) {
      const asset = await fetch(base + source);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(source.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${base}/explorer/assets/package.json`)).status).toBe(404);
  });

  it('lists the personas and mints a token for one, which the graph accepts', async () => {
    const { personas } = (await (await fetch(`${base}/explorer/personas`)).json()) as { personas: { id: string }[] };
    expect(personas.map((p) => p.id)).toContain('ps:10000000001');
    const minted = await fetch(`${base}/explorer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actorId: 'ps:10000000001' }),
    });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ patient(ins: "284077511612365") { identity { firstName } } }' }),
    });
    expect(await answer.json()).toEqual({ data: { patient: { identity: { firstName: 'Hélène' } } } });
  });

  it.each([
    ['text/plain', '{"actorId":"ps:10000000001"}', 400, 'BAD_REQUEST'],
    ['application/json', '{}', 400, 'BAD_USER_INPUT'],
    ['application/json', 'not json', 400, 'BAD_USER_INPUT'],
    ['application/json', '{"actorId":"ps:99999999999"}', 404, 'NOT_FOUND'],
  ])('a token request as %s %s: %s %s', async (type, body, status, code) => {
    const answer = await fetch(`${base}/explorer/token`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(answer.status).toBe(status);
    expect(((await answer.json()) as any).errors[0].extensions.code).toBe(code);
  });

  it('answers the standard introspection query (GraphiQL, codegen) with a token, whatever the cost limit', async () => {
    const token = await graph.token('ps:10000000001');
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    expect(answer.status).toBe(200);
    const { data } = (await answer.json()) as any;
    expect(data.__schema.types.map((t: any) => t.name)).toContain('Patient');
  });

  const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
  it.each([
    [
      'member lists nested in one another',
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    ],
    ['type references deeper than any schema needs', `{ __schema { types { fields { type { ${ofTypes(20)} } } } } }`],
    [
      'the schema asked many times over',
      `{ ${Array.from({ length: 40 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`,
    ],
  ])('refuses a hostile schema query: %s (QUERY_LIMIT_EXCEEDED)', async (_case, query) => {
    const token = await graph.token('ps:10000000001');
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as any).errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('still holds a data query that mixes introspection with data to the limits', async () => {
    const token = await graph.token('ps:10000000001');
    const deep = `{ __typename patient(ins: "284077511612365") { hospitalReports(first: 100) { nodes { previousVersions { previousVersions { previousVersions { id } } } } } } }`;
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: deep }),
    });
    expect(((await answer.json()) as any).errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
  });
});

describe('the explorer in production', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ production: true, metricsToken: 'a-metrics-token-of-enough-length' });
  });
  afterAll(() => graph?.stop());

  it('is not served, nor its personas, nor a token', async () => {
    const base = graph.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/explorer`)).status).toBe(404);
    expect((await fetch(`${base}/explorer/personas`)).status).toBe(404);
    const minted = await fetch(`${base}/explorer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"actorId":"ps:10000000001"}',
    });
    expect(minted.status).toBe(404);
    const page = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });
});
