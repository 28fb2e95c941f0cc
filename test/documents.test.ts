import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { depositLetter, PDF } from './support/letters';

/**
 * One document list over every source, and one document by id (issue 18, item 2): the same documents, in the
 * same rules, as the per-source lists give the same reader, merged newest first and paged by one cursor.
 * Through the gateway, as the patient, a parent, a pharmacien.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';

const ALL = gql`
  query ($ins: String!, $first: Int, $after: String, $filter: DocumentsFilter) {
    patient(ins: $ins) {
      documents(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          documentId
          source
          effectiveAt
          author {
            kind
          }
          capabilities {
            canMask
          }
        }
      }
    }
  }
`;
const PER_SOURCE = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
      oncologyRecords(first: 100) {
        nodes {
          id
        }
      }
      dispensations(first: 100) {
        nodes {
          id
        }
      }
      careLines(first: 100) {
        nodes {
          id
        }
      }
      personalSpace {
        documents(first: 100) {
          nodes {
            id
          }
        }
      }
    }
  }
`;
const ONE = gql`
  query ($ins: String!, $id: ID!) {
    patient(ins: $ins) {
      document(id: $id) {
        id
        documentId
        source
        title
      }
    }
  }
`;

describe('one document list over every source, and a document by id', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const list = async (actor: string, ins: string, variables: object = {}) => {
    const answer = await (await graph.as(actor))(ALL, { ins, first: 50, ...variables });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.documents;
  };
  /** What the per-source lists give this reader, as `source:id`. */
  const perSource = async (actor: string, ins: string) => {
    const { data } = await (await graph.as(actor))(PER_SOURCE, { ins });
    const p = data.patient;
    const ids = (source: string, conn: { nodes: { id: string }[] } | null | undefined) =>
      (conn?.nodes ?? []).map((n) => `${source}:${n.id}`);
    return [
      ...ids('hospital', p.hospitalReports),
      ...ids('oncology', p.oncologyRecords),
      ...ids('pharmacy', p.dispensations),
      ...ids('reimbursement', p.careLines),
      ...ids('personal_space', p.personalSpace?.documents),
    ].sort();
  };
  const keys = (nodes: { source: string; documentId: string }[]) => nodes.map((n) => `${n.source}:${n.documentId}`);

  it.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['an authorised pharmacien', 'ps:30000000004', ADULT],
    ['a parent', 'rep:parent', MINOR],
    ['the minor', `patient:${MINOR}`, MINOR],
  ])('%s: exactly what the per-source lists give, newest care first', async (_who, actor, ins) => {
    const all = await list(actor, ins);
    expect(keys(all.nodes).sort()).toEqual(await perSource(actor, ins));
    expect(all.totalCount).toBe(all.nodes.length);
    const instants = all.nodes.map((n: { effectiveAt: string }) => Date.parse(n.effectiveAt));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
  });

  it("the parent's list leaves out the minor's secret", async () => {
    expect(keys((await list('rep:parent', MINOR)).nodes)).toEqual(['hospital:m-plain']);
  });

  it('paged two at a time, the pages join into the whole list, with no gap and no repeat', async () => {
    const whole = (await list(`patient:${ADULT}`, ADULT)).nodes.map((n: { id: string }) => n.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page: any = await list(`patient:${ADULT}`, ADULT, { first: 2, after });
      paged.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
    expect(whole.length).toBeGreaterThan(4);
  });

  it('filtered by source and by kind of author', async () => {
    const pharmacy = await list(`patient:${ADULT}`, ADULT, { filter: { sources: ['pharmacy'] } });
    expect(new Set(pharmacy.nodes.map((n: { source: string }) => n.source))).toEqual(new Set(['pharmacy']));
    const feed = await list(`patient:${ADULT}`, ADULT, { filter: { authorKinds: ['ALIM_AM'] } });
    expect(feed.nodes.length).toBeGreaterThan(0);
    expect(feed.nodes.every((n: { author: { kind: string } }) => n.author.kind === 'ALIM_AM')).toBe(true);
    const bad = await (await graph.as(`patient:${ADULT}`))(ALL, { ins: ADULT, first: 51 });
    expect([errorCode(bad), bad.errors?.[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('one document by its id comes with its file', async () => {
    const documentId = await depositLetter(graph, 'ps:30000000001', ADULT, { withFile: true });
    const listed = (await list(`patient:${ADULT}`, ADULT)).nodes.find(
      (n: { documentId: string }) => n.documentId === documentId,
    );
    const { data, errors } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      `query ($ins: String!, $id: ID!) { patient(ins: $ins) { document(id: $id) { title content { mimeType base64 } } } }`,
      {
        ins: ADULT,
        id: listed.id,
      },
    );
    expect(errors).toBeUndefined();
    expect(data.patient.document.content.mimeType).toBe('application/pdf');
    expect(Buffer.from(data.patient.document.content.base64, 'base64')).toEqual(PDF);
  });

  it("one document by its id; another record's id, or a hidden one, answers like none", async () => {
    const [first] = (await list(`patient:${ADULT}`, ADULT, { filter: { sources: ['hospital'] } })).nodes;
    const one = await (await graph.as(`patient:${ADULT}`))(ONE, { ins: ADULT, id: first.id });
    expect(one.data.patient.document).toMatchObject({ id: first.id, documentId: first.documentId, source: 'hospital' });
    const minorsId = (await list(`patient:${MINOR}`, MINOR)).nodes.find(
      (n: { documentId: string }) => n.documentId === 'm-secret',
    ).id;
    const elsewhere = await (await graph.as(`patient:${ADULT}`))(ONE, { ins: ADULT, id: minorsId });
    const hidden = await (await graph.as('rep:parent'))(ONE, { ins: MINOR, id: minorsId });
    expect([errorCode(elsewhere), errorCode(hidden)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const malformed = await (await graph.as(`patient:${ADULT}`))(ONE, { ins: ADULT, id: 'h-plain' });
    expect([errorCode(malformed), malformed.errors?.[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'id']);
  });
});
