import { configOrExit } from '../runtime/config';
import { loadOrCreateKeyPair } from '../runtime/keys';
import { GATEWAY_KEY, ISSUER_KEY, REGISTRY_KEY, subgraphCallKey } from '../runtime/keys';
import { SOURCE_NAMES } from '../domain/sources';

/** Creates the gateway, registry, local-issuer and each subgraph's call key pairs in KEYS_DIR if they are not there yet. */
async function main() {
  const { keysDir } = configOrExit();
  for (const name of [GATEWAY_KEY, REGISTRY_KEY, ISSUER_KEY, ...SOURCE_NAMES.map(subgraphCallKey)])
    await loadOrCreateKeyPair(keysDir, name);
  console.log(`keys ready in ${keysDir}`);
}

void main();
