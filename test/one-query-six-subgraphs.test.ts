import { gql } from 'graphql-request';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const PATIENT_RECORD = gql`
  query PatientRecord($ins: String!) {
    patient(ins: $ins) {
      ins
      identity {
        birthName
        usedName
        firstName
        givenNames
        birthDate
        birthplaceCode
        status
      }
      dmp {
        status
      }
      hospitalReports(first: 10) {
        totalCount
        nodes {
          id
          typeCode
          classCode
          space
          title
          author {
            kind
            name
            professionCode
          }
        }
      }
      oncologyRecords {
        totalCount
        nodes {
          id
          tumourSiteCode
          decision
        }
      }
      dispensations {
        totalCount
        nodes {
          id
          cip13
          atc
          productCategory
        }
      }
      careLines {
        totalCount
        nodes {
          id
          actSystem
          actCode
          executor {
            name
          }
        }
      }
      personalSpace {
        documents {
          totalCount
        }
        advanceDirectives {
          nodes {
            title
          }
        }
        allergies {
          substance
          severity
        }
        trustedPerson {
          name
          relation
        }
        organDonation
      }
    }
  }
`;

describe('one query for one patient reaches all six subgraphs through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
  });
  afterAll(() => graph?.stop());

  it('returns identity, every source and the personal space, as the médecin traitant sees them', async () => {
    const client = await graph.client(`ps:${DEMO.doctor}`);
    const { data, errors } = await client.rawRequest<any>(PATIENT_RECORD, { ins: DEMO_PATIENT_INS });
    expect(errors).toBeUndefined();
    const patient = data.patient;
    expect(patient.identity).toMatchObject({
      birthName: "de La Tour d'Auvergne",
      usedName: 'Lefèvre',
      firstName: 'Hélène',
      birthDate: '1984-07-12',
      status: 'QUAL',
    });
    // Four reports: the médecin traitant sees masked and pending-announcement ones too.
    expect(patient.hospitalReports.totalCount).toBe(4);
    expect(patient.hospitalReports.nodes.map((n: any) => n.id).sort()).toEqual([
      'demo-hosp-bio',
      'demo-hosp-letter',
      'demo-hosp-pending',
      'demo-hosp-psy',
    ]);
    expect(patient.hospitalReports.nodes.find((n: any) => n.id === 'demo-hosp-bio')).toMatchObject({
      classCode: '10',
      space: 'ANALYSES',
      author: { kind: 'ESTABLISHMENT' },
    });
    expect(patient.oncologyRecords.nodes.map((n: any) => n.tumourSiteCode)).toContain('C50.9');
    // DP retention: the 15-day-old standard dispensation and the 400-day-old vaccine stay, the 200-day-old paracetamol is gone.
    expect(patient.dispensations.nodes.map((n: any) => n.id).sort()).toEqual(['demo-disp-apixaban', 'demo-disp-flu']);
    // Reimbursement history: 24 months, so the 800-day-old line is gone.
    expect(patient.careLines.nodes.map((n: any) => n.id).sort()).toEqual(['demo-remb-ecg', 'demo-remb-g']);
    expect(patient.careLines.nodes.find((n: any) => n.id === 'demo-remb-g')).toMatchObject({
      actSystem: 'NGAP',
      actCode: 'G',
      executor: { name: 'Claire Martin' },
    });
    expect(patient.personalSpace).toMatchObject({
      documents: { totalCount: 2 },
      advanceDirectives: { nodes: [{ title: 'Directives anticipées' }] },
      allergies: [{ substance: 'Pénicilline', severity: 'SEVERE' }],
      trustedPerson: { name: 'Jean-François Lefèvre', relation: 'Conjoint' },
      organDonation: 'NO_OBJECTION',
    });
  });

  it('refuses a request without a bearer token with HTTP 401 and a coded error', async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a malformed INS with BAD_USER_INPUT naming the rule, and an unknown one with NOT_FOUND', async () => {
    const client = await graph.client(`ps:${DEMO.doctor}`);
    const bad = await client.rawRequest<any>(PATIENT_RECORD, { ins: DEMO_PATIENT_INS.slice(0, 13) + '00' });
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringContaining('control key'),
      extensions: { code: 'BAD_USER_INPUT', field: 'ins' },
    });
    const unknown = await client.rawRequest<any>(PATIENT_RECORD, { ins: '184127645108946' });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.data.patient).toBeNull();
  });
});
