import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { toTrace, type TraceRow } from '../audit/trace-repo';
import { withIns } from './support/traces';

const ADULT = '284077511612365';

/** What a trace must say; time, request id and chain fields are checked elsewhere. */
type Expected = {
  source: string;
  actorId: string;
  patientIns: string | null;
  mode: string;
  action: string;
  touched: string[];
  outcome: 'allowed' | 'denied';
  rule: string | null;
};

const CORPUS: [string, string, string, Expected[]][] = [
  [
    'an authorised pharmacien reads identity and hospital reports',
    'ps:30000000004',
    `{ patient(ins: "${ADULT}") { identity { firstName } hospitalReports(first: 100) { nodes { id } } } }`,
    [
      {
        source: 'patient',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: ['identity'],
        outcome: 'allowed',
        rule: 'professional.authorised',
      },
      {
        source: 'hospital',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: ['h-invisible-old', 'h-plain', 'withheld:h-invisible-new'],
        outcome: 'allowed',
        rule: 'professional.authorised',
      },
    ],
  ],
  [
    'the same pharmacien asks for a diagnosis field his role may not read',
    'ps:30000000004',
    `{ patient(ins: "${ADULT}") { oncologyRecords { nodes { id tumourSiteCode } } } }`,
    [
      {
        source: 'patient',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: [],
        outcome: 'allowed',
        rule: 'professional.authorised',
      },
      {
        source: 'oncology',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: ['o-plain', 'withheld:o-invisible'],
        outcome: 'allowed',
        rule: 'professional.authorised',
      },
      {
        source: 'oncology',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: ['DccRecord.tumourSiteCode'],
        outcome: 'denied',
        rule: 'diagnosisReaders',
      },
    ],
  ],
  [
    'the patient counts her care lines',
    `patient:${ADULT}`,
    `{ patient(ins: "${ADULT}") { careLines { totalCount } } }`,
    [
      {
        source: 'patient',
        actorId: `patient:${ADULT}`,
        patientIns: ADULT,
        mode: 'patient',
        action: 'read',
        touched: [],
        outcome: 'allowed',
        rule: 'patient.self',
      },
      {
        source: 'reimbursement',
        actorId: `patient:${ADULT}`,
        patientIns: ADULT,
        mode: 'patient',
        action: 'read',
        touched: ['care_line:count'],
        outcome: 'allowed',
        rule: 'patient.self',
      },
    ],
  ],
  [
    'a centre 15 regulator reads the hospital reports',
    'samu:13',
    `{ patient(ins: "${ADULT}") { hospitalReports { nodes { id } } } }`,
    [
      {
        source: 'patient',
        actorId: 'samu:13',
        patientIns: ADULT,
        mode: 'centre_15',
        action: 'read',
        touched: [],
        outcome: 'allowed',
        rule: 'regulator.centre-15',
      },
      {
        source: 'hospital',
        actorId: 'samu:13',
        patientIns: ADULT,
        mode: 'centre_15',
        action: 'read',
        touched: ['h-invisible-old', 'h-plain', 'withheld:h-invisible-new'],
        outcome: 'allowed',
        rule: 'regulator.centre-15',
      },
    ],
  ],
  [
    'a professional without authorisation is refused',
    'ps:30000000006',
    `{ patient(ins: "${ADULT}") { hospitalReports { nodes { id } } } }`,
    [
      {
        source: 'patient',
        actorId: 'ps:30000000006',
        patientIns: ADULT,
        mode: 'normal',
        action: 'read',
        touched: [],
        outcome: 'denied',
        rule: 'deny.no-authorisation',
      },
    ],
  ],
  [
    "an insurer's attempt is traced",
    'org:insurer',
    `{ patient(ins: "${ADULT}") { identity { firstName } } }`,
    [
      {
        source: 'patient',
        actorId: 'org:insurer',
        patientIns: ADULT,
        mode: 'none',
        action: 'read',
        touched: ['Query.patient'],
        outcome: 'denied',
        rule: 'personReaders',
      },
    ],
  ],
  [
    'a probe for a record that does not exist',
    'ps:30000000006',
    `{ patient(ins: "184127645108946") { ins } }`,
    [
      {
        source: 'patient',
        actorId: 'ps:30000000006',
        patientIns: '184127645108946',
        mode: 'normal',
        action: 'read',
        touched: [],
        outcome: 'denied',
        rule: 'deny.no-such-record',
      },
    ],
  ],
  [
    'the patient revokes an authorisation',
    `patient:${ADULT}`,
    `mutation { revokeProfessional(ins: "${ADULT}", rpps: "30000000003") { ins } }`,
    [
      {
        source: 'patient',
        actorId: `patient:${ADULT}`,
        patientIns: ADULT,
        mode: 'patient',
        action: 'revoke',
        touched: ['30000000003'],
        outcome: 'allowed',
        rule: 'control.patient',
      },
      {
        source: 'patient',
        actorId: `patient:${ADULT}`,
        patientIns: ADULT,
        mode: 'patient',
        action: 'read',
        touched: [],
        outcome: 'allowed',
        rule: 'patient.self',
      },
    ],
  ],
  [
    'a pharmacien may not block anyone, and the attempt is traced',
    'ps:30000000004',
    `mutation { blockProfessional(ins: "${ADULT}", rpps: "30000000002") { ins } }`,
    [
      {
        source: 'patient',
        actorId: 'ps:30000000004',
        patientIns: ADULT,
        mode: 'normal',
        action: 'block',
        touched: ['30000000002'],
        outcome: 'denied',
        rule: 'deny.not-record-controller',
      },
    ],
  ],
];

