import { SignJWT, generateKeyPair } from 'jose';
import type { Actor } from '../domain/actor';
import { authenticate, type AuthOptions } from './authenticate';
import { VerifiedTokens } from './verified-tokens';

const PATIENT: Actor = { kind: 'patient', id: 'patient:284077511612365', ins: '284077511612365' as never };
const [ISSUER, AUDIENCE] = ['https://issuer.test', 'dmp-graph'];

async function signer() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const sign = (exp: number) =>
    new SignJWT({ actor: { kind: 'patient', id: PATIENT.id, ins: '284077511612365' } })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(PATIENT.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(privateKey);
  return { publicKey, sign };
}

describe('verified tokens, remembered by digest until their end', () => {
  const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

  it('answers a token it verified, and nothing for one it never saw', () => {
    const verified = new VerifiedTokens();
    verified.remember('a.b.c', PATIENT, inAMinute());
    expect(verified.actorOf('a.b.c')).toEqual(PATIENT);
    expect(verified.actorOf('a.b.d')).toBeUndefined();
  });

  it.each([
    ['a millisecond before its end', -1, PATIENT],
    ['at its end', 0, undefined],
    ['after its end', 1, undefined],
  ])('judges the end on the machine time: %s', (_, offsetMs, expected) => {
    const exp = 2_000_000_000;
    const verified = new VerifiedTokens(10, () => exp * 1000 + offsetMs);
    verified.remember('a.b.c', PATIENT, exp);
    expect(verified.actorOf('a.b.c')).toEqual(expected);
  });

  it('forgets the oldest token beyond its capacity', () => {
    const verified = new VerifiedTokens(2);
    for (const token of ['t.1.x', 't.2.x', 't.3.x']) verified.remember(token, PATIENT, inAMinute());
    expect([verified.actorOf('t.1.x'), verified.actorOf('t.3.x'), verified.size]).toEqual([undefined, PATIENT, 2]);
  });
});

describe('authenticate with verified tokens', () => {
  const options = (key: AuthOptions['key'], verified?: VerifiedTokens): AuthOptions => ({
    issuer: ISSUER,
    audience: AUDIENCE,
    key,
    maxTokenSeconds: 3600,
    verified,
  });

  it('checks the signature of a token once, then knows it by its digest', async () => {
    const { publicKey, sign } = await signer();
    const other = await signer();
    const verified = new VerifiedTokens();
    const token = await sign(Math.floor(Date.now() / 1000) + 300);
    expect(await authenticate(`Bearer ${token}`, options(publicKey, verified))).toEqual(PATIENT);
    // The same token under a key that cannot verify it: only the memory can answer.
    expect(await authenticate(`Bearer ${token}`, options(other.publicKey, verified))).toEqual(PATIENT);
    await expect(authenticate(`Bearer ${token}`, options(other.publicKey))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('never remembers a refused token', async () => {
    const { sign } = await signer();
    const other = await signer();
    const verified = new VerifiedTokens();
    const token = await sign(Math.floor(Date.now() / 1000) + 300);
    await expect(authenticate(`Bearer ${token}`, options(other.publicKey, verified))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(verified.size).toBe(0);
  });
});
