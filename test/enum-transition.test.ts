import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * The move of AccessMode and DocumentSource to SCREAMING_CASE (schema/CHANGELOG.md), through the gateway: both
 * spellings are accepted as input during the deprecation period, and answers keep the lower-case one until it
 * ends, so that no client breaks before the announced date.
 */
const HELENE = '284077511612365';

describe('SCREAMING_CASE enum values during their deprecation period', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const documents = async (sources: string) => {
    const answer = await (
      await graph.as(`patient:${HELENE}`)
    )(
      `{ patient(ins: "${HELENE}") { access { mode } documents(first: 50, filter: { sources: [${sources}] }) { totalCount nodes { id source } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data.patient;
  };

  it.each([
    ['HOSPITAL', 'hospital'],
    ['PERSONAL_SPACE', 'personal_space'],
    ['PHARMACY', 'pharmacy'],
  ])('filters by %s exactly as by %s, and answers with the lower-case name', async (screaming, legacy) => {
    const now = await documents(screaming);
    expect(now).toEqual(await documents(legacy));
    expect(now.documents.totalCount).toBeGreaterThan(0);
    expect(new Set(now.documents.nodes.map((n: any) => n.source))).toEqual(new Set([legacy]));
    expect(now.access.mode).toBe('patient');
  });

  it('masks a document named by its SCREAMING source', async () => {
    const as = await graph.as(`patient:${HELENE}`);
    const [doc] = (await documents('HOSPITAL')).documents.nodes;
    const local = Buffer.from(doc.id, 'base64url').toString().split(':').slice(1).join(':');
    const answer = await as(
      `mutation { setDocumentMasked(ins: "${HELENE}", source: HOSPITAL, documentId: "${local}", masked: true) { ins } }`,
    );
    expect(answer.errors).toBeUndefined();
    const undo = await as(
      `mutation { setDocumentMasked(ins: "${HELENE}", source: hospital, documentId: "${local}", masked: false) { ins } }`,
    );
    expect(undo.errors).toBeUndefined();
  });
});
