import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { KEY_ALG } from './keys';
import type { Actor } from './actor';

/** Header carrying the gateway-signed actor to the subgraphs. Whatever a client puts there is overwritten. */
export const ACTOR_HEADER = 'x-dmp-actor';
const ISSUER = 'dmp-gateway';
const AUDIENCE = 'dmp-subgraphs';
/** Long enough for one request's fetches, short enough that a captured header is soon worthless. */
const LIFETIME_SECONDS = 30;

export interface ForwardedActor { actor: Actor; requestId: string }

export async function signActorCredential(key: KeyLike, forwarded: ForwardedActor): Promise<string> {
  return new SignJWT({ actor: forwarded.actor, rid: forwarded.requestId })
    .setProtectedHeader({ alg: KEY_ALG })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

/** Returns the actor when the credential is the gateway's and current; null otherwise, whatever the reason. */
export async function verifyActorCredential(key: KeyLike, token: string | undefined): Promise<ForwardedActor | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [KEY_ALG] });
    if (typeof payload.rid !== 'string' || typeof payload.actor !== 'object' || payload.actor === null) return null;
    return { actor: payload.actor as Actor, requestId: payload.rid };
  } catch {
    return null;
  }
}
