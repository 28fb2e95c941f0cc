import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type KeyLike } from 'jose';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_ALG = 'EdDSA';

export interface KeyPair {
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: Record<string, unknown>;
}

/**
 * Loads an Ed25519 key pair from PEM files in `dir` (`<name>.key`, `<name>.pub`), creating them on first use.
 * Production mounts real keys there; the embedded default makes its own.
 */
export async function loadOrCreateKeyPair(dir: string, name: string): Promise<KeyPair> {
  const privPath = join(dir, `${name}.key`);
  const pubPath = join(dir, `${name}.pub`);
  if (!existsSync(privPath)) {
    const pair = await generateKeyPair(KEY_ALG, { crv: 'Ed25519', extractable: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(privPath, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    writeFileSync(pubPath, await exportSPKI(pair.publicKey));
  }
  const privateKey = await importPKCS8(readFileSync(privPath, 'utf8'), KEY_ALG, { extractable: true });
  const publicKey = await loadPublicKey(dir, name);
  return { privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), alg: KEY_ALG, kid: name } };
}

export async function loadPublicKey(dir: string, name: string): Promise<KeyLike> {
  return importSPKI(readFileSync(join(dir, `${name}.pub`), 'utf8'), KEY_ALG);
}

/** The key pairs the graph signs with: the registry's grants, the embedded issuer's tokens. */
export const REGISTRY_KEY = 'patient-registry';
export const ISSUER_KEY = 'local-issuer';

const CALL_SECRET_BYTES = 32;

/**
 * The secret one caller (the gateway, or a subgraph calling a peer) shares with one subgraph, for the HMAC of its
 * call credentials (runtime/credential.ts): `<dir>/<caller>-to-<audience>.secret`, 32 random bytes in base64url,
 * created on first use. A pair has its own secret, so a subgraph holds only the secrets of the calls made to it
 * and of those it makes: it can forge nothing for another subgraph. Production mounts them there.
 */
export function loadOrCreateCallSecret(dir: string, caller: string, audience: string): KeyObject {
  const path = join(dir, `${caller}-to-${audience}.secret`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and linked in: two processes starting together agree on the first one linked.
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(aside, randomBytes(CALL_SECRET_BYTES).toString('base64url'), { mode: 0o600 });
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (secret.length !== CALL_SECRET_BYTES) throw new Error(`${path} does not hold a ${CALL_SECRET_BYTES}-byte secret`);
  return createSecretKey(secret);
}

/** A caller's secrets for the subgraphs it calls, by subgraph. */
export function callSecrets<A extends string>(
  dir: string,
  caller: string,
  audiences: readonly A[],
): Record<A, KeyObject> {
  return Object.fromEntries(audiences.map((a) => [a, loadOrCreateCallSecret(dir, caller, a)])) as Record<A, KeyObject>;
}
