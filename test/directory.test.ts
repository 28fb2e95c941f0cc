import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * The directory (docs/law.md §3): professionals and establishments by id and by name, for the patient side to
 * authorise someone by name, and to name the people of an access history and a care team. Through the gateway.
 */
const ADULT = '284077511612365';
const TIMONE = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const DIRECTORY = {
  version: 1,
  professionals: [
    {
      rpps: '40000000001',
      familyName: 'Dupont-Moretti',
      firstName: 'Hélène',
      profession: '10',
      specialty: 'SM04',
      establishment: TIMONE,
    },
    {
      rpps: '40000000002',
      familyName: 'Dupond',
      firstName: 'Jean',
      profession: '21',
      contact: { addressLine: '12 cours Julien', postalCode: '13006', city: 'Marseille', phone: '0491000000' },
    },
    { rpps: '40000000003', familyName: "N'Diaye", firstName: 'Élodie', profession: '60', establishment: TIMONE },
  ],
};

const SEARCH = gql`
  query ($name: String!, $first: Int) {
    searchProfessionals(name: $name, first: $first) {
      professionals {
        rpps
        familyName
        firstName
        professionCode
        professionLabel
        specialtyCode
        specialtyLabel
        establishment {
          finess
          name
        }
      }
      truncated
    }
  }
`;

