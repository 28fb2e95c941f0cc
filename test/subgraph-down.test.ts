import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { gql } from 'graphql-request';
import { startTestGraphWith, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const QUERY = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
      }
      hospitalReports {
        totalCount
      }
      dispensations {
        totalCount
      }
    }
  }
`;
const TIMEOUT_MS = 1000;
const ANALYTICS_TIMEOUT_MS = 2500;
const AGGREGATE = gql`
  {
    analytics {
      hospitalStays(measure: PATIENTS, groupBy: [YEAR]) {
        suppressedCells
      }
    }
  }
`;

describe('a failing subgraph nulls only its own fields, within the timeout', () => {
  let graph: TestGraph;
  let hung: Server | null = null;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    graph = await startTestGraphWith(
      { subgraphTimeoutMs: TIMEOUT_MS, analyticsTimeoutMs: ANALYTICS_TIMEOUT_MS },
      demoScenario(),
    );
  });
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
    expect(errors?.map((e: any) => [e.extensions.code, e.path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['patient', 'hospitalReports']],
    ]);
    const told = errors?.map((e: any) => ({ message: e.message, extensions: e.extensions }));
    expect(JSON.stringify(told)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|hospital/);
    expect(ms).toBeLessThan(TIMEOUT_MS);
  });

  it('a hung subgraph: the answer comes within the timeout plus a small margin (the analytics one for an aggregate)', async () => {
    hung = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => hung!.listen(port(), '127.0.0.1', () => resolve()));
    const { data, errors, ms } = await ask();
    expect(data.patient.dispensations.totalCount).toBe(2);
    expect(data.patient.hospitalReports).toBeNull();
    expect(errors?.map((e: any) => [e.extensions.code, e.path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['patient', 'hospitalReports']],
    ]);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);

    // An aggregate scans events for seconds: a query asking only analytics waits for its own, longer deadline.
    const started = Date.now();
    const aggregate = await (await graph.client('analyst:drees')).rawRequest<any>(AGGREGATE);
    const aggregateMs = Date.now() - started;
    expect(aggregate.data.analytics.hospitalStays).toBeNull();
    expect(aggregate.errors?.map((e: any) => [e.extensions.code, e.path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['analytics', 'hospitalStays']],
    ]);
    expect(aggregateMs).toBeGreaterThanOrEqual(ANALYTICS_TIMEOUT_MS - 50);
    expect(aggregateMs).toBeLessThan(ANALYTICS_TIMEOUT_MS + 1000);
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => hung!.close(() => resolve()));
    hung = null;
  });

  // What a broken proxy or a half-deployed service may answer in the subgraph's place.
  const GARBAGE: [string, (res: import('node:http').ServerResponse) => void][] = [
    [
      'HTML with 200',
      (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>502 Bad Gateway</html>');
      },
    ],
    [
      'truncated JSON',
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data":{"_entities":[{"hosp');
      },
    ],
    [
      'JSON of the wrong shape',
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data":{"_entities":"everything"}}');
      },
    ],
    [
      'an error that names internals',
      (res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"errors":[{"message":"connect ECONNREFUSED 10.0.0.7:5432"}]}');
      },
    ],
  ];
  it.each(GARBAGE)(
    'a subgraph answering %s: its field is null with SERVICE_UNAVAILABLE, nothing of the answer leaks',
    async (_kind, answer) => {
      const liar: HttpServer = createHttpServer((req, res) => {
        req.resume();
        req.on('end', () => answer(res));
      });
      await new Promise<void>((resolve) => liar.listen(port(), '127.0.0.1', () => resolve()));
      try {
        const { data, errors, ms } = await ask();
        expect(data.patient.identity.firstName).toBe('Hélène');
        expect(data.patient.dispensations.totalCount).toBe(2);
        expect(data.patient.hospitalReports).toBeNull();
        expect(errors?.map((e: any) => [e.extensions.code, e.path])).toEqual([
          ['SERVICE_UNAVAILABLE', ['patient', 'hospitalReports']],
        ]);
        // The path names the field the client asked; nothing else of the failure is told.
        const told = errors?.map((e: any) => ({ message: e.message, extensions: e.extensions }));
        expect(JSON.stringify(told)).not.toMatch(/html|everything|ECONNREFUSED|10\.0\.0\.7|hosp|JSON|Unexpected/i);
        expect(ms).toBeLessThan(TIMEOUT_MS);
      } finally {
        liar.closeAllConnections();
        await new Promise<void>((resolve) => liar.close(() => resolve()));
      }
    },
  );

  it('recovers by itself once the subgraph is back on its port', async () => {
    const server = graph.subgraphServers.hospital;
    await new Promise<void>((resolve) => server.listen(port(), '127.0.0.1', () => resolve()));
    const { data, errors } = await ask();
    expect(errors).toBeUndefined();
    expect(data.patient.hospitalReports.totalCount).toBe(4);
  });
});
