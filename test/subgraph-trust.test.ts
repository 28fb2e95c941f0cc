import { generateKeyPair } from 'jose';
import { loadOrCreateKeyPair } from '../runtime/keys';
import { ACTOR_HEADER, signActorCredential } from '../runtime/credential';
import { GATEWAY_KEY, REGISTRY_KEY } from '../runtime/keys';
import type { SubgraphName } from '../subgraphs/kit/context';
import { SOURCE_NAMES as SUBGRAPH_NAMES } from '../domain/sources';
import type { Actor } from '../domain/actor';
import { signGrant } from '../subgraphs/kit/registry-tokens';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';
import type { Ins } from '../domain/ins';
import { startTestGraph, type TestGraph } from './support/test-graph';

const SOURCES = SUBGRAPH_NAMES.filter((n) => n !== 'patient');
const FIELD: Record<Exclude<SubgraphName, 'patient'>, string> = {
  hospital: 'hospitalReports { totalCount }',
  oncology: 'oncologyRecords { totalCount }',
  pharmacy: 'dispensations { totalCount }',
  reimbursement: 'careLines { totalCount }',
  'personal-space': 'personalSpace { organDonation }',
};
const podiatrist: Actor = {
  kind: 'professional',
  id: `ps:${DEMO.podiatrist}`,
  rpps: DEMO.podiatrist,
  profession: '80' as never,
  specialty: null,
  finess: null,
};
const doctor: Actor = {
  kind: 'professional',
  id: `ps:${DEMO.doctor}`,
  rpps: DEMO.doctor,
  profession: '10' as never,
  specialty: 'SM54' as never,
  finess: null,
};

describe('a subgraph answers only the gateway, and sources only a current grant from the registry', () => {
  let graph: TestGraph;
  let gatewayKey: Awaited<ReturnType<typeof loadOrCreateKeyPair>>;
  let registryKey: Awaited<ReturnType<typeof loadOrCreateKeyPair>>;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    gatewayKey = await loadOrCreateKeyPair(graph.config.keysDir, GATEWAY_KEY);
    registryKey = await loadOrCreateKeyPair(graph.config.keysDir, REGISTRY_KEY);
  });
  afterAll(() => graph?.stop());

  const post = (name: SubgraphName, query: string, headers: Record<string, string> = {}, variables?: unknown) =>
    fetch(graph.subgraphUrls[name], {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  const entities = (selection: string) =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { ${selection} } } }`;

  describe.each(SUBGRAPH_NAMES)('%s', (name) => {
    it.each([
      ['no credential', async () => ({})],
      [
        'a credential signed by another key',
        async () => ({
          [ACTOR_HEADER]: await signActorCredential((await generateKeyPair('EdDSA')).privateKey, {
            actor: doctor,
            requestId: 'forged-0001',
          }),
        }),
      ],
      ['a credential that is not a JWS', async () => ({ [ACTOR_HEADER]: 'not-a-token' })],
    ])('refuses _service with %s (HTTP 401)', async (_label, headers) => {
      const response = await post(name, '{ _service { sdl } }', await headers());
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
    });

    it('refuses _entities without a credential', async () => {
      const response = await post(name, entities('ins'), {}, { r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS }] });
      expect(response.status).toBe(401);
    });
  });

  describe.each(SOURCES)("%s with the gateway's credential", (name) => {
    const call = async (actor: Actor, accessGrant: string | undefined) => {
      const headers = {
        [ACTOR_HEADER]: await signActorCredential(gatewayKey.privateKey, { actor, requestId: 'test-request-1' }),
      };
      const response = await post(name, entities(FIELD[name as keyof typeof FIELD]), headers, {
        r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS, accessGrant }],
      });
      return (await response.json()) as {
        data: { _entities: Record<string, unknown>[] };
        errors?: { extensions: { code: string } }[];
      };
    };
    const field = FIELD[name as keyof typeof FIELD].split(' ')[0];

    it('returns nothing for a patient without a grant', async () => {
      const body = await call(doctor, undefined);
      expect(body.data._entities[0][field]).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('returns nothing for a grant not signed by the registry', async () => {
      const forged = await signGrant((await generateKeyPair('EdDSA')).privateKey, {
        ins: DEMO_PATIENT_INS as Ins,
        actorId: doctor.id,
        mode: 'normal',
        matrixProfession: null,
        hiddenLabels: [],
        maskedVisible: true,
        authorId: null,
        rule: 'forged',
      });
      const body = await call(doctor, forged);
      expect(body.data._entities[0][field]).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it("returns nothing for another actor's grant replayed", async () => {
      const doctorsGrant = await signGrant(registryKey.privateKey, {
        ins: DEMO_PATIENT_INS as Ins,
        actorId: doctor.id,
        mode: 'normal',
        matrixProfession: null,
        hiddenLabels: [],
        maskedVisible: true,
        authorId: DEMO.doctor,
        rule: 'professional.medecin-traitant',
      });
      const body = await call(podiatrist, doctorsGrant);
      expect(body.data._entities[0][field]).toBeNull();
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it("serves the registry's grant for the actor it names", async () => {
      const grant = await signGrant(registryKey.privateKey, {
        ins: DEMO_PATIENT_INS as Ins,
        actorId: doctor.id,
        mode: 'normal',
        matrixProfession: null,
        hiddenLabels: [],
        maskedVisible: true,
        authorId: DEMO.doctor,
        rule: 'professional.medecin-traitant',
      });
      const body = await call(doctor, grant);
      expect(body.errors).toBeUndefined();
      expect(body.data._entities[0][field]).not.toBeNull();
    });
  });

  it('the registry resolves no entity the actor may not see, and hands out no grant for it', async () => {
    const blocked: Actor = { ...doctor, id: `ps:${DEMO.blocked}`, rpps: DEMO.blocked };
    const headers = {
      [ACTOR_HEADER]: await signActorCredential(gatewayKey.privateKey, { actor: blocked, requestId: 'test-request-2' }),
    };
    const response = await post('patient', entities('ins accessGrant'), headers, {
      r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS }],
    });
    const body = (await response.json()) as { data: { _entities: unknown[] } };
    expect(body.data._entities).toEqual([null]);
  });

  it('the gateway ignores an actor header sent by a client', async () => {
    const forgedForDoctor = await signActorCredential(gatewayKey.privateKey, {
      actor: doctor,
      requestId: 'client-forged-1',
    });
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await graph.token(`ps:${DEMO.blocked}`)}`,
        [ACTOR_HEADER]: forgedForDoctor,
      },
      body: JSON.stringify({ query: `{ patient(ins: "${DEMO_PATIENT_INS}") { hospitalReports { totalCount } } }` }),
    });
    const body = (await response.json()) as { data: { patient: unknown }; errors: { extensions: { code: string } }[] };
    expect(body.data.patient).toBeNull();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
