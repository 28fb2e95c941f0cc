import { gql } from 'graphql-request';
import { systemClock } from '../domain/clock';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { generate } from '../scripts/generate/generate';
import type { Scenario } from '../scripts/scenario/scenario';

/** Every list of every source, paged and counted, plus the personal space's structured parts. */
const EVERYTHING = gql`
  query Everything($ins: String!) {
    patient(ins: $ins) {
      identity {
        birthName
      }
      hospitalReports(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          title
        }
      }
      oncologyRecords(first: 100) {
        totalCount
        nodes {
          id
        }
      }
      dispensations(first: 100) {
        totalCount
        nodes {
          id
          atc
        }
      }
      careLines(first: 100) {
        totalCount
        nodes {
          id
          actCode
        }
      }
      personalSpace {
        documents(first: 100) {
          totalCount
          nodes {
            id
          }
        }
        allergies {
          substance
        }
        antecedents {
          label
        }
        vaccinations {
          vaccine
        }
        emergencyContacts {
          name
        }
        organDonation
      }
    }
  }
`;

/** One generated patient whose every source holds `documents` documents, all recent enough to be shown. */
function patientWith(documents: number, seed: number): Scenario {
  const [, chunk] = [...generate({ patients: 1, seed, documentsPerSource: documents, today: systemClock.now() })];
  for (const patient of chunk.patients!) {
    patient.dmp = { ...patient.dmp, status: 'ACTIVE' };
    for (const list of [
      patient.hospitalReports,
      patient.oncologyRecords,
      patient.dispensations,
      patient.careLines,
      patient.personalSpace?.documents,
    ]) {
      list?.forEach((doc, i) => {
        doc.effectiveAt = `now-${1 + (i % 50)}h`;
        doc.visibility = [];
      });
    }
  }
  return chunk;
}

describe('a request costs the same number of statements for 10 or 1,000 documents per source (no N+1)', () => {
  let graph: TestGraph;
  const small = patientWith(10, 1);
  const large = patientWith(1000, 2);
  const [demo] = [...generate({ patients: 0, today: systemClock.now() })];

  beforeAll(async () => {
    graph = await startTestGraph(demo, small, large);
  });
  afterAll(() => graph?.stop());

  async function statementsFor(scenario: Scenario) {
    const ins = scenario.patients![0].ins;
    const client = await graph.client(`patient:${ins}`);
    const before = graph.statements();
    const { data, errors } = await client.rawRequest<any>(EVERYTHING, { ins });
    expect(errors).toBeUndefined();
    return { statements: graph.statements() - before, data: data.patient };
  }

  it('pages 100 of 1,000 and counts all 1,000 in the same statements as 10 of 10', async () => {
    const few = await statementsFor(small);
    const many = await statementsFor(large);
    expect(few.data.hospitalReports).toMatchObject({ totalCount: 10, pageInfo: { hasNextPage: false } });
    expect(many.data.hospitalReports).toMatchObject({ totalCount: 1000, pageInfo: { hasNextPage: true } });
    expect(many.data.hospitalReports.nodes).toHaveLength(100);
    expect(many.data.dispensations.totalCount).toBe(1000);
    expect(many.data.personalSpace.documents.totalCount).toBe(1000);
    expect(many.statements).toBe(few.statements);
    // Registry: 1 decision; five lists × (page + count); five structured parts of the personal space.
    expect(few.statements).toBe(1 + 5 * 2 + 5);
  });
});
