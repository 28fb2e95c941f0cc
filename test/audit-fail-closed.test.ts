import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const QUERY = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
      }
      hospitalReports {
        nodes {
          id
          title
        }
      }
    }
  }
`;

describe('no trace, no data: a failing trace store returns nothing', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  it('nulls what could not be traced with AUDIT_UNAVAILABLE, and serves again once the store is back', async () => {
    const client = await graph.client('ps:30000000001');
    const healthy = await client.rawRequest<any>(QUERY, { ins: ADULT });
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data.patient.hospitalReports.nodes.length).toBeGreaterThan(0);

    // The trace table disappears from under the running graph (a lost disk, a revoked grant, a dropped table).
    await graph.auditStore.query('ALTER TABLE access_trace RENAME TO access_trace_away');
    try {
      const broken = await client.rawRequest<any>(QUERY, { ins: ADULT });
      expect(broken.data?.patient ?? null).toBeNull();
      expect(broken.errors?.map((e: any) => e.extensions.code)).toContain('AUDIT_UNAVAILABLE');
      // Not a word of what was read leaks into the errors.
      expect(JSON.stringify(broken)).not.toMatch(/Lefèvre|Hélène|h-plain|access_trace/);
    } finally {
      await graph.auditStore.query('ALTER TABLE access_trace_away RENAME TO access_trace');
    }

    const recovered = await client.rawRequest<any>(QUERY, { ins: ADULT });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data.patient.identity.firstName).toBe('Hélène');
  });

  /** Each kind of write, and what would show it stood. */
  const WRITES: [string, string, string, object, () => Promise<unknown>][] = [
    [
      'a deposit',
      'ps:30000000001',
      `mutation ($input: HospitalReportDeposit!) { depositHospitalReport(input: $input) { documentId } }`,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'untraced-1',
          typeCode: '11490-0',
          title: 'Lettre de liaison',
          effectiveAt: '2026-11-20T10:00:00.000Z',
          stayStart: '2026-11-01',
          stayEnd: '2026-11-05',
          careUnit: 'Cardiologie',
          summary: 'Sortie.',
        },
      },
      () => graph.stores.hospital.query(`SELECT id FROM hospital_report WHERE idempotency_key = 'untraced-1'`),
    ],
    [
      "a write in the patient's space",
      `patient:${ADULT}`,
      `mutation ($ins: String!) { setOrganDonation(ins: $ins, stance: OBJECTS) }`,
      { ins: ADULT },
      () => graph.stores['personal-space'].query(`SELECT organ_donation FROM profile WHERE patient_ins = '${ADULT}'`),
    ],
    [
      'a patient control',
      `patient:${ADULT}`,
      `mutation ($ins: String!) { blockProfessional(ins: $ins, rpps: "30000000003") { __typename } }`,
      { ins: ADULT },
      () =>
        graph.stores.patient.query(
          `SELECT 1 FROM care_relation WHERE patient_ins = '${ADULT}' AND rpps = '30000000003' AND relation = 'BLOCKED'`,
        ),
    ],
  ];

  it.each(WRITES)(
    '%s the chain cannot trace is not made: AUDIT_UNAVAILABLE, and nothing written',
    async (_label, actor, mutation, variables, stood) => {
      const before = await stood();
      await graph.auditStore.query('ALTER TABLE access_trace RENAME TO access_trace_away');
      let answer: { data: any; errors?: any[] };
      try {
        answer = await (await graph.as(actor))(mutation, variables);
      } finally {
        await graph.auditStore.query('ALTER TABLE access_trace_away RENAME TO access_trace');
      }
      expect(answer.errors?.map((e: any) => e.extensions.code)).toContain('AUDIT_UNAVAILABLE');
      expect(await stood()).toEqual(before);
    },
  );
});
