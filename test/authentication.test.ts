import { sign, type KeyObject } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { loadOrCreateKeyPair } from '../runtime/keys';
import { ISSUER_KEY } from '../runtime/keys';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';
import { startTestGraph, type TestGraph } from './support/test-graph';

describe('the gateway accepts only valid bearer tokens (HTTP 401 otherwise)', () => {
  let graph: TestGraph;
  let issuer: Awaited<ReturnType<typeof loadOrCreateKeyPair>>;
  const doctor = {
    kind: 'professional',
    id: `ps:${DEMO.doctor}`,
    rpps: DEMO.doctor,
    profession: '10',
    specialty: 'SM54',
    finess: null,
  };
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    issuer = await loadOrCreateKeyPair(graph.config.keysDir, ISSUER_KEY);
  });
  afterAll(() => graph?.stop());

  const token = (
    claims: Record<string, unknown>,
    options: { key?: import('jose').KeyLike; audience?: string; issuer?: string; expires?: number | string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(String((claims.actor as { id?: string })?.id ?? 'x'))
      .setIssuer(options.issuer ?? graph.config.auth.issuer)
      .setAudience(options.audience ?? graph.config.auth.audience)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? issuer.privateKey);

  const now = () => Math.floor(Date.now() / 1000);
  const handSigned = (header: object, payload: object) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${part(header)}.${part(payload)}`;
    return `${signingInput}.${sign(null, Buffer.from(signingInput), issuer.privateKey as KeyObject).toString('base64url')}`;
  };

  const ask = (authorization?: string) =>
    fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: `{ patient(ins: "${DEMO_PATIENT_INS}") { ins } }` }),
    });

  it.each<[string, () => Promise<string | undefined>, string]>([
    ['no Authorization header', async () => undefined, 'A bearer token is required'],
    ['a header that is not a bearer token', async () => 'Basic dXNlcjpwYXNz', 'A bearer token is required'],
    [
      'an expired token',
      async () => `Bearer ${await token({ actor: doctor }, { expires: Math.floor(Date.now() / 1000) - 60 })}`,
      'has expired',
    ],
    [
      'a token signed by another key',
      async () => `Bearer ${await token({ actor: doctor }, { key: (await generateKeyPair('EdDSA')).privateKey })}`,
      'not valid for this service',
    ],
    [
      'a token for another audience',
      async () => `Bearer ${await token({ actor: doctor }, { audience: 'another-service' })}`,
      'not valid for this service',
    ],
    [
      'a token from another issuer',
      async () => `Bearer ${await token({ actor: doctor }, { issuer: 'urn:someone-else' })}`,
      'not valid for this service',
    ],
    [
      'a signed token whose actor is malformed',
      async () => `Bearer ${await token({ actor: { ...doctor, profession: '999' } })}`,
      'does not name a known kind of actor',
    ],
    [
      'a signed token whose subject is not its actor',
      async () =>
        `Bearer ${await new SignJWT({ actor: doctor })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setSubject('ps:someone-else')
          .setIssuedAt()
          .setIssuer(graph.config.auth.issuer)
          .setAudience(graph.config.auth.audience)
          .setExpirationTime('5m')
          .sign(issuer.privateKey)}`,
      'does not name a known kind of actor',
    ],
    [
      'a signed token that never expires',
      async () =>
        `Bearer ${await new SignJWT({ actor: doctor }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(doctor.id).setIssuer(graph.config.auth.issuer).setAudience(graph.config.auth.audience).setIssuedAt().sign(issuer.privateKey)}`,
      'not valid for this service',
    ],
    [
      'a signed token with no issue time',
      async () =>
        `Bearer ${await new SignJWT({ actor: doctor }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(doctor.id).setIssuer(graph.config.auth.issuer).setAudience(graph.config.auth.audience).setExpirationTime('5m').sign(issuer.privateKey)}`,
      'not valid for this service',
    ],
    [
      'a token that lives longer than an hour',
      async () => `Bearer ${await token({ actor: doctor }, { expires: '2h' })}`,
      'lives longer than this service accepts',
    ],
    [
      'a token issued in the future',
      async () =>
        `Bearer ${await new SignJWT({ actor: doctor })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setSubject(doctor.id)
          .setIssuer(graph.config.auth.issuer)
          .setAudience(graph.config.auth.audience)
          .setIssuedAt(Math.floor(Date.now() / 1000) + 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) + 3900)
          .sign(issuer.privateKey)}`,
      'lives longer than this service accepts',
    ],
    [
      'a token with a critical header the gateway does not understand',
      // jose will not sign such a header: the token is built by hand, signed with the issuer's key.
      async () =>
        `Bearer ${handSigned({ alg: 'EdDSA', crit: ['x-bind'], 'x-bind': 'anything' }, { actor: doctor, sub: doctor.id, iss: graph.config.auth.issuer, aud: graph.config.auth.audience, iat: now(), exp: now() + 300 })}`,
      'not valid for this service',
    ],
  ])('refuses %s', async (_case, header, message) => {
    const response = await ask(await header());
    expect(response.status).toBe(401);
    // The refusal carries the gateway's id of the request it was logged under, as every answer does.
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string } }[];
      data?: unknown;
    };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringContaining(message),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(body.data).toBeUndefined();
  });

  it('accepts a hand-signed token built the same way, without the critical header (the refusal above is the header)', async () => {
    const handMade = handSigned(
      { alg: 'EdDSA' },
      {
        actor: doctor,
        sub: doctor.id,
        iss: graph.config.auth.issuer,
        aud: graph.config.auth.audience,
        iat: now(),
        exp: now() + 300,
      },
    );
    expect((await ask(`Bearer ${handMade}`)).status).toBe(200);
  });

  it('accepts a token from the configured issuer', async () => {
    const response = await ask(`Bearer ${await token({ actor: doctor })}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { patient: { ins: string } } }).data.patient.ins).toBe(DEMO_PATIENT_INS);
  });
});
