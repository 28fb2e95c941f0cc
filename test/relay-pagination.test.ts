import { gql } from 'graphql-request';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const PAGE = gql`
  query Page($ins: String!, $first: Int, $after: String, $filter: DocumentFilter) {
    patient(ins: $ins) {
      hospitalReports(first: $first, after: $after, filter: $filter) {
        totalCount
        edges {
          cursor
          node {
            id
            effectiveAt
            space
            typeCode
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`;

describe('document lists are Relay connections with filters', () => {
  let graph: TestGraph;
  let page: (variables: object) => Promise<{ data: any; errors?: any[] }>;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    const client = await graph.client(`ps:${DEMO.doctor}`);
    page = (variables) => client.rawRequest<any>(PAGE, { ins: DEMO_PATIENT_INS, ...variables });
  });
  afterAll(() => graph?.stop());

  it('walks every document once, newest first, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data, errors } = await page({ first: 3, after });
      expect(errors).toBeUndefined();
      const connection = data.patient.hospitalReports;
      expect(connection.totalCount).toBe(4);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      pages++;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual(['demo-hosp-pending', 'demo-hosp-letter', 'demo-hosp-bio', 'demo-hosp-psy']);
  });

  it.each([
    ['space', { spaces: ['ANALYSES'] }, ['demo-hosp-bio']],
    ['type', { typeCodes: ['68599-0', '34112-3'] }, ['demo-hosp-pending', 'demo-hosp-psy']],
    [
      'date range',
      {
        from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        to: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      },
      ['demo-hosp-letter', 'demo-hosp-bio'],
    ],
  ])('filters by %s, and totalCount counts what the filter keeps', async (_name, filter, ids) => {
    const { data } = await page({ filter });
    expect(data.patient.hospitalReports.edges.map((e: any) => e.node.id)).toEqual(ids);
    expect(data.patient.hospitalReports.totalCount).toBe(ids.length);
  });

  it.each([
    ['a page size over 100', { first: 101 }, 'first: must be between 1 and 100'],
    [
      'a cursor it did not give out',
      { after: 'bm90LWEtY3Vyc29y' },
      'after: not a cursor this list gave out for these arguments',
    ],
    ['an unknown type code', { filter: { typeCodes: ['NOPE'] } }, 'filter.typeCodes: NOPE is not a JDV_J07 type code'],
    [
      'an empty date range',
      { filter: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      'filter.to: must be after filter.from',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, message) => {
    const { data, errors } = await page(variables);
    expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(data.patient.hospitalReports).toBeNull();
  });
});
