import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Capability flags on each document (issue 18, item 2), computed by the policy for the reader: a front end
 * shows the buttons the graph would honour. Through the gateway, as the patient, a minor, a parent, a doctor.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const REPORTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
          capabilities {
            canMask
            canUnmask
            canKeepSecret
            canShareSecret
            canDelete
            canRequestDeletion
          }
        }
      }
    }
  }
`;

describe('capability flags on documents', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  /** The flags that are true, per document id. */
  const shown = async (actor: string, ins: string) => {
    const { data, errors } = await (await graph.as(actor))(REPORTS, { ins });
    expect(errors).toBeUndefined();
    return Object.fromEntries(
      data.patient.hospitalReports.nodes.map((n: { id: string; capabilities: Record<string, boolean> }) => [
        n.id,
        Object.keys(n.capabilities)
          .filter((k) => n.capabilities[k])
          .sort(),
      ]),
    );
  };

  it('the patient may mask, unmask what she masked, and ask for a deletion; a doctor sees no button', async () => {
    const patient = await shown(`patient:${ADULT}`, ADULT);
    expect(patient['h-plain']).toEqual(['canMask', 'canRequestDeletion']);
    expect(patient['h-masked']).toEqual(['canRequestDeletion', 'canUnmask']);
    const doctor = await shown('ps:30000000001', ADULT);
    expect(Object.values(doctor).every((on) => (on as string[]).length === 0)).toBe(true);
  });

  it('a minor may keep a document secret, and share again what they kept; their parent may not', async () => {
    expect((await shown(`patient:${MINOR}`, MINOR))['m-plain']).toContain('canKeepSecret');
    expect((await shown('rep:parent', MINOR))['m-plain']).not.toContain('canKeepSecret');
    const kept = await (
      await graph.as(`patient:${MINOR}`)
    )(
      `mutation ($ins: String!) { setDocumentSecretFromRepresentatives(ins: $ins, documentId: "m-plain", source: hospital, secret: true) { ins } }`,
      { ins: MINOR },
    );
    expect(kept.errors).toBeUndefined();
    const minor = await shown(`patient:${MINOR}`, MINOR);
    expect(minor['m-plain']).toEqual(['canMask', 'canRequestDeletion', 'canShareSecret']);
    // Labelled secret by its author at deposit: not the minor's to lift.
    expect(minor['m-secret']).toEqual(['canMask', 'canRequestDeletion']);
  });
});
