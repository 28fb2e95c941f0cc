import { join, resolve } from 'node:path';
import { clockStartingAt, systemClock, type Clock } from '../domain/clock';
import { SOURCES, type SourceName } from '../domain/sources';

/** Everything the processes read from the environment, read once at start-up. */
export interface RuntimeConfig {
  /** PostgreSQL server; absent: each subgraph keeps an embedded PGlite cluster under dataDir. */
  databaseUrl: string | null;
  /** Where embedded stores and generated keys live. @default ./.data */
  dataDir: string;
  /** Where the gateway's and the registry's signing keys live. @default <dataDir>/keys */
  keysDir: string;
  redisUrl: string | null;
  /** Where notifications are POSTed; absent: they are logged (id and kind only). */
  notifyWebhookUrl: string | null;
  gatewayPort: number;
  /** Host the subgraphs listen on and the gateway reaches them at. @default 127.0.0.1 */
  subgraphHost: string;
  /** Embedded issuer settings for bearer tokens; production points these at the real identity providers. */
  auth: { issuer: string; audience: string; jwksUrl: string | null };
  production: boolean;
  /** A subgraph that has not answered by then fails only its own fields. @default 5000 */
  subgraphTimeoutMs: number;
  /** The subgraph deadline of a query asking only `analytics` (aggregates scan events). @default 30000 */
  analyticsTimeoutMs: number;
  /** How long a bris de glace grant lasts, in minutes. @default 60 */
  emergencyGrantMinutes: number;
  /** Emergency-access watch: more than `limit` declarations by one professional in `windowMinutes` flags them. */
  emergencyWatch: { limit: number; windowMinutes: number };
  /** Only operations registered with `npm run trust` run (TRUSTED_DOCUMENTS=1); needs Redis. @default false */
  trustedDocuments: boolean;
  /** On SIGTERM, how long requests in flight may take before their connections are cut. @default 10000 */
  shutdownGraceMs: number;
  /** Where OpenTelemetry traces go (OTEL_EXPORTER_OTLP_ENDPOINT, OTLP over HTTP); absent: tracing off. */
  otlpEndpoint: string | null;
  /** Guards /metrics when set (METRICS_TOKEN); absent, /metrics is open and the port must stay internal. */
  metricsToken: string | null;
  /** Where each subgraph answers (SUBGRAPH_<NAME>_URL), for the gateway and for calls between subgraphs. */
  subgraphUrls: Partial<Record<string, string>>;
  /**
   * The one clock every rule of time reads (domain/clock.ts). DMP_NOW (an ISO instant) starts it on that
   * instant, running from there; refused in production. @default the machine's time
   */
  clock: Clock;
}

/** DMP_NOW puts the whole graph on a chosen day (a demo, a replay); production runs on the machine's time. */
function clockOf(env: NodeJS.ProcessEnv): Clock {
  if (!env.DMP_NOW) return systemClock;
  const start = new Date(env.DMP_NOW);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(env.DMP_NOW) || Number.isNaN(start.getTime())) throw new Error(`DMP_NOW must be an ISO instant (2028-02-29T12:00:00Z), not ${env.DMP_NOW}`);
  if (env.NODE_ENV === 'production') throw new Error('DMP_NOW is refused in production: the law is judged on the real date');
  return clockStartingAt(start);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = resolve(env.DATA_DIR ?? join(process.cwd(), '.data'));
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    keysDir: resolve(env.KEYS_DIR ?? join(dataDir, 'keys')),
    redisUrl: env.REDIS_URL || null,
    notifyWebhookUrl: env.NOTIFY_WEBHOOK_URL || null,
    gatewayPort: Number(env.PORT ?? 4000),
    subgraphHost: env.SUBGRAPH_HOST ?? '127.0.0.1',
    auth: {
      issuer: env.AUTH_ISSUER ?? 'urn:dmp-graph:local-issuer',
      audience: env.AUTH_AUDIENCE ?? 'dmp-graph',
      jwksUrl: env.AUTH_JWKS_URL || null,
    },
    production: env.NODE_ENV === 'production',
    subgraphTimeoutMs: Number(env.SUBGRAPH_TIMEOUT_MS ?? 5000),
    analyticsTimeoutMs: Number(env.ANALYTICS_TIMEOUT_MS ?? 30_000),
    emergencyGrantMinutes: Number(env.EMERGENCY_GRANT_MINUTES ?? 60),
    emergencyWatch: { limit: Number(env.EMERGENCY_WATCH_LIMIT ?? 5), windowMinutes: Number(env.EMERGENCY_WATCH_WINDOW_MINUTES ?? 1440) },
    metricsToken: env.METRICS_TOKEN || null,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || null,
    shutdownGraceMs: Number(env.SHUTDOWN_GRACE_MS ?? 10_000),
    trustedDocuments: env.TRUSTED_DOCUMENTS === '1' || env.TRUSTED_DOCUMENTS === 'true',
    clock: clockOf(env),
    subgraphUrls: Object.fromEntries(Object.entries(env).filter(([k, v]) => /^SUBGRAPH_[A-Z_]+_URL$/.test(k) && v).map(([k, v]) => [k.slice(9, -4).toLowerCase().replace('_', '-'), v!])),
  };
}

/** Where each subgraph answers: SUBGRAPH_<NAME>_URL, or its own port on the subgraph host. */
export function configuredSubgraphUrls(config: RuntimeConfig): Record<SourceName, string> {
  return Object.fromEntries(SOURCES.map((s) => [s.name, config.subgraphUrls[s.name] ?? `http://${config.subgraphHost}:${s.port}/graphql`])) as Record<SourceName, string>;
}
