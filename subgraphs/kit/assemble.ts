import { configuredSubgraphUrls, configOrExit } from '../../runtime/config';
import { listen } from '../../runtime/http-server';
import {
  REGISTRY_KEY,
  callSecrets,
  loadOrCreateCallSecret,
  loadOrCreateKeyPair,
  loadPublicKey,
} from '../../runtime/keys';
import type { Caller } from '../../runtime/credential';
import { SOURCE_NAMES } from '../../domain/sources';
import type { KeyLike } from 'jose';
import type { RuntimeConfig } from '../../runtime/config';
import type { SqlStore } from '../../runtime/store/sql-store';
import type { SubgraphDeps } from './context';
import type { HabilitationMatrix } from '../../policy/matrix';
import { logger } from '../../runtime/logger';
import { openStore } from '../../runtime/store/open-store';
import { createSubgraphServer, type SubgraphDefinition } from './subgraph';
import type { SubgraphName } from './context';
import { loadMatrix } from '../../policy/matrix';
import { SEARCH_RATE } from '../../policy/trait-search';
import { openAuditStore } from '../../audit/audit-store';
import { createTraceWriter } from '../../audit/trace-writer';
import { createRedis } from '../../runtime/redis';
import { startTracing } from '../../runtime/tracing';
import { retentionJob, scheduleRetention } from './retention/retention-job';
import { UPLOAD_SCANNERS } from '../../runtime/upload-scanner';

/**
 * What a subgraph's resolvers receive, from what its process opened: one assembly for a subgraph alone in
 * its process and for the whole graph in one. Only the registry signs grants and watches emergency access.
 */
export function subgraphDeps(
  name: SubgraphName,
  parts: {
    config: RuntimeConfig;
    store: SqlStore;
    matrix: HabilitationMatrix;
    /** The registry's key pair; other subgraphs only need its public half. */
    registryKeys: { publicKey: KeyLike; privateKey?: KeyLike };
    audit: SubgraphDeps['audit'];
    emergencyWatch?: SubgraphDeps['emergencyWatch'];
    /** The process's Redis client, if configured: the registry counts identity searches in it. */
    redis?: import('ioredis').default | null;
    decideOverride?: SubgraphDeps['decideOverride'];
    peers: SubgraphDeps['peers'];
    /** The secrets this subgraph signs its calls to each peer with. */
    callKeys: Partial<Record<SubgraphName, KeyLike>>;
  },
): SubgraphDeps {
  const registry = name === 'patient';
  if (registry && !parts.registryKeys.privateKey)
    throw new Error('the patient registry needs its private key to sign grants');
  return {
    store: parts.store,
    clock: parts.config.clock,
    matrix: parts.matrix,
    grantKeys: registry
      ? { verify: parts.registryKeys.publicKey, sign: parts.registryKeys.privateKey }
      : { verify: parts.registryKeys.publicKey },
    audit: parts.audit,
    emergencyGrantMinutes: parts.config.emergencyGrantMinutes,
    emergencyWatch: registry ? parts.emergencyWatch : undefined,
    searchRate: registry
      ? { redis: parts.redis ?? null, ...(parts.config.traitSearchRate ?? SEARCH_RATE), local: new Map() }
      : undefined,
    decideOverride: parts.decideOverride,
    peers: parts.peers,
    calls: { as: name, keys: parts.callKeys },
    scanner: UPLOAD_SCANNERS[parts.config.uploadScanner],
  };
}

/** The subgraphs one subgraph calls, and takes calls from, within a request: all the others. */
const peersOf = (name: SubgraphName) => SOURCE_NAMES.filter((source) => source !== name);

/** Whose calls a subgraph accepts: the gateway's and every other subgraph's, by the secret each shares with it. */
export function trustedCallers(keysDir: string, audience: SubgraphName): Partial<Record<Caller, KeyLike>> {
  const callers: Caller[] = ['gateway', ...peersOf(audience)];
  return Object.fromEntries(callers.map((c) => [c, loadOrCreateCallSecret(keysDir, c, audience)]));
}

/** The secrets a subgraph signs its calls to its peers with. */
export const peerCallKeys = (keysDir: string, caller: SubgraphName): Partial<Record<SubgraphName, KeyLike>> =>
  callSecrets(keysDir, caller, peersOf(caller));

/** Opens a subgraph's store, the audit store, its keys and the matrix: what a subgraph process needs before it listens. */
export async function prepareSubgraph(definition: SubgraphDefinition, config = configOrExit()) {
  // Serving: a store away at start leaves this source unavailable until it answers, not the process down.
  const store = await openStore(config, definition.name, definition.migrationsDir, { whenUp: true });
  const registryKeys =
    definition.name === 'patient'
      ? await loadOrCreateKeyPair(config.keysDir, REGISTRY_KEY)
      : { publicKey: await loadPublicKey(config.keysDir, REGISTRY_KEY) };
  const auditStore = await openAuditStore(config, { whenUp: true });
  const redis = definition.name === 'patient' && config.redisUrl ? createRedis(config.redisUrl) : null;
  const deps = subgraphDeps(definition.name, {
    config,
    store,
    matrix: loadMatrix(config.matrixDir ?? undefined),
    registryKeys,
    audit: { store: auditStore, writer: createTraceWriter(auditStore) },
    emergencyWatch: redis ? { redis, ...config.emergencyWatch } : undefined,
    redis,
    peers: configuredSubgraphUrls(config),
    callKeys: peerCallKeys(config.keysDir, definition.name),
  });
  const server = await createSubgraphServer(definition, {
    deps,
    trustedCallers: trustedCallers(config.keysDir, definition.name),
    metricsToken: config.metricsToken,
    production: config.production,
    shutdownGraceMs: config.shutdownGraceMs,
  });
  return { ...server, store, auditStore, redis, traceWriter: deps.audit.writer, deps };
}

/** Entry point of a subgraph process (docker-compose runs one per container). */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = configOrExit();
  const tracing = config.otlpEndpoint
    ? startTracing(`dmp-${definition.name}`, { otlpEndpoint: config.otlpEndpoint })
    : null;
  const port = config.port ?? definition.port;
  const { server, stop, store, auditStore, redis, traceWriter, deps } = await prepareSubgraph(definition, config);
  const listening = await listen(server, port, config.listenHost ?? config.subgraphHost);
  logger.info({ subgraph: definition.name, port: listening, store: store.kind }, 'subgraph listening');
  const retention = scheduleRetention({
    ...retentionJob(definition, { store, clock: config.clock, writer: traceWriter, deps }),
    intervalMs: config.retentionIntervalMs,
  });
  const shutdown = async () => {
    await retention.stop();
    await stop();
    await store.close();
    await auditStore.close();
    redis?.disconnect();
    await tracing?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
