import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Every kind of actor reads the same record; the documents each one sees are listed by hand from domain.md
 * (not computed), so this table is the law as written, not a mirror of the code.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const OTHER = '170057505600172';
/** Born in Corse-du-Sud (2A), DMP closed a month ago. */
const CLOSED = '290052A00412352';

const RECORD = gql`
  query Record($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        totalCount
        nodes {
          id
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
        }
      }
      careLines(first: 100) {
        totalCount
        nodes {
          id
        }
      }
      personalSpace {
        documents(first: 100) {
          totalCount
          nodes {
            id
          }
        }
      }
    }
  }
`;

const EVERYTHING = [
  'h-plain',
  'h-masked',
  'h-invisible-new',
  'h-invisible-old',
  'o-plain',
  'o-masked',
  'o-invisible',
  'd-plain',
  'd-masked',
  'r-plain',
  'r-masked',
  'r-invisible',
  'p-plain',
  'p-masked',
];
const PROFESSIONAL_UNMASKED = [
  'h-plain',
  'h-invisible-new',
  'h-invisible-old',
  'o-plain',
  'o-invisible',
  'd-plain',
  'r-plain',
  'r-invisible',
  'p-plain',
];

type Expected = string[] | 'NOT_FOUND' | 'FORBIDDEN';
const TABLE: [string, string, string, Expected][] = [
  // actor, who they are, patient, what they see
  [
    `patient:${ADULT}`,
    'the patient: masked shown, INVISIBLE_PATIENT hidden for a month then shown',
    ADULT,
    [
      'h-plain',
      'h-masked',
      'h-invisible-old',
      'o-plain',
      'o-masked',
      'd-plain',
      'd-masked',
      'r-plain',
      'r-masked',
      'p-plain',
      'p-masked',
    ],
  ],
  ['ps:30000000001', 'the médecin traitant: everything', ADULT, EVERYTHING],
  [
    'ps:30000000002',
    'an authorised médecin: the médecin column, masked hidden but the one he wrote',
    ADULT,
    [...PROFESSIONAL_UNMASKED, 'h-masked'],
  ],
  [
    'ps:30000000004',
    'an authorised pharmacien: his column, masked hidden but the dispensation he recorded',
    ADULT,
    [...PROFESSIONAL_UNMASKED, 'd-masked'],
  ],
  [
    'ps:30000000003',
    'an authorised pédicure-podologue: only the lettre de liaison type',
    ADULT,
    ['h-plain', 'h-invisible-new', 'h-invisible-old'],
  ],
  [
    'samu:13',
    'a centre 15 regulator, patient without MASKED: médecin column, masked hidden',
    ADULT,
    PROFESSIONAL_UNMASKED,
  ],
  ['ps:30000000005', 'an authorised but blocked professional', ADULT, 'NOT_FOUND'],
  ['ps:30000000006', 'a professional with no authorisation', ADULT, 'NOT_FOUND'],
  [`patient:${OTHER}`, 'another patient', ADULT, 'NOT_FOUND'],
  ['rep:parent', "a representative of someone else's record", ADULT, 'NOT_FOUND'],
  ['heir:one', 'an heir (not served yet)', ADULT, 'NOT_FOUND'],
  ['etab:130786049', 'the establishment feeding channel', ADULT, 'FORBIDDEN'],
  ['analyst:cnam', 'analytics', ADULT, 'FORBIDDEN'],
  ['org:insurer', 'an insurer', ADULT, 'FORBIDDEN'],
  ['org:employer', 'an employer', ADULT, 'FORBIDDEN'],
  ['rep:parent', "the minor's representative: the secret document hidden", MINOR, ['m-plain']],
  [`patient:${MINOR}`, 'the minor himself', MINOR, ['m-plain', 'm-secret']],
  ['ps:30000000001', "the minor's médecin traitant", MINOR, ['m-plain', 'm-secret']],
  ['ps:30000000001', 'the médecin traitant of a closed DMP', CLOSED, 'NOT_FOUND'],
  [`patient:${CLOSED}`, 'the patient of a closed DMP (archived: nobody reads it)', CLOSED, 'NOT_FOUND'],
  ['samu:13', 'a centre 15 regulator, closed DMP', CLOSED, 'NOT_FOUND'],
];

