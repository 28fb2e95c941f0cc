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
});
