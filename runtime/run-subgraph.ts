import { readConfig } from './config';
import { listen } from './http-server';
import { loadOrCreateKeyPair, loadPublicKey } from './keys';
import { logger } from './logger';
import { openStore } from './store/open-store';
import { createSubgraphServer, type SubgraphDefinition } from './subgraph';
import { loadMatrix } from '../policy/matrix';
import { openAuditStore } from '../policy/audit/audit-store';
import { createTraceWriter } from '../policy/audit/trace-writer';
import { createRedis } from './redis';

export const GATEWAY_KEY = 'gateway';
export const REGISTRY_KEY = 'patient-registry';

/** Opens a subgraph's store, its keys and the matrix: what a subgraph process needs before it listens. */
export async function prepareSubgraph(definition: SubgraphDefinition, config = readConfig()) {
  const matrix = loadMatrix();
  const store = await openStore(config, definition.name, definition.migrationsDir);
  const registry = definition.name === 'patient' ? await loadOrCreateKeyPair(config.keysDir, REGISTRY_KEY) : null;
  const grantKeys = registry
    ? { verify: registry.publicKey, sign: registry.privateKey }
    : { verify: await loadPublicKey(config.keysDir, REGISTRY_KEY) };
  const gatewayKey = await loadPublicKey(config.keysDir, GATEWAY_KEY);
  const auditStore = await openAuditStore(config);
  const audit = { store: auditStore, writer: createTraceWriter(auditStore) };
  const emergencyWatch = definition.name === 'patient' && config.redisUrl ? { redis: createRedis(config.redisUrl), ...config.emergencyWatch } : undefined;
  return createSubgraphServer(definition, { deps: { store, matrix, grantKeys, audit, emergencyGrantMinutes: config.emergencyGrantMinutes, emergencyWatch }, gatewayKey }).then((s) => ({ ...s, store, auditStore }));
}

/** Entry point of a subgraph process (docker-compose runs one per container). */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = readConfig();
  const port = Number(process.env.PORT ?? definition.port);
  const { server, stop, store, auditStore } = await prepareSubgraph(definition, config);
  await listen(server, port, process.env.HOST ?? config.subgraphHost);
  logger.info({ subgraph: definition.name, port, store: store.kind }, 'subgraph listening');
  const shutdown = async () => {
    await stop();
    await store.close();
    await auditStore.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
