import { configOrExit } from '../runtime/config';
import { loadOrCreateKeyPair } from '../runtime/keys';
import { GATEWAY_KEY, ISSUER_KEY, REGISTRY_KEY } from '../runtime/keys';

/** Creates the gateway, registry and local-issuer key pairs in KEYS_DIR if they are not there yet. */
async function main() {
  const { keysDir } = configOrExit();
  for (const name of [GATEWAY_KEY, REGISTRY_KEY, ISSUER_KEY]) await loadOrCreateKeyPair(keysDir, name);
  console.log(`keys ready in ${keysDir}`);
}

void main();
