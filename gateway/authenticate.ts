import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { KEY_ALG } from '../runtime/keys';
import { ACTOR_KINDS, staffActorId, type Actor } from '../domain/actor';
import { hasFormat } from '../domain/formats';
import { checkIns } from '../domain/ins';
import { PROFESSIONS, SPECIALTIES, type ProfessionCode, type SpecialtyCode } from '../domain/codes';
import { unauthenticated } from '../runtime/errors';
import { VerifiedTokens } from './verified-tokens';

export interface AuthOptions {
  issuer: string;
  audience: string;
  /** The local issuer's public key (embedded default) or a remote JWKS (production identity providers). */
  key: KeyLike | JWTVerifyGetKey;
  /** The longest a token may live, `iat` to `exp`, in seconds. @default 3600 */
  maxTokenSeconds: number;
  /** Tokens already verified, checked again only by their digest and end (gateway/verified-tokens.ts). */
  verified?: VerifiedTokens;
}

/** How far a token's `iat` may stand ahead of this machine's clock (another machine's clock drifts). */
const CLOCK_SKEW_SECONDS = 60;

export function authOptions(
  config: { issuer: string; audience: string; jwksUrl: string | null; maxTokenSeconds: number },
  localKey: KeyLike,
): AuthOptions {
  return {
    issuer: config.issuer,
    audience: config.audience,
    maxTokenSeconds: config.maxTokenSeconds,
    key: config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : localKey,
    verified: new VerifiedTokens(),
  };
}

/**
 * The actor a bearer token proves, or UNAUTHENTICATED (HTTP 401) for a missing, expired, forged or
 * wrong-audience token. The token's `actor` claim is checked field by field: a signed but malformed actor is refused too.
 */
export async function authenticate(authorization: string | undefined, options: AuthOptions): Promise<Actor> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
  const known = options.verified?.actorOf(match[1]);
  if (known) return known;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(match[1], options.key as KeyLike, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [KEY_ALG, 'RS256', 'ES256'],
      // A token with no end would be a key for ever; `crit` names nothing we understand, so jose refuses any.
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? 'The bearer token has expired' : 'The bearer token is not valid for this service');
  }
  const [issuedAt, expires] = [payload.iat as number, payload.exp as number];
  if (expires - issuedAt > options.maxTokenSeconds || issuedAt > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
    throw unauthenticated('The bearer token lives longer than this service accepts');
  }
  const actor = toActor(payload.actor, payload.sub);
  if (!actor) throw unauthenticated('The bearer token does not name a known kind of actor');
  options.verified?.remember(match[1], actor, expires);
  return actor;
}

function toActor(claim: unknown, subject: unknown): Actor | null {
  if (typeof claim !== 'object' || claim === null || typeof subject !== 'string') return null;
  const c = claim as Record<string, unknown>;
  if (c.id !== subject || !ACTOR_KINDS.includes(c.kind as Actor['kind'])) return null;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  switch (c.kind as Actor['kind']) {
    case 'patient': {
      const ins = checkIns(str(c.ins) ?? '');
      return ins.ok ? { kind: 'patient', id: subject, ins: ins.ins } : null;
    }
    case 'professional': {
      const rpps = str(c.rpps);
      const profession = str(c.profession);
      const specialty = str(c.specialty);
      if (!rpps || !profession || !PROFESSIONS.has(profession as ProfessionCode)) return null;
      if (specialty && !SPECIALTIES.has(specialty as SpecialtyCode)) return null;
      const professional = {
        kind: 'professional' as const,
        id: subject,
        rpps,
        profession: profession as ProfessionCode,
        specialty: specialty as SpecialtyCode | null,
        finess: str(c.finess),
      };
      if (c.vouchedBy === undefined) return professional;
      // Staff without a card, for whom an establishment vouches: the id, the establishment and the FINESS agree.
      const v = c.vouchedBy as Record<string, unknown> | null;
      const [establishment, finess, staffId] = [str(v?.establishment), str(v?.finess), str(v?.staffId)];
      if (!establishment || !finess || !staffId || !hasFormat('finess', finess) || !hasFormat('staffId', staffId))
        return null;
      if (subject !== staffActorId(finess, staffId) || professional.finess !== finess) return null;
      return { ...professional, vouchedBy: { establishment, finess, staffId } };
    }
    case 'regulator':
      return str(c.samuCentre) ? { kind: 'regulator', id: subject, samuCentre: str(c.samuCentre)! } : null;
    case 'establishment':
      return str(c.finess) ? { kind: 'establishment', id: subject, finess: str(c.finess)! } : null;
    case 'assurance_maladie_feed':
      return { kind: 'assurance_maladie_feed', id: subject };
    case 'forbidden_organisation':
      return str(c.organisation)
        ? { kind: 'forbidden_organisation', id: subject, organisation: str(c.organisation) as never }
        : null;
    case 'representative':
    case 'heir':
    case 'analyst':
    case 'operator':
    case 'host_physician':
      return { kind: c.kind as 'representative' | 'heir' | 'analyst' | 'operator' | 'host_physician', id: subject };
    default:
      return null;
  }
}
