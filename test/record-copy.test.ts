import { gql } from 'graphql-request';
import { DOCUMENT_SOURCE_NAMES } from '../domain/sources';
import { loadCopyOperations } from '../subgraphs/patient/record-copy';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { depositLetter, PDF } from './support/letters';

/**
 * A copy of the record (seed 002: « le droit de demander et d'obtenir une copie de votre DMP … gratuitement »;
 * docs/law.md §4): the patient's side asks, the registry produces it in the background as the requester reads
 * the record, the requester polls and downloads it. Every visibility rule holds in it. Through the gateway.
 */
const ADULT = '284077511612365'; // h-invisible-new awaits its consultation d'annonce (visibility.json)
const MINOR = '115036912304567'; // m-secret, kept from rep:parent
const REQUEST = gql`
  mutation ($ins: String!) {
    requestRecordCopy(ins: $ins) {
      id
      status
    }
  }
`;
const COPIES = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      recordCopies {
        id
        status
        sizeBytes
        availableUntil
        content
      }
    }
  }
`;

describe('a copy of the record', () => {
  let graph: TestGraph;
  let withFile = '';
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    withFile = await depositLetter(graph, 'ps:30000000001', ADULT, { withFile: true });
  });
  afterAll(() => graph?.stop());

  /** Asks for a copy and polls until it is produced, as a client would; the parsed copy. */
  const copyFor = async (actor: string, ins: string) => {
    const as = await graph.as(actor);
    const asked = await as(REQUEST, { ins });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestRecordCopy.status).toBe('PENDING');
    const id = asked.data.requestRecordCopy.id;
    for (let attempt = 0; attempt < 100; attempt++) {
      const { data, errors } = await as(COPIES, { ins });
      expect(errors).toBeUndefined();
      const copy = data.patient.recordCopies.find((c: { id: string }) => c.id === id);
      if (copy.status === 'READY') {
        expect(copy.sizeBytes).toBe(Buffer.byteLength(copy.content));
        return JSON.parse(copy.content);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the copy was not produced');
  };
  const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

  it('every document-holding source gives its part (schema/record-copy.graphql)', () => {
    const sources = new Set(loadCopyOperations().map((op) => op.source));
    for (const source of DOCUMENT_SOURCE_NAMES) expect(sources).toContain(source);
  });

  it("the patient's copy: the whole record as she reads it, files included, without what awaits the annonce", async () => {
    const copy = await copyFor(`patient:${ADULT}`, ADULT);
    expect(copy).toMatchObject({ format: 'dmp-record-copy/1', ins: ADULT, requestedBy: `patient:${ADULT}` });
    expect(copy.registry.identity.firstName).toBe('Hélène');
    expect(ids(copy.sources.hospital.hospitalReports)).toEqual(
      ['h-invisible-old', 'h-masked', 'h-plain', withFile].sort(),
    );
    const letter = copy.sources.hospital.hospitalReports.find((r: { id: string }) => r.id === withFile);
    expect(Buffer.from(letter.content.base64, 'base64')).toEqual(PDF);
    expect(ids(copy.sources.oncology.oncologyRecords)).not.toContain('o-invisible');
    expect(ids(copy.sources.pharmacy.dispensations)).toEqual(['d-masked', 'd-plain']);
    expect(copy.sources.reimbursement.careLines.length).toBeGreaterThan(0);
    expect(copy.registry.accessTraces.length).toBeGreaterThan(0);
    expect(JSON.stringify(copy)).not.toContain('h-invisible-new');
  });

  it("a representative's copy leaves out the minor's secret; the minor's own holds it", async () => {
    expect(ids((await copyFor('rep:parent', MINOR)).sources.hospital.hospitalReports)).toEqual(['m-plain']);
    expect(ids((await copyFor(`patient:${MINOR}`, MINOR)).sources.hospital.hospitalReports)).toEqual([
      'm-plain',
      'm-secret',
    ]);
  });

  it('only the patient side asks; each requester sees only their own copies', async () => {
    expect(errorCode(await (await graph.as('ps:30000000001'))(REQUEST, { ins: ADULT }))).toBe('FORBIDDEN');
    expect(errorCode(await (await graph.as(`patient:${MINOR}`))(REQUEST, { ins: ADULT }))).toBe('NOT_FOUND');
    const parent = await (await graph.as('rep:parent'))(COPIES, { ins: MINOR });
    const minor = await (await graph.as(`patient:${MINOR}`))(COPIES, { ins: MINOR });
    expect(parent.data.patient.recordCopies).toHaveLength(1);
    expect(minor.data.patient.recordCopies).toHaveLength(1);
    expect(parent.data.patient.recordCopies[0].id).not.toBe(minor.data.patient.recordCopies[0].id);
  });

  it("traced: the request, the reads of every source under the copy's own request, and each download", async () => {
    const { data } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 100, filter: { actorId: "patient:${ADULT}" }) { nodes { source action } } } }`,
      { ins: ADULT },
    );
    const seen = data.patient.accessTraces.nodes.map(
      (n: { source: string; action: string }) => `${n.source} ${n.action}`,
    );
    for (const expected of [
      'patient request-copy',
      'patient copy',
      'patient read-copy',
      'hospital read',
      'pharmacy read',
    ])
      expect(seen).toContain(expected);
  });
});
