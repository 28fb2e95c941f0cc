import { gql } from 'graphql-request';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { demoScenario } from '../scripts/generate/personas';

/** What a SAMU regulation console asks once it has found the patient: one query, one round trip. */
export const EMERGENCY_SUMMARY = gql`
  query EmergencySummary($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
        usedName
        birthName
        birthDate
        sex
      }
      access {
        mode
      }
      personalSpace {
        allergies {
          substance
          reaction
          severity
        }
        trustedPerson {
          name
          relation
          phone
        }
        emergencyContacts {
          name
          relation
          phone
        }
        advanceDirectives(first: 1) {
          nodes {
            title
            effectiveAt
            body
          }
        }
      }
      dispensations(first: 20) {
        nodes {
          productName
          atc
          quantity
          effectiveAt
        }
      }
      hospitalReports(first: 3, filter: { typeCodes: ["11490-0", "15507-7", "34112-3"] }) {
        nodes {
          title
          effectiveAt
          careUnit
          author {
            name
          }
        }
      }
    }
  }
`;

describe('a regulator finds the patient from spoken traits and reads the emergency essentials in one query', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
  });
  afterAll(() => graph?.stop());

  it('from "Hélène, de la Tour, born 12 July 1984" to allergies, treatments, letters, directives and contacts', async () => {
    const client = await graph.client('samu:75');
    const found = await client.rawRequest<any>(gql`
      query {
        searchPatients(traits: { birthDate: "1984-07-12", name: "de la tour", firstName: "helene" }) {
          candidates {
            ins
            openable
          }
        }
      }
    `);
    expect(found.data.searchPatients.candidates).toHaveLength(1);
    const [{ ins, openable }] = found.data.searchPatients.candidates;
    expect(openable).toBe(true);

    const { data, errors } = await client.rawRequest<any>(EMERGENCY_SUMMARY, { ins });
    expect(errors).toBeUndefined();
    const p = data.patient;
    expect(p.access.mode).toBe('centre_15');
    expect(p.personalSpace.allergies).toEqual([
      { substance: 'Pénicilline', reaction: 'Urticaire généralisée', severity: 'SEVERE' },
    ]);
    expect(p.personalSpace.trustedPerson).toMatchObject({ name: 'Jean-François Lefèvre', relation: 'Conjoint' });
    expect(p.personalSpace.emergencyContacts).toHaveLength(2);
    expect(p.personalSpace.advanceDirectives.nodes[0].title).toBe('Directives anticipées');
    expect(p.dispensations.nodes.map((d: any) => d.atc)).toEqual(['B01AC06', 'J07BB02']);
    // The CR d'hospitalisation awaiting its consultation d'annonce is hidden from the patient, not from the regulator.
    expect(p.hospitalReports.nodes.map((r: any) => r.title)).toEqual([
      "CR d'hospitalisation en attente d'annonce",
      'Lettre de liaison – sortie de cardiologie',
    ]);
  });
});
