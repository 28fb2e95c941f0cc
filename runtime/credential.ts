import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify, type KeyLike } from 'jose';
import type { Actor } from '../domain/actor';
import type { SourceName } from '../domain/sources';

/** Header carrying the signed call credential to a subgraph. Whatever a client puts there is overwritten. */
export const ACTOR_HEADER = 'x-dmp-actor';

/**
 * A credential is good for one HTTP call: the subgraph it names, the exact body it was signed over, once, within
 * a few seconds. Transport time, not the graph's clock: it is judged on the wall clock of the process, and the
 * services' clocks must agree to within CLOCK_TOLERANCE_SECONDS (NTP).
 */
export const CREDENTIAL_SECONDS = 5;
const CLOCK_TOLERANCE_SECONDS = 1;

/** Who signed a call: the gateway for a client's request, or a subgraph calling a peer within one. */
export type Caller = 'gateway' | SourceName;
const issuerOf = (caller: Caller) => (caller === 'gateway' ? 'dmp-gateway' : `dmp-subgraph:${caller}`);

export interface CallClaims {
  actor: Actor;
  /** The gateway's own id of the client request this call serves (never the client's x-request-id). */
  requestId: string;
  /** The subgraph the call is for. */
  audience: SourceName;
  /** The exact bytes of the HTTP body. */
  body: string | Buffer;
}

export interface VerifiedCall {
  actor: Actor;
  requestId: string;
  caller: Caller;
}

/**
 * Call credentials are HMAC-SHA256 JWS: a secret per caller and subgraph (runtime/keys.ts `loadOrCreateCallSecret`)
 * costs microseconds per call where an Ed25519 signature and its verification cost tens (issue 22: 9% of the
 * graph's CPU under the médecin traitant's view, README "Measured").
 */
const CALL_ALG = 'HS256';

/** The body digest a credential carries: base64url SHA-256 of the exact bytes sent. */
export const bodyDigest = (body: string | Buffer) => createHash('sha256').update(body).digest('base64url');

/** Signs a call with the secret its caller shares with the subgraph it calls (`claims.audience`). */
export function signCallCredential(secret: KeyLike, caller: Caller, claims: CallClaims): Promise<string> {
  return new SignJWT({ actor: claims.actor, rid: claims.requestId, bdy: bodyDigest(claims.body) })
    .setProtectedHeader({ alg: CALL_ALG })
    .setIssuer(issuerOf(caller))
    .setAudience(`dmp-subgraph:${claims.audience}`)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${CREDENTIAL_SECONDS}s`)
    .sign(secret);
}

/** Why a call was refused, for the metrics (never for the caller, who gets one answer for all). */
export type RefusalReason = 'missing' | 'signature' | 'audience' | 'body' | 'replayed';

export interface CredentialCheck {
  /** The caller when the credential is good for this call; otherwise why not. */
  verify(token: string | undefined, body: Buffer): Promise<VerifiedCall | { refused: RefusalReason }>;
}

/**
 * Checks call credentials for one subgraph: signed with the secret it shares with that caller, addressed to it, over
 * this very body, current, and never seen before. Seen credential ids are kept in this process's memory for
 * their lifetime (plus the clock tolerance): a replica behind the same name keeps its own memory, so the
 * deployment routes a call to one replica (docs/security.md).
 */
export function credentialCheck(audience: SourceName, trusted: Partial<Record<Caller, KeyLike>>): CredentialCheck {
  const byIssuer = new Map<string, { caller: Caller; key: KeyLike }>();
  for (const [caller, key] of Object.entries(trusted) as [Caller, KeyLike][])
    byIssuer.set(issuerOf(caller), { caller, key });
  // Insertion order is expiry order (every entry lives as long), so expired ids are swept from the front.
  const seen = new Map<string, number>();
  const keepMs = (CREDENTIAL_SECONDS + 2 * CLOCK_TOLERANCE_SECONDS) * 1000;
  return {
    async verify(token, body) {
      if (typeof token !== 'string' || token === '') return { refused: 'missing' };
      let issuer: unknown;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        return { refused: 'signature' };
      }
      const signer = typeof issuer === 'string' ? byIssuer.get(issuer) : undefined;
      if (!signer) return { refused: 'signature' };
      let payload;
      try {
        ({ payload } = await jwtVerify(token, signer.key, {
          issuer: issuerOf(signer.caller),
          algorithms: [CALL_ALG],
          requiredClaims: ['iat', 'exp', 'jti', 'aud'],
          maxTokenAge: CREDENTIAL_SECONDS + CLOCK_TOLERANCE_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch {
        return { refused: 'signature' };
      }
      if (payload.aud !== `dmp-subgraph:${audience}`) return { refused: 'audience' };
      if (payload.bdy !== bodyDigest(body)) return { refused: 'body' };
      const now = Date.now();
      for (const [id, until] of seen) {
        if (until > now) break;
        seen.delete(id);
      }
      const id = payload.jti!;
      if (seen.has(id)) return { refused: 'replayed' };
      seen.set(id, now + keepMs);
      if (typeof payload.rid !== 'string' || typeof payload.actor !== 'object' || payload.actor === null)
        return { refused: 'signature' };
      return { actor: payload.actor as Actor, requestId: payload.rid, caller: signer.caller };
    },
  };
}
