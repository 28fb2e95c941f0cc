import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';

const ADULT = '284077511612365';
const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      access {
        mode
        rule
      }
      hospitalReports(first: 100) {
        totalCount
      }
    }
  }
`;

describe('a DMP administrator the patient names reads as the médecin traitant does, and the trace names the administrator', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  it('names the relation the access was given under, in the answer and in the trace', async () => {
    const before = Number((await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head'))[0].seq);
    const named = await (
      await graph.as(`patient:${ADULT}`)
    )(
      gql`
        mutation ($ins: String!) {
          nameAdministrator(ins: $ins, rpps: "30000000006") {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(named.errors).toBeUndefined();
    const administrator = await (await graph.as('ps:30000000006'))(READ, { ins: ADULT });
    const treating = await (await graph.as('ps:30000000001'))(READ, { ins: ADULT });
    expect(administrator.data.patient.access.rule).toBe('professional.administrator');
    expect(treating.data.patient.access.rule).toBe('professional.medecin-traitant');
    // The same reach: every type, masked documents shown.
    expect(administrator.data.patient.hospitalReports.totalCount).toBe(
      treating.data.patient.hospitalReports.totalCount,
    );
    const traces = await graph.auditStore.query<{ actor_id: string; rule: string }>(
      `SELECT DISTINCT actor_id, rule FROM access_trace WHERE seq > $1 AND patient_ref = ANY($2::text[]) AND outcome = 'allowed' AND actor_id LIKE 'ps:%' ORDER BY actor_id`,
      [before, await traceNames(graph.auditStore, ADULT)],
    );
    expect(traces).toEqual([
      { actor_id: 'ps:30000000001', rule: 'professional.medecin-traitant' },
      { actor_id: 'ps:30000000006', rule: 'professional.administrator' },
    ]);
  });
});
