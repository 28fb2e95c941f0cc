import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Masking as the app offers it (issue 18, item 3): several documents at once by their id over every source, or a
 * whole category by a filter, health-history lines included. Through the gateway.
 */
const ADULT = '284077511612365';
const PHARMACIEN = 'ps:30000000004'; // authorised: masked documents are hidden from them
const LIST = gql`
  query ($ins: String!, $filter: DocumentsFilter) {
    patient(ins: $ins) {
      documents(first: 50, filter: $filter) {
        nodes {
          id
          documentId
          source
          visibility
        }
      }
    }
  }
`;
const MASK = gql`
  mutation ($ins: String!, $ids: [ID!], $filter: DocumentsFilter, $masked: Boolean!) {
    setDocumentsMasked(ins: $ins, ids: $ids, filter: $filter, masked: $masked) {
      ins
    }
  }
`;

describe('masking several documents, or a whole category', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const field = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions?.field;
  const list = async (actor: string, filter: object | null = null) => {
    const answer = await (await graph.as(actor))(LIST, { ins: ADULT, filter });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.documents.nodes as {
      id: string;
      documentId: string;
      source: string;
      visibility: string[];
    }[];
  };
  const mask = async (variables: object, actor = `patient:${ADULT}`) =>
    (await graph.as(actor))(MASK, { ins: ADULT, ...variables });

  it('two documents of two sources at once, by their ids over every source', async () => {
    const plain = (await list(`patient:${ADULT}`)).filter((d) => ['h-plain', 'd-plain'].includes(d.documentId));
    expect(plain).toHaveLength(2);
    const seenBefore = (await list(PHARMACIEN)).map((d) => d.documentId);
    expect(seenBefore).toEqual(expect.arrayContaining(['h-plain', 'd-plain']));
    expect((await mask({ ids: plain.map((d) => d.id), masked: true })).errors).toBeUndefined();
    const mine = await list(`patient:${ADULT}`);
    for (const d of mine.filter((d) => ['h-plain', 'd-plain'].includes(d.documentId)))
      expect(d.visibility).toContain('MASQUE_PS');
    expect((await list(PHARMACIEN)).map((d) => d.documentId)).not.toEqual(expect.arrayContaining(['h-plain']));
    expect((await mask({ ids: plain.map((d) => d.id), masked: false })).errors).toBeUndefined();
    expect((await list(PHARMACIEN)).map((d) => d.documentId).sort()).toEqual(seenBefore.sort());
  });

  it('a whole category: every health-history line, masked then unmasked', async () => {
    const lines = { sources: ['reimbursement'] };
    expect((await mask({ filter: lines, masked: true })).errors).toBeUndefined();
    const masked = await list(`patient:${ADULT}`, lines);
    expect(masked.length).toBeGreaterThan(0);
    expect(masked.every((d) => d.visibility.includes('MASQUE_PS'))).toBe(true);
    expect((await mask({ filter: lines, masked: false })).errors).toBeUndefined();
    // r-masked was masked in the scenario: lifted too, as the patient asked for the whole category.
    expect((await list(`patient:${ADULT}`, lines)).some((d) => d.visibility.includes('MASQUE_PS'))).toBe(false);
  });

  it('bad input is named and changes nothing; a doctor may not mask', async () => {
    const before = await list(`patient:${ADULT}`);
    const neither = await mask({ masked: true });
    const both = await mask({ ids: [before[0].id], filter: {}, masked: true });
    const tooMany = await mask({ ids: Array.from({ length: 101 }, () => before[0].id), masked: true });
    const foreign = await mask({ ids: ['not-an-id'], masked: true });
    for (const answer of [neither, both, tooMany])
      expect([errorCode(answer), field(answer)]).toEqual(['BAD_USER_INPUT', 'ids']);
    expect([errorCode(foreign), field(foreign)]).toEqual(['BAD_USER_INPUT', 'ids']);
    expect(errorCode(await mask({ ids: [before[0].id], masked: true }, 'ps:30000000001'))).toBe('FORBIDDEN');
    expect(await list(`patient:${ADULT}`)).toEqual(before);
  });
});
