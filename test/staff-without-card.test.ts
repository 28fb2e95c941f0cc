import { gql } from 'graphql-request';
import { GraphQLClient } from 'graphql-request';
import type { Actor } from '../domain/actor';
import { mintToken } from '../gateway/local-issuer';
import { ISSUER_KEY, loadOrCreateKeyPair } from '../runtime/keys';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Staff without a CPS card (docs/law.md §3; seed 003: "accès au DMP sans CPS en établissements de santé"):
 * an establishment's channel vouches for a named member of its staff, who reads as that person, per their
 * profession's matrix, as a member of its care team; the trace names both. Through the gateway.
 */
const ADULT = '284077511612365';
const TIMONE = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const CHANNEL = 'etab:130783236';
const INTERN = 'staff:130783236:interne-7';
const TEAM_DOCTOR = '50000000002';
const SCENARIO = {
  version: 1,
  professionals: [
    {
      rpps: TEAM_DOCTOR,
      familyName: 'Garde',
      firstName: 'Marc',
      profession: '10',
      specialty: 'SM54',
      establishment: TIMONE,
    },
  ],
  accounts: [
    { id: CHANNEL, kind: 'establishment', displayName: 'Timone channel', attributes: { finess: TIMONE.finess } },
  ],
};
const REPORTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
    }
  }
