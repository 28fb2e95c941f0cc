import { SignJWT, type KeyLike } from 'jose';
import { KEY_ALG } from '../runtime/keys';
import type { Actor } from '../domain/actor';

/** The embedded default's identity provider: signs tokens for actors of the loaded data. Never used in production. */
export function mintToken(
  issuerKey: KeyLike,
  actor: Actor,
  auth: { issuer: string; audience: string },
  lifetime = '1h',
): Promise<string> {
  return new SignJWT({ actor })
    .setProtectedHeader({ alg: KEY_ALG, kid: 'local-issuer' })
    .setSubject(actor.id)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(issuerKey);
}
