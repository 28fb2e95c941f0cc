import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type KeyLike } from 'jose';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The key pairs the graph signs with: the gateway's call credentials, the registry's grants, the embedded issuer's tokens. */
export const GATEWAY_KEY = 'gateway';
export const REGISTRY_KEY = 'patient-registry';
export const ISSUER_KEY = 'local-issuer';
/** The key pair a subgraph signs its calls to its peers with (runtime/credential.ts). */
export const subgraphCallKey = (source: string) => `${source}-calls`;