describe('every access leaves exactly the expected traces', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const lastSeq = async () =>
    Number((await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head WHERE id = 1'))[0].seq);
  const tracesAfter = async (seq: number) =>
    withIns(
      graph.auditStore,
      (await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1 ORDER BY seq', [seq])).map(
        toTrace,
      ),
    );
  const project = (t: Expected) =>
    JSON.stringify([t.source, t.actorId, t.patientIns, t.mode, t.action, t.touched, t.outcome, t.rule]);

  it.each(CORPUS)('%s', async (_case, actor, query, expected) => {
    const before = await lastSeq();
    await (await graph.client(actor)).rawRequest(query);
    const traces = await tracesAfter(before);
    expect(traces.map(project).sort()).toEqual(expected.map(project).sort());
    // One request, one request id, and nothing that is content.
    expect(new Set(traces.map((t) => t.requestId)).size).toBe(1);
  });

  it('the patient reads her history through the graph, filtered by actor and mode, and that read is traced too', async () => {
    const client = await graph.client(`patient:${ADULT}`);
    const { data, errors } = await client.rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            all: accessTraces(first: 100) {
              totalCount
              nodes {
                actorId
                mode
                source
                outcome
                touched
              }
            }
            samu: accessTraces(filter: { mode: centre_15 }) {
              totalCount
              nodes {
                actorId
                source
              }
            }
            insurer: accessTraces(filter: { actorId: "org:insurer" }) {
              nodes {
                outcome
                rule
                touched
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(errors).toBeUndefined();
    expect(data.patient.samu.nodes).toEqual(expect.arrayContaining([{ actorId: 'samu:13', source: 'hospital' }]));
    expect(data.patient.samu.nodes.every((n: any) => n.actorId === 'samu:13')).toBe(true);
    expect(data.patient.insurer.nodes).toEqual([
      { outcome: 'denied', rule: 'personReaders', touched: ['Query.patient'] },
    ]);
    const before = await lastSeq();
    await client.rawRequest(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            accessTraces {
              totalCount
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect((await tracesAfter(before)).map((t) => t.touched)).toEqual([['accessTraces']]);
  });

  it.each([
    ['ps:30000000004', 'an authorised pharmacien'],
    ['samu:13', 'a regulator'],
  ])('%s (%s) may not read the history', async (actor) => {
    const { data, errors } = await (
      await graph.client(actor)
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            accessTraces {
              totalCount
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(data.patient.accessTraces).toBeNull();
    expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it("the médecin traitant reads other professionals' traces", async () => {
    const { data } = await (
      await graph.client('ps:30000000001')
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            accessTraces(filter: { actorId: "ps:30000000004" }) {
              totalCount
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(data.patient.accessTraces.totalCount).toBeGreaterThan(0);
  });
});
