import { createServer, type Server, type Socket } from 'node:net';
import { gql } from 'graphql-request';
import { startTestGraphWith, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const QUERY = gql`query($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports { totalCount } dispensations { totalCount } } }`;
const TIMEOUT_MS = 1000;

describe('a failing subgraph nulls only its own fields, within the timeout', () => {
  let graph: TestGraph;
  let hung: Server | null = null;
  const sockets: Socket[] = [];
  beforeAll(async () => { graph = await startTestGraphWith({ subgraphTimeoutMs: TIMEOUT_MS }, demoScenario()); });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => (hung ? hung.close(() => resolve()) : resolve()));
    await graph?.stop().catch(() => undefined);
  });

  const ask = async () => {
    const started = Date.now();
    const result = await (await graph.client(`ps:${DEMO.doctor}`)).rawRequest<any>(QUERY, { ins: DEMO_PATIENT_INS });
    return { ...result, ms: Date.now() - started };
  };
  const port = () => Number(new URL(graph.subgraphUrls.hospital).port);

  it('serves everything while all subgraphs answer', async () => {
    const { data, errors } = await ask();
    expect(errors).toBeUndefined();
    expect(data.patient.hospitalReports.totalCount).toBe(4);
  });

  it('a stopped subgraph: its field is null with SERVICE_UNAVAILABLE, the rest is served', async () => {
    const server = graph.subgraphServers.hospital;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { data, errors, ms } = await ask();
    expect(data.patient.identity.firstName).toBe('Hélène');
    expect(data.patient.dispensations.totalCount).toBe(2);
    expect(data.patient.hospitalReports).toBeNull();
    expect(errors?.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|hospital/);
    expect(ms).toBeLessThan(TIMEOUT_MS);
  });

  it('a hung subgraph: the answer comes within the timeout plus a small margin', async () => {
    hung = createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => hung!.listen(port(), '127.0.0.1', () => resolve()));
    const { data, errors, ms } = await ask();
    expect(data.patient.dispensations.totalCount).toBe(2);
    expect(data.patient.hospitalReports).toBeNull();
    expect(errors?.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
  });
});
