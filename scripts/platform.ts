import type { Server } from 'node:http';
import { listen } from '../runtime/http-server';
import { ISSUER_KEY, REGISTRY_KEY, callSecrets, loadOrCreateKeyPair } from '../runtime/keys';
import { peerCallKeys, subgraphDeps, trustedCallers } from '../subgraphs/kit/assemble';
import { SOURCE_NAMES } from '../domain/sources';
import { createSubgraphServer } from '../subgraphs/kit/subgraph';
import type { SubgraphDeps, SubgraphName } from '../subgraphs/kit/context';
import { openStore } from '../runtime/store/open-store';
import type { SqlStore } from '../runtime/store/sql-store';
import type { RuntimeConfig } from '../runtime/config';
import { loadMatrix } from '../policy/matrix';
import { openAuditStore } from '../audit/audit-store';
import { createTraceWriter } from '../audit/trace-writer';
import { startNotifier } from '../audit/start-notifier';
import { createRedis } from '../runtime/redis';
import { SUBGRAPHS } from '../subgraphs';
import { authOptions } from '../gateway/authenticate';
import { createGateway } from '../gateway/gateway';
import { localToken } from './local-token';
import { PERSONAS } from './generate/personas';
import { hasWork, retentionJob, runRetention, scheduleRetention } from '../subgraphs/kit/retention/retention-job';

export interface Platform {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  stores: Record<SubgraphName, SqlStore>;
  /** The access traces (audit/). */
  auditStore: SqlStore;
  /** Each subgraph's HTTP server, for fault tests that stop one. */
  subgraphServers: Record<SubgraphName, Server>;
  /** Runs every source's retention job now, as the operations command does; counts per source and table. */
  runRetention: () => Promise<Partial<Record<SubgraphName, { table: string; deleted: number }[]>>>;
  stop: () => Promise<void>;
}

export interface PlatformOptions {
  /** 0 picks a free port. @default config.gatewayPort */
  gatewayPort?: number;
  /** Subgraphs listen on their own ports (4001–4006), or on free ports when true. @default false */
  ephemeralSubgraphPorts?: boolean;
  /** Benchmarks only: what replaces the policy when measuring its cost. */
  benchmarkWithoutPolicy?: { decide: NonNullable<SubgraphDeps['decideOverride']> };
  /** Benchmarks only: a writer that replaces the trace writer, to measure what tracing costs. */
  benchmarkTraceWriter?: SubgraphDeps['audit']['writer'];
}

/** Opens every subgraph's store (migrated) and the keys: what loading data and serving both need. */
export async function openStores(
  config: RuntimeConfig,
  options: { whenUp?: boolean } = {},
): Promise<Record<SubgraphName, SqlStore>> {
  const entries = await Promise.all(
    SUBGRAPHS.map(async (d) => [d.name, await openStore(config, d.name, d.migrationsDir, options)] as const),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, SqlStore>;
}

/** The whole graph in one process: six subgraphs and the gateway. The embedded default and the end-to-end tests run this. */
export async function startPlatform(config: RuntimeConfig, options: PlatformOptions = {}): Promise<Platform> {
  const [registryKeys, issuerKeys] = await Promise.all([
    loadOrCreateKeyPair(config.keysDir, REGISTRY_KEY),
    loadOrCreateKeyPair(config.keysDir, ISSUER_KEY),
  ]);
  const matrix = loadMatrix(config.matrixDir ?? undefined);
  // Serving: a store away at start leaves its source unavailable until it answers (runtime/store/open-store.ts).
  const stores = await openStores(config, { whenUp: true });
  const auditStore = await openAuditStore(config, { whenUp: true });
  const audit = { store: auditStore, writer: options.benchmarkTraceWriter ?? createTraceWriter(auditStore) };
  const redis = config.redisUrl ? createRedis(config.redisUrl) : null;
  const emergencyWatch = redis ? { redis, ...config.emergencyWatch } : undefined;
  const servers: { stop: () => Promise<void> }[] = [];
  const subgraphServers = {} as Record<SubgraphName, Server>;
  // Filled as each subgraph listens; the deps share this object, so peers are known before any request.
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const depsOf = {} as Record<SubgraphName, SubgraphDeps>;
  for (const definition of SUBGRAPHS) {
    const deps = (depsOf[definition.name] = subgraphDeps(definition.name, {
      config,
      store: stores[definition.name],
      matrix,
      registryKeys,
      audit,
      emergencyWatch,
      redis,
      decideOverride: options.benchmarkWithoutPolicy?.decide,
      peers: subgraphUrls,
      callKeys: peerCallKeys(config.keysDir, definition.name),
    }));
    const subgraph = await createSubgraphServer(definition, {
      deps,
      trustedCallers: trustedCallers(config.keysDir, definition.name),
      withoutFieldPolicyForBenchmark: Boolean(options.benchmarkWithoutPolicy),
      metricsToken: config.metricsToken,
      production: config.production,
      shutdownGraceMs: config.shutdownGraceMs,
    });
    const port = await listen(
      subgraph.server,
      options.ephemeralSubgraphPorts ? 0 : definition.port,
      config.subgraphHost,
    );
    subgraphUrls[definition.name] = `http://${config.subgraphHost}:${port}/graphql`;
    servers.push(subgraph);
    subgraphServers[definition.name] = subgraph.server;
  }
  const gateway = await createGateway({
    subgraphUrls,
    callKeys: callSecrets(config.keysDir, 'gateway', SOURCE_NAMES),
    auth: authOptions(config.auth, issuerKeys.publicKey),
    production: config.production,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    analyticsTimeoutMs: config.analyticsTimeoutMs,
    metricsToken: config.metricsToken,
    redis,
    trustedDocuments: config.trustedDocuments,
    shutdownGraceMs: config.shutdownGraceMs,
    corsOrigins: config.corsOrigins,
    // The embedded default's explorer picks a persona and mints its token through this process (the store is
    // open here already); not with a real identity provider. createGateway serves none in production.
    explorer: config.auth.jwksUrl
      ? {}
      : {
          personas: {
            list: PERSONAS.map(([id, kind, description]) => ({ id, kind, description })),
            mint: (actorId) => localToken(stores.patient, config, actorId),
          },
        },
  });
  const gatewayPort = await listen(gateway.server, options.gatewayPort ?? config.gatewayPort, '0.0.0.0');
  const notifier = startNotifier(config, auditStore);
  const retentionJobs = SUBGRAPHS.map((definition) =>
    retentionJob(definition, {
      store: stores[definition.name],
      clock: config.clock,
      writer: audit.writer,
      deps: depsOf[definition.name],
    }),
  ).filter(hasWork);
  const schedules = retentionJobs.map((job) => scheduleRetention({ ...job, intervalMs: config.retentionIntervalMs }));
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    subgraphUrls,
    stores,
    auditStore,
    subgraphServers,
    runRetention: async () =>
      Object.fromEntries(await Promise.all(retentionJobs.map(async (job) => [job.source, await runRetention(job)]))),
    stop: async () => {
      // At once: the gateway stops taking requests while the notifier ends its round (aborted at the grace).
      await Promise.all([notifier?.stop(), gateway.stop()]);
      redis?.disconnect();
      await Promise.all(schedules.map((s) => s.stop()));
      await Promise.all(servers.map((s) => s.stop()));
      await Promise.all([...Object.values(stores), auditStore].map((s) => s.close()));
    },
  };
}
