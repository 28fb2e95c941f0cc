import { loadOrCreateKeyPair, ISSUER_KEY } from '../runtime/keys';
import { mintToken } from '../gateway/local-issuer';
import type { Actor } from '../domain/actor';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * A token the identity provider signed proves who someone says they are; the registry's directory says
 * whether the DMP knows them. An actor it does not hold (docs/law.md §3) gets what any refused actor gets,
 * and nothing is written for it.
 */
const ADULT = '284077511612365';
const READ = `query ($ins: String!) { patient(ins: $ins) { ins hospitalReports { totalCount } } }`;
const BREAK_GLASS = `mutation ($ins: String!) { declareEmergency(ins: $ins, justification: "Patient inconscient aux urgences") { expiresAt } }`;
const SEARCH = `query { searchPatients(traits: { birthDate: "1984-05-02", name: "DUPONT" }) { __typename } }`;

const doctor = (rpps: string): Extract<Actor, { kind: 'professional' }> => ({
  kind: 'professional',
  id: `ps:${rpps}`,
  rpps,
  profession: '10' as never,
  specialty: 'SM54' as never,
  finess: null,
});
const UNKNOWN: Record<string, Actor> = {
  'a regulator of a centre 15 with no account (samu:99)': { kind: 'regulator', id: 'samu:99', samuCentre: '99' },
  'a professional with an RPPS not in the directory': doctor('39999999999'),
  'an account id under another kind (an analyst claiming to regulate)': {
    kind: 'regulator',
    id: 'analyst:cnam',
    samuCentre: '13',
  },
};

describe('actors the registry does not know are refused like any refused actor', () => {
  let graph: TestGraph;
  let issuerKey: Awaited<ReturnType<typeof loadOrCreateKeyPair>>;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    issuerKey = await loadOrCreateKeyPair(graph.config.keysDir, ISSUER_KEY);
  });
  afterAll(() => graph?.stop());

  const ask = async (token: string, query: string, variables: object = {}) => {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: unknown; errors?: { message: string; extensions: object }[] };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors?.map((e) => ({ message: e.message, extensions: e.extensions })),
    };
  };
  const tokenFor = (actor: Actor) => mintToken(issuerKey.privateKey, actor, graph.config.auth);
  /** What the trail holds of the requests made under an id the directory does not hold. */
  const unrecognisedTraces = (actorId: string) =>
    graph.auditStore.query<{ outcome: string }>(
      `SELECT outcome FROM access_trace WHERE actor_id = $1 AND actor_kind = 'unrecognised' ORDER BY seq`,
      [actorId],
    );

  describe.each(Object.entries(UNKNOWN))('%s', (_label, actor) => {
    it('reads no record: the answer of an actor with no right to any record (an analyst), traced', async () => {
      const refused = await ask(await graph.token('analyst:cnam'), READ, { ins: ADULT });
      const answer = await ask(await tokenFor(actor), READ, { ins: ADULT });
      expect(answer).toEqual(refused);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const outcomes = (await unrecognisedTraces(actor.id)).map((t) => t.outcome);
      expect(outcomes.length).toBeGreaterThan(0);
      expect(new Set(outcomes)).toEqual(new Set(['denied']));
    });

    it('finds no one by traits: the answer of an actor who may not search', async () => {
      const refused = await ask(await graph.token('ps:30000000003'), SEARCH);
      const answer = await ask(await tokenFor(actor), SEARCH);
      expect(answer).toEqual(refused);
    });
  });

  it("an unknown professional's bris de glace is refused like a blocked one's, and opens no grant", async () => {
    const unknown = doctor('39999999998');
    const blocked = await ask(await graph.token('ps:30000000005'), BREAK_GLASS, { ins: ADULT });
    const answer = await ask(await tokenFor(unknown), BREAK_GLASS, { ins: ADULT });
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0].extensions).not.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(answer.errors?.[0].extensions).toEqual(blocked.errors?.[0].extensions);
    expect(answer.data).toEqual(blocked.data);
    const grants = await graph.stores.patient.query('SELECT 1 FROM emergency_grant WHERE rpps = $1', [unknown.rpps]);
    expect(grants).toEqual([]);
  });

  it('a known regulator of that centre still reads in centre 15 mode', async () => {
    const answer = await ask(await graph.token('samu:13'), READ, { ins: ADULT });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ patient: { ins: ADULT } });
  });
});