describe('the directory of professionals and establishments', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'), DIRECTORY);
  });
  afterAll(() => graph?.stop());

  const rppsFound = async (actor: string, name: string) => {
    const { data, errors } = await (await graph.as(actor))(SEARCH, { name });
    expect(errors).toBeUndefined();
    return data.searchProfessionals.professionals.map((p: any) => p.rpps);
  };

  it.each([
    ['dupont', ['40000000001']],
    ['DUPONT MORETTI', ['40000000001']],
    ['dupon', ['40000000002', '40000000001']],
    ['helene dupont', ['40000000001']],
    ['dupont hel', ['40000000001']],
    ['ndiaye', ['40000000003']],
    ["N'Diaye Élodie", ['40000000003']],
    ['elodie', ['40000000003']],
    ['zzz', []],
  ])('by name, as typed so far: "%s"', async (name, rpps) => {
    expect(await rppsFound(`patient:${ADULT}`, name)).toEqual(rpps);
  });

  it('gives codes with their labels, and where they practise', async () => {
    const { data } = await (await graph.as(`patient:${ADULT}`))(SEARCH, { name: 'dupont-moretti' });
    expect(data.searchProfessionals).toEqual({
      professionals: [
        {
          rpps: '40000000001',
          familyName: 'Dupont-Moretti',
          firstName: 'Hélène',
          professionCode: '10',
          professionLabel: 'Médecin',
          specialtyCode: 'SM04',
          specialtyLabel: 'Cardiologie et Maladies vasculaires',
          establishment: TIMONE,
        },
      ],
      truncated: false,
    });
  });

  it.each([
    ['a patient', `patient:${ADULT}`],
    ['a professional', 'ps:30000000002'],
  ])(
    'gives %s where a professional practises, as the directory publishes it, and nothing it does not',
    async (_who, actor) => {
      const { data, errors } = await (
        await graph.as(actor)
      )(gql`
        {
          published: professional(rpps: "40000000002") {
            addresses {
              line
              postalCode
              city
              phone
            }
          }
          unpublished: professional(rpps: "40000000003") {
            addresses {
              line
            }
          }
          found: searchProfessionals(name: "dupond") {
            professionals {
              rpps
              addresses {
                city
              }
            }
          }
        }
      `);
      expect(errors).toBeUndefined();
      expect(data.published.addresses).toEqual([
        { line: '12 cours Julien', postalCode: '13006', city: 'Marseille', phone: '0491000000' },
      ]);
      expect(data.unpublished.addresses).toEqual([]);
      expect(data.found.professionals).toContainEqual({ rpps: '40000000002', addresses: [{ city: 'Marseille' }] });
    },
  );

  it('says when more matched than were returned', async () => {
    const { data } = await (await graph.as(`patient:${ADULT}`))(SEARCH, { name: 'dupon', first: 1 });
    expect(data.searchProfessionals.professionals).toHaveLength(1);
    expect(data.searchProfessionals.truncated).toBe(true);
  });

  it('by RPPS and by FINESS; an unknown one is null', async () => {
    const { data, errors } = await (
      await graph.as('ps:30000000002')
    )(gql`
      {
        known: professional(rpps: "40000000003") {
          familyName
          professionLabel
        }
        unknown: professional(rpps: "49999999999") {
          rpps
        }
        timone: establishment(finess: "130783236") {
          name
        }
        channelOnly: establishment(finess: "130786049") {
          name
        }
        nowhere: establishment(finess: "999999999") {
          name
        }
        byName: searchEstablishments(name: "timone") {
          establishments {
            finess
            name
          }
          truncated
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      known: { familyName: "N'Diaye", professionLabel: 'Infirmier' },
      unknown: null,
      timone: { name: TIMONE.name },
      channelOnly: { name: 'AP-HM feeding channel' },
      nowhere: null,
      byName: { establishments: [TIMONE], truncated: false },
    });
  });

  it.each([
    ['searchProfessionals(name: "d")', 'name'],
    ['searchProfessionals(name: "--")', 'name'],
    ['searchProfessionals(name: "dupont", first: 0)', 'first'],
    ['searchProfessionals(name: "dupont", first: 26)', 'first'],
    ['professional(rpps: "12")', 'rpps'],
    ['establishment(finess: "x")', 'finess'],
  ])('%s: BAD_USER_INPUT naming %s', async (field, named) => {
    const selection = field.startsWith('search') ? '{ truncated }' : field.startsWith('prof') ? '{ rpps }' : '{ name }';
    const answer = await (await graph.as(`patient:${ADULT}`))(`{ ${field} ${selection} }`);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe(named);
  });

  it.each(['analyst:cnam', 'org:insurer', 'org:employer'])('%s may not use it (FORBIDDEN)', async (actor) => {
    expect(errorCode(await (await graph.as(actor))(SEARCH, { name: 'dupont' }))).toBe('FORBIDDEN');
  });

  it('reveals no patient: the same answer whoever asks, and no patient is traced', async () => {
    const before = await graph.auditStore.query<{ n: number }>('SELECT count(*)::int AS n FROM access_trace');
    const seenBy = await Promise.all(
      ['ps:30000000005', 'ps:30000000006', 'samu:13', `patient:${ADULT}`].map((a) => rppsFound(a, 'dup')),
    );
    for (const found of seenBy) expect(found).toEqual(seenBy[0]);
    const after = await graph.auditStore.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM access_trace WHERE patient_ref IS NOT NULL',
    );
    const beforeWithPatient = await graph.auditStore.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM access_trace WHERE patient_ref IS NOT NULL AND seq <= $1',
      [before[0].n],
    );
    expect(after[0].n).toBe(beforeWithPatient[0].n);
  });

  it('the access history and the care team name people, not numbers', async () => {
    const readIdentity = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`;
    for (const actor of ['ps:30000000001', 'samu:13']) await (await graph.as(actor))(readIdentity, { ins: ADULT });
    const { data, errors } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            accessTraces(first: 100) {
              nodes {
                actorId
                actorName
              }
            }
            careTeam {
              kind
              professional {
                firstName
                familyName
                professionLabel
                specialtyLabel
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(errors).toBeUndefined();
    const names = new Map(data.patient.accessTraces.nodes.map((n: any) => [n.actorId, n.actorName]));
    expect(names.get('ps:30000000001')).toBe('Claire Traitant');
    expect(names.get('samu:13')).toBe('SAMU 13');
    expect(data.patient.careTeam).toContainEqual({
      kind: 'MEDECIN_TRAITANT',
      professional: {
        firstName: 'Claire',
        familyName: 'Traitant',
        professionLabel: 'Médecin',
        specialtyLabel: 'Médecine générale',
      },
    });
  });
});
