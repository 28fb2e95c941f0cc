import { spawn, type ChildProcess } from 'node:child_process';
import { eventually } from './support/eventually';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { projectPath } from '../domain/paths';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const QUERY = `query($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports { totalCount } } }`;
/** How long the hospital source takes to answer in this test: long enough for requests to be in flight at SIGTERM. */
const SLOW_MS = 800;

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });

/**
 * The gateway process itself (dist/gateway/main.js, which the README's test command builds first), in front of
 * a test graph's subgraphs, receives SIGTERM with requests in flight.
 */
describe('graceful shutdown: SIGTERM lets in-flight requests finish, refuses new ones, then exits 0', () => {
  let graph: TestGraph;
  let slow: Server;
  let gateway: ChildProcess;
  let gatewayUrl: string;
  /** Requests the slow source has received: each is in flight at the gateway until the source answers. */
  let arrivals = 0;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    // The real hospital subgraph moves to a free port; a relay on its old one answers SLOW_MS late.
    const real = graph.subgraphServers.hospital;
    const slowPort = Number(new URL(graph.subgraphUrls.hospital).port);
    real.closeAllConnections();
    await new Promise<void>((resolve) => real.close(() => resolve()));
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', () => resolve()));
    const realUrl = `http://127.0.0.1:${(real.address() as { port: number }).port}/graphql`;
    slow = createServer(async (req, res) => {
      arrivals += 1;
      const payload = await body(req);
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
      ) as Record<string, string>;
      const answer = await fetch(realUrl, { method: 'POST', headers, body: payload });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => slow.listen(slowPort, '127.0.0.1', () => resolve()));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      KEYS_DIR: graph.config.keysDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    };
    for (const [name, url] of Object.entries(graph.subgraphUrls))
      env[`SUBGRAPH_${name.toUpperCase().replace('-', '_')}_URL`] = url;
    gateway = spawn(process.execPath, [projectPath('dist', 'gateway', 'main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      gateway.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const port = /"port":(\d+)[^\n]*gateway listening/.exec(out)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}/graphql`);
      });
      gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
    });
  });
  afterAll(async () => {
    if (gateway && gateway.exitCode === null) gateway.kill('SIGKILL');
    slow?.closeAllConnections();
    await new Promise<void>((resolve) => (slow ? slow.close(() => resolve()) : resolve()));
    await graph?.stop();
  });

  it('answers every request in flight in full, and exits 0 once they are done', async () => {
    const token = await graph.token(`ps:${DEMO.doctor}`);
    const ask = () =>
      fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { ins: DEMO_PATIENT_INS } }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      gateway.once('exit', (code) => resolve({ code, at: Date.now() })),
    );

    const before = arrivals;
    const inFlight = Array.from({ length: 10 }, ask);
    // In flight for certain: the gateway has sent every one of them on to the slow source (on a loaded
    // machine a fixed pause could signal before the gateway had even read them).
    await eventually(async () => expect(arrivals - before).toBeGreaterThanOrEqual(10), 20_000);
    const signalled = Date.now();
    gateway.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await ask().then(
      () => 'answered',
      () => 'refused',
    );

    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        data: { patient: { identity: { firstName: 'Hélène' }, hospitalReports: { totalCount: 4 } } },
      });
    }
    expect(late).toBe('refused');
    const { code, at } = await exited;
    expect(code).toBe(0);
    // It waited for the slow answers, and not for idle keep-alive connections to time out (5 s).
    expect(at - signalled).toBeGreaterThanOrEqual(SLOW_MS / 2);
    expect(at - signalled).toBeLessThan(SLOW_MS + 2000);
  });
});
