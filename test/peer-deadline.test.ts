import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from 'graphql-request';
import { DEADLINE_HEADER } from '../runtime/deadline';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * One deadline per request, however many calls it chains: a deposit goes from the gateway to the hospital
 * source, which asks the registry for its write permit. With the registry hung, the hospital's call to it ends
 * when the gateway's deadline does, not at the peer call's own 5 s, and nothing is written.
 */
const ADULT = '284077511612365';
const TIMEOUT_MS = 1000;
const DEPOSIT = gql`
  mutation ($input: HospitalReportDeposit!) {
    depositHospitalReport(input: $input) {
      documentId
    }
  }
`;

describe("a call between subgraphs ends at the request's deadline", () => {
  let graph: TestGraph;
  let hung: Server;
  const arrived: { headers: IncomingMessage['headers']; at: number; closedAt: Promise<number> }[] = [];
  beforeAll(async () => {
    graph = await startTestGraphWith({ subgraphTimeoutMs: TIMEOUT_MS }, scenarioFile('visibility.json'));
    // A registry that takes every call and never answers.
    hung = createServer((req) => {
      arrived.push({
        headers: req.headers,
        at: Date.now(),
        closedAt: new Promise((resolve) => req.socket.once('close', () => resolve(Date.now()))),
      });
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    hung?.closeAllConnections();
    await new Promise<void>((resolve) => (hung ? hung.close(() => resolve()) : resolve()));
    await graph?.stop();
  });

  it('the hospital asks the hung registry for its permit with what is left of the deadline, and gives up then', async () => {
    const registry = graph.subgraphUrls.patient;
    graph.subgraphUrls.patient = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`;
    let answer: { data: any; errors?: any[] };
    try {
      answer = await (
        await graph.as('ps:30000000001')
      )(DEPOSIT, {
        input: {
          ins: ADULT,
          idempotencyKey: 'deadline-1',
          typeCode: '11490-0',
          title: 'Lettre de liaison',
          effectiveAt: '2026-11-20T10:00:00.000Z',
          stayStart: '2026-11-01',
          stayEnd: '2026-11-05',
          careUnit: 'Cardiologie',
          summary: 'Sortie.',
        },
      });
      expect(arrived).toHaveLength(1);
      const [call] = arrived;
      // The permit call carried what was left of the request's deadline...
      const left = Number(call.headers[DEADLINE_HEADER]);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(TIMEOUT_MS);
      // ...and was cut then, where it used to wait its own 5 s.
      expect((await call.closedAt) - call.at).toBeLessThan(TIMEOUT_MS + 1500);
    } finally {
      graph.subgraphUrls.patient = registry;
    }
    expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(
      await graph.stores.hospital.query(`SELECT id FROM hospital_report WHERE idempotency_key = 'deadline-1'`),
    ).toEqual([]);
  });
});