`;

describe('staff without a card, vouched for by their establishment', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'), SCENARIO);
  });
  afterAll(() => graph?.stop());

  const ids = (answer: { data: any; errors?: any[] }) =>
    answer.errors ? errorCode(answer) : answer.data.patient.hospitalReports.nodes.map((n: any) => n.id).sort();
  const readsAs = async (actorId: string) => ids(await (await graph.as(actorId))(REPORTS, { ins: ADULT }));
  /** A token the issuer signed for a crafted actor: what a channel's identity provider could send. */
  const readsWith = async (actor: Actor) => {
    const { privateKey } = await loadOrCreateKeyPair(graph.config.keysDir, ISSUER_KEY);
    const token = await mintToken(privateKey, actor, graph.config.auth);
    const client = new GraphQLClient(graph.gatewayUrl, {
      headers: { authorization: `Bearer ${token}` },
      errorPolicy: 'all',
    });
    try {
      return ids((await client.rawRequest<any>(REPORTS, { ins: ADULT })) as never);
    } catch (error) {
      // A refused token is answered 401, which graphql-request throws.
      return (error as any).response?.errors?.[0]?.extensions?.code;
    }
  };
  const channel = () => graph.as(CHANNEL);
  const register = async (input: object) =>
    (await channel())(
      gql`
        mutation ($input: StaffInput!) {
          registerStaff(input: $input) {
            actorId
            professionCode
          }
        }
      `,
      { input },
    );
  const intern: Actor = {
    kind: 'professional',
    id: INTERN,
    rpps: INTERN,
    profession: '10' as never,
    specialty: null,
    finess: TIMONE.finess,
    vouchedBy: { establishment: CHANNEL, finess: TIMONE.finess, staffId: 'interne-7' },
  };

  it('the establishment registers a member of its staff; an unknown one has no token', async () => {
    const registered = await register({
      staffId: 'interne-7',
      familyName: 'Interne',
      firstName: 'Lou',
      profession: '10',
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerStaff).toEqual({ actorId: INTERN, professionCode: '10' });
    await expect(graph.token('staff:130783236:nobody')).rejects.toThrow();
  });

  it('before the patient authorises the care team, the intern reads nothing', async () => {
    expect(await readsAs(INTERN)).toBe('NOT_FOUND');
  });

  it('the care team authorised: the intern reads as the médecin they are, like a médecin of the team', async () => {
    const authorised = await (
      await graph.as(`patient:${ADULT}`)
    )(`mutation ($ins: String!) { authoriseCareTeam(ins: $ins, finess: "${TIMONE.finess}") { ins } }`, { ins: ADULT });
    expect(authorised.errors).toBeUndefined();
    const seen = await readsAs(INTERN);
    expect(seen).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(seen).toEqual(await readsAs(`ps:${TEAM_DOCTOR}`));
  });

  it('the trace names the person and the establishment that vouched', async () => {
    const { data, errors } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 20, filter: { actorId: "${INTERN}" }) { nodes { actorId actorName actorProfession vouchedBy rule outcome } } } }`,
      { ins: ADULT },
    );
    expect(errors).toBeUndefined();
    expect(data.patient.accessTraces.nodes).toContainEqual({
      actorId: INTERN,
      actorName: 'Lou Interne',
      actorProfession: '10',
      vouchedBy: CHANNEL,
      rule: 'professional.care-team',
      outcome: 'allowed',
    });
  });

  it.each<[string, Partial<Actor> & object]>([
    [
      'a member the list does not hold',
      {
        id: 'staff:130783236:interne-8',
        rpps: 'staff:130783236:interne-8',
        vouchedBy: { establishment: CHANNEL, finess: TIMONE.finess, staffId: 'interne-8' },
      },
    ],
    ['another profession than the list gives', { profession: '21' as never }],
    [
      'vouched for by another establishment’s account',
      { vouchedBy: { establishment: 'etab:130786049', finess: TIMONE.finess, staffId: 'interne-7' } },
    ],
  ])('%s: refused as any actor the registry does not recognise is (FORBIDDEN)', async (_case, change) => {
    expect(await readsWith({ ...intern, ...change } as Actor)).toBe('FORBIDDEN');
  });

  it('a token whose id, FINESS and establishment disagree is not a valid actor (UNAUTHENTICATED)', async () => {
    expect(await readsWith({ ...intern, finess: '130786049' } as Actor)).toBe('UNAUTHENTICATED');
    expect(await readsWith({ ...intern, id: 'staff:130783236:other' } as Actor)).toBe('UNAUTHENTICATED');
  });

  it('they read only: no consent recorded, no bris de glace', async () => {
    const as = await graph.as(INTERN);
    expect(
      errorCode(await as(`mutation { recordConsultationConsent(ins: "${ADULT}", patientInformed: true) { ins } }`)),
    ).toBe('NOT_FOUND');
    const emergency = await as(
      `mutation { declareEmergency(ins: "${ADULT}", justification: "Patient inconscient aux urgences, détresse respiratoire") { expiresAt } }`,
    );
    expect(errorCode(emergency)).toBe('FORBIDDEN');
  });

  it("the establishment's own identity still reads nothing", async () => {
    expect(await readsAs(CHANNEL)).toBe('FORBIDDEN');
  });

  it.each([
    [{ staffId: 'a:b', familyName: 'X', firstName: 'Y', profession: '10' }, 'input.staffId'],
    [{ staffId: 'ok', familyName: 'X', firstName: 'Y', profession: '99' }, 'input.profession'],
    [{ staffId: 'ok', familyName: ' ', firstName: 'Y', profession: '10' }, 'input.familyName'],
    [{ staffId: 'ok', familyName: 'X', firstName: 'Y', profession: '10', rpps: '49999999999' }, 'input.rpps'],
  ])('registering %j: BAD_USER_INPUT naming %s', async (input, field) => {
    const answer = await register(input);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe(field);
  });

  it('only an establishment registers staff', async () => {
    const answer = await (
      await graph.as(`ps:${TEAM_DOCTOR}`)
    )(
      `mutation { registerStaff(input: { staffId: "x", familyName: "X", firstName: "Y", profession: "10" }) { actorId } }`,
    );
    expect(errorCode(answer)).toBe('FORBIDDEN');
  });

  it('removed from the list: refused from the next request', async () => {
    const removed = await (await channel())(`mutation { removeStaff(staffId: "interne-7") }`);
    expect(removed.errors).toBeUndefined();
    expect(await readsWith(intern)).toBe('FORBIDDEN');
  });
});