describe('who sees which document, in every source', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  it.each(TABLE)('%s (%s) reading %s', async (actor, _who, ins, expected) => {
    const client = await graph.client(actor);
    const { data, errors } = await client.rawRequest<any>(RECORD, { ins });
    if (typeof expected === 'string') {
      expect(data.patient).toBeNull();
      expect(errors?.map((e: any) => e.extensions.code)).toEqual([expected]);
      return;
    }
    expect(errors).toBeUndefined();
    const lists = [
      data.patient.hospitalReports,
      data.patient.oncologyRecords,
      data.patient.dispensations,
      data.patient.careLines,
      data.patient.personalSpace.documents,
    ];
    const seen = lists.flatMap((list) => list.nodes.map((n: { id: string }) => n.id));
    expect(seen.sort()).toEqual([...expected].sort());
    // totalCount counts only what the reader may see, source by source.
    for (const list of lists) expect(list.totalCount).toBe(list.nodes.length);
  });

  it('a hidden record and a missing one give the very same response', async () => {
    const client = await graph.client('ps:30000000006');
    const hidden = await client.rawRequest<any>(RECORD, { ins: ADULT });
    const missing = await client.rawRequest<any>(RECORD, { ins: '184127645108946' });
    expect(JSON.stringify(hidden.errors)).toEqual(JSON.stringify(missing.errors));
    expect(hidden.data).toEqual(missing.data);
  });

  it('aliases and fragments reach nothing more than the plain query', async () => {
    const client = await graph.client('ps:30000000003');
    const { data, errors } = await client.rawRequest<any>(
      gql`
        fragment Ids on HospitalReportConnection {
          totalCount
          nodes {
            id
          }
        }
        query ($ins: String!) {
          a: patient(ins: $ins) {
            one: hospitalReports(first: 1) {
              ...Ids
            }
            all: hospitalReports(first: 100, filter: { typeCodes: ["11490-0", "34794-8"] }) {
              ...Ids
            }
          }
          b: patient(ins: $ins) {
            ... on Patient {
              onc: oncologyRecords {
                ... on DccRecordConnection {
                  totalCount
                  nodes {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(errors).toBeUndefined();
    expect(data.a.one.totalCount).toBe(3);
    expect(data.a.all.nodes.map((n: any) => n.id).sort()).toEqual(['h-invisible-new', 'h-invisible-old', 'h-plain']);
    expect(data.b.onc).toEqual({ totalCount: 0, nodes: [] });
  });

  it.each([
    [
      'ps:30000000002',
      'an authorised médecin',
      { amountCents: null, reimbursedCents: null, prescriber: { name: 'Claire Traitant' } },
      ['amountCents', 'reimbursedCents'],
    ],
    [
      'ps:30000000003',
      'an authorised pédicure-podologue',
      { amountCents: null, reimbursedCents: null, prescriber: null },
      ['amountCents', 'reimbursedCents', 'prescriber'],
    ],
    [
      `patient:${ADULT}`,
      'the patient',
      { amountCents: 3000, reimbursedCents: 2100, prescriber: { name: 'Claire Traitant' } },
      [],
    ],
  ])('masks fields by role: %s (%s) reading a care line', async (actor, _who, values, denied) => {
    const client = await graph.client(actor);
    // The pédicure-podologue may not read REMB documents at all; the rule is asserted on a record he can reach.
    const { data, errors } = await client.rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            careLines(first: 1) {
              nodes {
                id
                amountCents
                reimbursedCents
                prescriber {
                  name
                }
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    const nodes = data.patient.careLines.nodes;
    if (actor === 'ps:30000000003') {
      expect(nodes).toEqual([]);
      return;
    }
    expect(nodes[0]).toMatchObject(values);
    const forbiddenFields = (errors ?? [])
      .filter((e: any) => e.extensions.code === 'FORBIDDEN')
      .map((e: any) => e.path.at(-1));
    expect(forbiddenFields.sort()).toEqual(denied.sort());
  });

  it.each([
    ['ps:30000000004', 'an authorised pharmacien', null, ['tumourSiteCode']],
    ['ps:30000000002', 'an authorised médecin', 'C50.9', []],
    [`patient:${ADULT}`, 'the patient', 'C50.9', []],
  ])('masks a diagnosis by role: %s (%s)', async (actor, _who, expected, denied) => {
    const client = await graph.client(actor);
    const { data, errors } = await client.rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            oncologyRecords(first: 1) {
              nodes {
                id
                title
                tumourSiteCode
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(data.patient.oncologyRecords.nodes[0].title).toBeTruthy();
    expect(data.patient.oncologyRecords.nodes[0].tumourSiteCode).toBe(expected);
    expect((errors ?? []).map((e: any) => `${e.extensions.code}:${e.path.at(-1)}`)).toEqual(
      denied.map((f) => `FORBIDDEN:${f}`),
    );
  });
});
