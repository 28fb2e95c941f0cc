import type { RuntimeConfig } from '../runtime/config';
import { loadOrCreateKeyPair } from '../runtime/keys';
import type { SqlExecutor } from '../runtime/store/sql-store';
import { ISSUER_KEY } from '../runtime/keys';
import { mintToken } from '../gateway/local-issuer';
import { findActor } from '../subgraphs/patient/actor.repo';

/**
 * A bearer token from the embedded issuer for an actor of the loaded data (`patient:<INS>`, `ps:<RPPS>`, an
 * account id), or null when the registry has no such actor. `npm run token`, the tests and the benchmarks use it.
 */
export async function localToken(
  registry: SqlExecutor,
  config: RuntimeConfig,
  actorId: string,
): Promise<string | null> {
  const actor = await findActor(registry, actorId);
  if (!actor) return null;
  const { privateKey } = await loadOrCreateKeyPair(config.keysDir, ISSUER_KEY);
  return mintToken(privateKey, actor, config.auth);
}
