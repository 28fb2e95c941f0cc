import { startTestGraph, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const REPORT_FIELDS =
  'id typeCode typeDisplay classCode space title effectiveAt depositedAt visibility stayStart stayEnd careUnit summary author { kind id name professionCode specialtyCode establishmentFiness establishmentName }';

describe('hostile queries are refused before anything executes', () => {
  let graph: TestGraph;
  let token: string;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    token = await graph.token(`ps:${DEMO.doctor}`);
  });
  afterAll(() => graph?.stop());

  const post = (body: unknown) =>
    fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const traceCount = async () =>
    Number((await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head'))[0].seq);

  it.each<[string, () => string, string]>([
    [
      'too many aliases',
      () =>
        `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: patient(ins: "${DEMO_PATIENT_INS}") { ins }`).join(' ')} }`,
      'too many aliases',
    ],
    [
      'too many __typename aliases (they count too)',
      () => `{ ${Array.from({ length: 11 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      'too many aliases',
    ],
    [
      'too many directives',
      () =>
        `{ patient(ins: "${DEMO_PATIENT_INS}") { ins ${Array.from({ length: 11 }, () => '@include(if: true)').join(' ')} } }`,
      'too many directives',
    ],
    [
      'five full pages of everything (cost)',
      () =>
        `{ patient(ins: "${DEMO_PATIENT_INS}") { ${Array.from({ length: 5 }, (_, i) => `r${i}: hospitalReports(first: 100) { nodes { ${REPORT_FIELDS} } }`).join(' ')} } }`,
      'too costly',
    ],
    [
      'a page size given by a variable, costed at its maximum',
      () =>
        `query($n: Int) { patient(ins: "${DEMO_PATIENT_INS}") { ${Array.from({ length: 5 }, (_, i) => `r${i}: hospitalReports(first: $n) { nodes { ${REPORT_FIELDS} } }`).join(' ')} } }`,
      'too costly',
    ],
    ['a flood of tokens', () => `{ ${'__typename '.repeat(2100)} }`, 'too long'],
  ])(
    'refuses %s with HTTP 400 and a coded error that states no limit, calling no subgraph',
    async (_case, query, message) => {
      const [statements, traces] = [graph.statements(), await traceCount()];
      const response = await post({ query: query(), variables: { n: 1 } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].message).toContain(message);
      expect(body.errors[0].message).not.toMatch(/\d/);
      expect(body.errors[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(graph.statements()).toBe(statements);
      expect(await traceCount()).toBe(traces);
    },
  );

  it('lets introspection through the depth limit in development (tooling needs it; production turns introspection off)', async () => {
    const response = await post({
      query:
        '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }',
    });
    expect(response.status).toBe(200);
  });

  it('refuses batched requests', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
  });

  it('answers a syntax error with 400, never 500', async () => {
    const response = await post({ query: '{ patient(ins: ' });
    expect(response.status).toBe(400);
  });

  it("serves a front end's real heavy query: every source, a full page each", async () => {
    const response = await post({
      query: `{ patient(ins: "${DEMO_PATIENT_INS}") { hospitalReports(first: 100) { nodes { ${REPORT_FIELDS} } } dispensations(first: 100) { nodes { id atc cip13 productName quantity } } careLines(first: 100) { nodes { id actCode actLabel } } oncologyRecords(first: 100) { nodes { id title } } personalSpace { documents(first: 100) { nodes { id title } } allergies { substance } } } }`,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});
