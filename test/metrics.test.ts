import { startTestGraphWith, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const METRICS_TOKEN = 'metrics-scrape-token-for-tests';
const RECORD = `query DemoRecord($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports { totalCount } } }`;

/** The value of one sample of the exposition text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('Prometheus metrics', () => {
  let graph: TestGraph;
  let metricsUrl: string;
  const scrape = async () => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };
  beforeAll(async () => {
    graph = await startTestGraphWith({ metricsToken: METRICS_TOKEN }, demoScenario());
    metricsUrl = graph.gatewayUrl.replace(/\/graphql$/, '/metrics');
  });
  afterAll(async () => {
    await graph?.stop();
  });

  it('counts and times operations per operation name, and fetches per subgraph', async () => {
    const before = await scrape();
    const doctor = await graph.as(`ps:${DEMO.doctor}`);
    for (let i = 0; i < 3; i++) expect((await doctor(RECORD, { ins: DEMO_PATIENT_INS })).errors).toBeUndefined();
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('dmp_graphql_operations_total', { service: 'gateway', operation: 'DemoRecord', outcome: 'ok' })).toBe(
      3,
    );
    expect(delta('dmp_graphql_operation_duration_seconds_count', { service: 'gateway', operation: 'DemoRecord' })).toBe(
      3,
    );
    expect(
      delta('dmp_subgraph_fetch_duration_seconds_count', { subgraph: 'patient', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(3);
    expect(delta('dmp_subgraph_fetch_duration_seconds_count', { subgraph: 'hospital', outcome: 'ok' })).toBe(3);
    expect(delta('dmp_graphql_operations_total', { service: 'hospital', outcome: 'ok' })).toBe(3);
    expect(delta('dmp_trace_writes_total', { result: 'committed' })).toBeGreaterThanOrEqual(3);
  });

  it('counts errors by code and denials by rule, and carries no identifier or token', async () => {
    const before = await scrape();
    const blocked = await graph.as(`ps:${DEMO.blocked}`);
    const refused = await blocked(RECORD, { ins: DEMO_PATIENT_INS });
    expect(refused.data.patient).toBeNull();
    const bad = await blocked(`query Bad { patient(ins: "12") { ins } }`);
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const denials =
      after
        .split('\n')
        .filter((l) => l.startsWith('dmp_access_denials_total{'))
        .reduce((n, l) => n + Number(l.split(' ').pop()), 0) -
      before
        .split('\n')
        .filter((l) => l.startsWith('dmp_access_denials_total{'))
        .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
    expect(denials).toBeGreaterThanOrEqual(1);
    expect(delta('dmp_graphql_errors_total', { service: 'gateway', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('dmp_graphql_operations_total', { service: 'gateway', operation: 'Bad', outcome: 'error' })).toBe(1);
    expect(after).not.toContain(DEMO_PATIENT_INS);
    expect(after).not.toContain(DEMO.blocked);
    expect(after).not.toMatch(/Bearer|eyJ/);
  });

  it('keeps client-chosen operation names from growing the series without bound', async () => {
    const doctor = await graph.as(`ps:${DEMO.doctor}`);
    for (let i = 0; i < 205; i++) await doctor(`query Flood${i} { __typename }`);
    const text = await scrape();
    const names = new Set(
      text
        .split('\n')
        .filter((l) => l.startsWith('dmp_graphql_operations_total{') && l.includes('service="gateway"'))
        .map((l) => /operation="([^"]*)"/.exec(l)![1]),
    );
    expect(names.size).toBeLessThanOrEqual(201);
    expect(names).toContain('other');
  });

  it('answers /metrics on every subgraph, and only with the metrics token', async () => {
    for (const url of [metricsUrl, graph.subgraphUrls.hospital.replace(/\/graphql$/, '/metrics')]) {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('dmp_process_');
    }
  });
});

/** Production's public port: /graphql and a bare liveness and readiness; internals only to the metrics token. */
describe.each([
  { configuration: 'production without a metrics token', metricsToken: null },
  { configuration: 'production with a metrics token', metricsToken: METRICS_TOKEN },
])('what the ports tell in $configuration', ({ metricsToken }) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ production: true, metricsToken }, demoScenario());
  });
  afterAll(async () => {
    await graph?.stop();
  });
  const ports = () => [graph.gatewayUrl, graph.subgraphUrls.hospital].map((u) => u.replace(/\/graphql$/, ''));

  it('serves no metrics to a stranger, and names no dependency', async () => {
    for (const base of ports()) {
      expect((await fetch(`${base}/metrics`)).status).toBe(metricsToken ? 401 : 404);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    }
  });

  it(
    metricsToken ? 'serves metrics and dependencies to the metrics token' : 'has no door for internals at all',
    async () => {
      const headers = { authorization: `Bearer ${METRICS_TOKEN}` };
      const metrics = await fetch(`${ports()[0]}/metrics`, { headers });
      const ready = (await (await fetch(`${ports()[0]}/readyz`, { headers })).json()) as { dependencies?: unknown };
      if (metricsToken) {
        expect(metrics.status).toBe(200);
        expect(ready.dependencies).toMatchObject({ patient: 'ready', hospital: 'ready' });
      } else {
        expect(metrics.status).toBe(404);
        expect(ready.dependencies).toBeUndefined();
      }
    },
  );
});
