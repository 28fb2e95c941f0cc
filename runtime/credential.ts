import type { KeyLike } from 'jose';
import { signShortLived, verifyShortLived } from './short-lived-token';
import type { Actor } from '../domain/actor';

/** Header carrying the gateway-signed actor to the subgraphs. Whatever a client puts there is overwritten. */
export const ACTOR_HEADER = 'x-dmp-actor';
/** Long enough for one request's fetches, short enough that a captured header is soon worthless. */
const SCOPE = { issuer: 'dmp-gateway', audience: 'dmp-subgraphs', seconds: 30 };

export interface ForwardedActor {
  actor: Actor;
  requestId: string;
}

export function signActorCredential(key: KeyLike, forwarded: ForwardedActor): Promise<string> {
  return signShortLived(key, { actor: forwarded.actor, rid: forwarded.requestId }, SCOPE);
}

/** Returns the actor when the credential is the gateway's and current; null otherwise, whatever the reason. */
export async function verifyActorCredential(key: KeyLike, token: string | undefined): Promise<ForwardedActor | null> {
  const payload = await verifyShortLived(key, token, SCOPE);
  if (!payload || typeof payload.rid !== 'string' || typeof payload.actor !== 'object' || payload.actor === null)
    return null;
  return { actor: payload.actor as Actor, requestId: payload.rid };
}
