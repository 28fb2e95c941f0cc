import { SignJWT, generateKeyPair, type KeyLike } from 'jose';
import { createSecretKey, randomBytes } from 'node:crypto';
import { loadOrCreateCallSecret, loadOrCreateKeyPair } from '../runtime/keys';
import { ACTOR_HEADER, bodyDigest, signCallCredential, type Caller } from '../runtime/credential';
import { signShortLived } from '../runtime/short-lived-token';
import { REGISTRY_KEY } from '../runtime/keys';
import type { SubgraphName } from '../subgraphs/kit/context';
import { SOURCE_NAMES as SUBGRAPH_NAMES, documentsOf } from '../domain/sources';
import type { Actor } from '../domain/actor';
import { signGrant, signPurgeOrder } from '../subgraphs/kit/registry-tokens';
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

describe('a subgraph answers only a credential made for that one call, and sources only a current grant from the registry', () => {
  let graph: TestGraph;
  let registryKey: Awaited<ReturnType<typeof loadOrCreateKeyPair>>;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    registryKey = await loadOrCreateKeyPair(graph.config.keysDir, REGISTRY_KEY);
  });
  afterAll(() => graph?.stop());

  const send = (name: SubgraphName, body: string, headers: Record<string, string> = {}) =>
    fetch(graph.subgraphUrls[name], {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const bodyOf = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
  /** A body signed by the gateway for `name`, as the gateway signs it. */
  const signedFor = async (name: SubgraphName, body: string, actor: Actor = doctor, caller: Caller = 'gateway') => ({
    [ACTOR_HEADER]: await signCallCredential(keyOf(caller, name), caller, {
      actor,
      requestId: 'test-request-1',
      audience: name,
      body,
    }),
  });
  /** The secret a caller shares with one subgraph, as that subgraph holds it. */
  const keyOf = (caller: Caller, audience: SubgraphName) =>
    loadOrCreateCallSecret(graph.config.keysDir, caller, audience);
  const post = async (name: SubgraphName, query: string, headers: Record<string, string> = {}, variables?: unknown) =>
    send(name, bodyOf(query, variables), headers);
  const entities = (selection: string) =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { ${selection} } } }`;
  const refusals = async (name: SubgraphName, reason: string) => {
    const text = await (await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`dmp_call_credential_refusals_total{service="${name}",reason="${reason}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  const SDL = '{ _service { sdl } }';
  /** A `_service` call for `audience`, signed as `caller` with whatever key a case gives. */
  const sdlSignedWith = async (key: KeyLike, caller: Caller, audience: SubgraphName, requestId: string) => ({
    [ACTOR_HEADER]: await signCallCredential(key, caller, { actor: doctor, requestId, audience, body: bodyOf(SDL) }),
  });
  /** A `_service` credential built claim by claim, to give it what signCallCredential never would. */
  const sdlBuilt = async (
    audience: SubgraphName,
    jti: string,
    signed: { alg: string; key: KeyLike },
    life: { issuedAt?: number; expiresAt: number | string },
  ) => ({
    [ACTOR_HEADER]: await new SignJWT({ actor: doctor, rid: jti, bdy: bodyDigest(bodyOf(SDL)) })
      .setProtectedHeader({ alg: signed.alg })
      .setIssuer('dmp-gateway')
      .setAudience(`dmp-subgraph:${audience}`)
      .setJti(jti)
      .setIssuedAt(life.issuedAt)
      .setExpirationTime(life.expiresAt)
      .sign(signed.key),
  });

  describe.each(SUBGRAPH_NAMES)('%s', (name) => {
    const other = SUBGRAPH_NAMES.find((n) => n !== name)!;
    it.each<[string, string, () => Promise<Record<string, string>>]>([
      ['no credential', 'missing', async () => ({})],
      [
        'a credential signed with another secret',
        'signature',
        async () => sdlSignedWith(createSecretKey(randomBytes(32)), 'gateway', name, 'forged-0001'),
      ],
      [
        // Each pair has its own secret: the gateway's secret with another subgraph opens nothing here, so a
        // subgraph that holds it (its own calls) cannot forge the gateway's calls to this one.
        "a credential for this subgraph signed with the gateway's secret for another",
        'signature',
        async () => sdlSignedWith(keyOf('gateway', other), 'gateway', name, 'forged-0002'),
      ],
      [
        "a peer's credential signed with the secret of its calls to another subgraph",
        'signature',
        async () => {
          const third = SUBGRAPH_NAMES.find((n) => n !== name && n !== other)!;
          return sdlSignedWith(keyOf(other, third), other, name, 'forged-0003');
        },
      ],
      [
        'a credential signed with Ed25519, as calls were before',
        'signature',
        async () =>
          sdlBuilt(
            name,
            'eddsa-0001',
            { alg: 'EdDSA', key: (await generateKeyPair('EdDSA')).privateKey },
            { expiresAt: '5s' },
          ),
      ],
      ['a credential that is not a JWS', 'signature', async () => ({ [ACTOR_HEADER]: 'not-a-token' })],
      [
        "the gateway's former bearer credential (30 s, every subgraph, any body)",
        'signature',
        async () => ({
          [ACTOR_HEADER]: await signShortLived(
            (await generateKeyPair('EdDSA')).privateKey,
            { actor: doctor, rid: 'old-0001' },
            { issuer: 'dmp-gateway', audience: 'dmp-subgraphs', seconds: 30 },
          ),
        }),
      ],
      // Made for another subgraph, it is signed with that subgraph's secret: it fails the signature here.
      ['a credential made for another subgraph', 'signature', async () => signedFor(other, bodyOf(SDL))],
      [
        'a credential signed with this subgraph’s secret that names another',
        'audience',
        async () => sdlSignedWith(keyOf('gateway', name), 'gateway', other, 'misaddressed-0001'),
      ],
      ['a credential made for another body', 'body', async () => signedFor(name, bodyOf('{ __typename }'))],
      [
        'an expired credential',
        'signature',
        async () =>
          sdlBuilt(
            name,
            'expired-0001',
            { alg: 'HS256', key: keyOf('gateway', name) },
            { issuedAt: Math.floor(Date.now() / 1000) - 20, expiresAt: Math.floor(Date.now() / 1000) - 10 },
          ),
      ],
    ])('refuses _service with %s (HTTP 401, counted)', async (_label, reason, headers) => {
      const before = await refusals(name, reason);
      const response = await post(name, SDL, await headers());
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.data).toBeUndefined();
      expect(await refusals(name, reason)).toBe(before + 1);
    });

    it('serves a credential made for it and this body once; the same call replayed is refused', async () => {
      const body = bodyOf(SDL);
      const headers = await signedFor(name, body);
      const first = await send(name, body, headers);
      expect(first.status).toBe(200);
      const before = await refusals(name, 'replayed');
      const again = await send(name, body, headers);
      expect(again.status).toBe(401);
      expect(await refusals(name, 'replayed')).toBe(before + 1);
    });

    it('refuses _entities without a credential', async () => {
      const response = await post(name, entities('ins'), {}, { r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS }] });
      expect(response.status).toBe(401);
    });
  });

  describe.each(SOURCES)("%s with the gateway's credential", (name) => {
    const call = async (actor: Actor, accessGrant: string | undefined) => {
      const body = bodyOf(entities(FIELD[name as keyof typeof FIELD]), {
        r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS, accessGrant }],
      });
      const response = await send(name, body, await signedFor(name, body, actor));
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
        // The widest grant there is, claimed under a key that is not the registry's.
        rule: 'professional.medecin-traitant',
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
    const request = bodyOf(entities('ins accessGrant'), { r: [{ __typename: 'Patient', ins: DEMO_PATIENT_INS }] });
    const response = await send('patient', request, await signedFor('patient', request, blocked));
    const body = (await response.json()) as { data: { _entities: unknown[] } };
    expect(body.data._entities).toEqual([null]);
  });

  describe('a write permit goes only to the source taking the write, in a call it signed', () => {
    const PERMIT =
      'query Permit($ins: String!, $source: DocumentSource!, $typeCode: String!) { writePermit(ins: $ins, source: $source, typeCode: $typeCode) }';
    const ask = async (caller: Caller) => {
      const body = bodyOf(PERMIT, {
        ins: DEMO_PATIENT_INS,
        source: documentsOf('hospital').enumValue,
        typeCode: '11490-0',
      });
      const response = await send('patient', body, await signedFor('patient', body, doctor, caller));
      return (await response.json()) as {
        data: { writePermit: string | null } | null;
        errors?: { extensions: { code: string } }[];
      };
    };
    it.each<[Caller, string | null]>([
      ['gateway', 'FORBIDDEN'],
      ['pharmacy', 'FORBIDDEN'],
      ['hospital', null],
    ])('asked by %s: %s', async (caller, code) => {
      const body = await ask(caller);
      if (code) {
        expect(body.errors?.[0].extensions.code).toBe(code);
        expect(body.data?.writePermit ?? null).toBeNull();
      } else {
        expect(body.errors).toBeUndefined();
        expect(typeof body.data?.writePermit).toBe('string');
      }
    });
  });

  describe("the registry's orders count only in a call the registry signed", () => {
    const PURGE = 'mutation Purge($order: String!) { purgePatient(order: $order) { deleted remaining } }';
    const purge = async (caller: Caller, ins: string) => {
      const order = await signPurgeOrder(registryKey.privateKey, { ins, source: 'hospital' });
      const body = bodyOf(PURGE, { order });
      const response = await send('hospital', body, await signedFor('hospital', body, doctor, caller));
      return (await response.json()) as { data: any; errors?: { extensions: { code: string } }[] };
    };
    const held = async () =>
      (
        await graph.stores.hospital.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM hospital_report WHERE patient_ins = $1',
          [DEMO_PATIENT_INS],
        )
      )[0].n;
    it.each<Caller>(['gateway', 'pharmacy'])(
      "a registry-signed purge order sent under %s's credential erases nothing",
      async (caller) => {
        const before = await held();
        expect(before).toBeGreaterThan(0);
        const body = await purge(caller, DEMO_PATIENT_INS);
        expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect(body.data?.purgePatient ?? null).toBeNull();
        expect(await held()).toBe(before);
      },
    );
    it("the same order in the registry's own call is served", async () => {
      const body = await purge('patient', '299999999999999');
      expect(body.errors).toBeUndefined();
      expect(body.data.purgePatient).toEqual({ deleted: 0, remaining: 0 });
    });
  });

  describe('a credential captured between the gateway and a subgraph opens nothing but the call it was made for', () => {
    let captured: { url: string; credential: string; body: string }[];
    beforeAll(async () => {
      const realFetch = globalThis.fetch;
      captured = [];
      const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        if (typeof input === 'string' && headers[ACTOR_HEADER])
          captured.push({ url: input, credential: headers[ACTOR_HEADER], body: String(init?.body) });
        return realFetch(input, init);
      });
      try {
        const read = await graph.as(`ps:${DEMO.doctor}`);
        const answer = await read(
          `{ patient(ins: "${DEMO_PATIENT_INS}") { hospitalReports { totalCount } dispensations { totalCount } } }`,
        );
        expect(answer.errors).toBeUndefined();
      } finally {
        spy.mockRestore();
      }
      expect(captured.length).toBeGreaterThanOrEqual(3);
    });
    const nameOf = (url: string) =>
      (Object.entries(graph.subgraphUrls) as [SubgraphName, string][]).find(([, u]) => u === url)![0];

    it('replayed as it was sent: refused', async () => {
      for (const call of captured) {
        const response = await send(nameOf(call.url), call.body, { [ACTOR_HEADER]: call.credential });
        expect(response.status).toBe(401);
      }
    });
    it.each([
      ['_service { sdl }', SDL],
      [
        'a mutation on another patient',
        `mutation { blockProfessional(ins: "${DEMO_PATIENT_INS}", rpps: "${DEMO.podiatrist}") { rpps } }`,
      ],
      ['40 aliases', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
    ])('with another body (%s): refused', async (_label, query) => {
      for (const call of captured) {
        const response = await send(nameOf(call.url), bodyOf(query), { [ACTOR_HEADER]: call.credential });
        expect(response.status).toBe(401);
      }
    });
    it('sent to another subgraph: refused', async () => {
      for (const call of captured) {
        const other = SUBGRAPH_NAMES.find((n) => n !== nameOf(call.url))!;
        const response = await send(other, call.body, { [ACTOR_HEADER]: call.credential });
        expect(response.status).toBe(401);
      }
    });
  });

  it('the gateway ignores an actor header sent by a client', async () => {
    const forgedForDoctor = await signCallCredential(keyOf('gateway', 'hospital'), 'gateway', {
      actor: doctor,
      requestId: 'client-forged-1',
      audience: 'hospital',
      body: '{}',
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
