import { configOrExit } from '../runtime/config';
import { ISSUER_KEY, REGISTRY_KEY, callSecrets, loadOrCreateKeyPair } from '../runtime/keys';
import { peerCallKeys } from '../subgraphs/kit/assemble';
import { SOURCE_NAMES } from '../domain/sources';

/**
 * Creates in KEYS_DIR what is not there yet: the registry's and the local issuer's key pairs, and the call secret
 * of every caller and subgraph it calls (the gateway to each subgraph, each subgraph to each peer).
 */
async function main() {
  const { keysDir } = configOrExit();
  for (const name of [REGISTRY_KEY, ISSUER_KEY]) await loadOrCreateKeyPair(keysDir, name);
  callSecrets(keysDir, 'gateway', SOURCE_NAMES);
  for (const caller of SOURCE_NAMES) peerCallKeys(keysDir, caller);
  console.log(`keys ready in ${keysDir}`);
}

void main();
