import { SignJWT, jwtVerify, type JWTPayload, type KeyLike } from 'jose';
import { KEY_ALG } from './keys';

/** Who signs, for whom, and for how long: the gateway's actor credential and the registry's grants. */
export interface TokenScope {
  issuer: string;
  audience: string;
  seconds: number;
}

/** Signs claims as an EdDSA JWS that expires after `scope.seconds`. */
export function signShortLived(key: KeyLike, claims: Record<string, unknown>, scope: TokenScope): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: KEY_ALG })
    .setIssuer(scope.issuer)
    .setAudience(scope.audience)
    .setIssuedAt()
    .setExpirationTime(`${scope.seconds}s`)
    .sign(key);
}

/** The claims when the token is this key's, for this scope and current; null otherwise, whatever the reason. */
export async function verifyShortLived(
  key: KeyLike,
  token: unknown,
  scope: Omit<TokenScope, 'seconds'>,
): Promise<JWTPayload | null> {
  if (typeof token !== 'string' || token === '') return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: scope.issuer,
      audience: scope.audience,
      algorithms: [KEY_ALG],
    });
    return payload;
  } catch {
    return null;
  }
}
