import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * L1111-17 IV: the médecin du travail reads a worker's DMP only with the worker's express consent for that
 * purpose, which the graph does not record; an ordinary authorisation does not stand in for it
 * (policy/restricted-specialties.json). Through the gateway: authorised by the patient, refused like any
 * professional without access, and traced under its own rule.
 */
const ADULT = '284077511612365';
const OCCUPATIONAL = '30000000025';
const READ = `query ($ins: String!) { patient(ins: $ins) { hospitalReports { totalCount } } }`;
const AUTHORISE = `mutation ($ins: String!, $rpps: String!) { authoriseProfessional(ins: $ins, rpps: $rpps) { ins } }`;

describe('occupational medicine reads no DMP', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'), {
      version: 1,
      professionals: [
        { rpps: OCCUPATIONAL, familyName: 'Travail', firstName: 'Inès', profession: '10', specialty: 'SM25' },
      ],
      patients: [],
    });
  });
  afterAll(() => graph?.stop());

  it('authorised by the worker, the médecin du travail still reads nothing, as a professional without access', async () => {
    const patient = await graph.as(`patient:${ADULT}`);
    expect((await patient(AUTHORISE, { ins: ADULT, rpps: OCCUPATIONAL })).errors).toBeUndefined();
    const refused = await (await graph.as('ps:30000000006'))(READ, { ins: ADULT });
    const answer = await (await graph.as(`ps:${OCCUPATIONAL}`))(READ, { ins: ADULT });
    expect(answer.data.patient).toBeNull();
    expect(answer.errors?.map((e: any) => e.extensions.code)).toEqual(
      refused.errors?.map((e: any) => e.extensions.code),
    );
    const [trace] = await graph.auditStore.query<{ rule: string; outcome: string }>(
      `SELECT rule, outcome FROM access_trace WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [`ps:${OCCUPATIONAL}`],
    );
    expect(trace).toEqual({ rule: 'deny.occupational-medicine', outcome: 'denied' });
  });
});
