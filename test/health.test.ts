import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

describe('liveness and readiness', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop().catch(() => undefined));

  const gateway = (path: string) => fetch(graph.gatewayUrl.replace(/\/graphql$/, path));
  const stop = async (name: keyof TestGraph['subgraphServers']) => {
    const server = graph.subgraphServers[name];
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  it('every subgraph and the gateway are live and ready, each subgraph reporting on its store', async () => {
    for (const url of Object.values(graph.subgraphUrls)) {
      expect((await fetch(url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
      expect(await (await fetch(url.replace(/\/graphql$/, '/readyz'))).json()).toEqual({ status: 'ready' });
    }
    expect((await gateway('/healthz')).status).toBe(200);
    const ready = await gateway('/readyz');
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).dependencies).toEqual({
      patient: 'ready',
      reimbursement: 'ready',
      pharmacy: 'ready',
      oncology: 'ready',
      hospital: 'ready',
      'personal-space': 'ready',
    });
  });

  it('a source down leaves the gateway ready (it serves the rest) and says which; the registry down makes it not ready', async () => {
    await stop('hospital');
    const degraded = await gateway('/readyz');
    expect(degraded.status).toBe(200);
    expect(((await degraded.json()) as any).dependencies.hospital).toBe('unavailable');
    await stop('patient');
    const down = await gateway('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'not ready',
      dependencies: { patient: 'unavailable', pharmacy: 'ready' },
    });
    expect((await gateway('/healthz')).status).toBe(200);
  });

  it('a subgraph whose store is gone is not ready, and the gateway says so', async () => {
    await graph.stores.oncology.close();
    const oncology = await fetch(graph.subgraphUrls.oncology.replace(/\/graphql$/, '/readyz'));
    expect(oncology.status).toBe(503);
    expect(((await (await gateway('/readyz')).json()) as any).dependencies.oncology).toBe('unavailable');
  });
});
