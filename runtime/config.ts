import { join, resolve } from 'node:path';
import { z } from 'zod';
import { clockStartingAt, systemClock, type Clock } from '../domain/clock';
import { SOURCES, type SourceName } from '../domain/sources';
import { DEFAULT_EMERGENCY_GRANT_MINUTES } from '../domain/emergency';
import { isOriginPattern, LOCAL_ORIGINS } from './cors';
import { UPLOAD_SCANNERS, type UploadScannerName } from './upload-scanner';

/** Everything the processes read from the environment, read once at start-up. */
export interface RuntimeConfig {
  /** PostgreSQL server; absent: each subgraph keeps an embedded PGlite cluster under dataDir. */
  databaseUrl: string | null;
  /** A server of its own for one store (`<NAME>_DATABASE_URL`: a source, or AUDIT). @default databaseUrl */
  storeUrls: Partial<Record<string, string>>;
  /** Where embedded stores and generated keys live. @default ./.data */
  dataDir: string;
  /** Where the gateway's and the registry's signing keys live. @default <dataDir>/keys */
  keysDir: string;
  redisUrl: string | null;
  /** Where notifications are POSTed; absent: they are logged (id and kind only). */
  notifyWebhookUrl: string | null;
  gatewayPort: number;
  /** PORT as given: the gateway's, or a subgraph's own when it runs alone. @default null (each its own default) */
  port: number | null;
  /** The address a process alone listens on (HOST). @default null: the gateway 0.0.0.0, a subgraph subgraphHost */
  listenHost: string | null;
  /** Where the habilitation matrix is read (MATRIX_DIR). @default null: policy/matrix */
  matrixDir: string | null;
  /** Host the subgraphs listen on and the gateway reaches them at. @default 127.0.0.1 */
  subgraphHost: string;
  /** Embedded issuer settings for bearer tokens; production points these at the real identity providers. */
  auth: {
    issuer: string;
    audience: string;
    jwksUrl: string | null;
    /** The longest a bearer token may live, from `iat` to `exp` (AUTH_MAX_TOKEN_SECONDS). @default 3600 */
    maxTokenSeconds: number;
  };
  production: boolean;
  /** A subgraph that has not answered by then fails only its own fields. @default 5000 */
  subgraphTimeoutMs: number;
  /** The subgraph deadline of a query asking only `analytics` (aggregates scan events). @default 30000 */
  analyticsTimeoutMs: number;
  /** How long a bris de glace grant lasts, in minutes. @default 60 */
  emergencyGrantMinutes: number;
  /** Emergency-access watch: more than `limit` declarations by one professional in `windowMinutes` flags them. */
  emergencyWatch: { limit: number; windowMinutes: number };
  /**
   * Replaces the identity-search budgets of policy/trait-search-rate.json, for tests that search more than a
   * regulator would in a minute of a frozen clock. No environment variable reaches it. @default null (the file's)
   */
  traitSearchRate: { perMinute: number; localPerMinute: number } | null;
  /** Only operations registered with `npm run trust` run (TRUSTED_DOCUMENTS=1); needs Redis. @default false */
  trustedDocuments: boolean;
  /** On SIGTERM, how long requests in flight may take before their connections are cut. @default 10000 */
  shutdownGraceMs: number;
  /** How often each source deletes what is past its retention window (also once at start); 0: only on demand. @default 86400000 (a day) */
  retentionIntervalMs: number;
  /** The web origins a browser page may call the gateway from (CORS_ORIGINS). @default none in production; http://localhost:* and http://127.0.0.1:* otherwise */
  corsOrigins: string[];
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
  /** The scanning port's adapter every file passes (UPLOAD_SCANNER, runtime/upload-scanner.ts). @default none */
  uploadScanner: UploadScannerName;
}

/** A configuration the process must not start with: each problem names its variable and what it expected. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration refused:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Unset and empty are the same: the default applies. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const whole = (what: string, min = 0) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what}, a whole number`)
    .transform(Number)
    .refine((n) => n >= min, `expected at least ${min}`);
const url = (...protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `expected a URL (${protocols.join(' or ')})`,
  );
const flag = z
  .enum(['1', 'true', '0', 'false'], { message: 'expected 1, true, 0 or false' })
  .transform((v) => v === '1' || v === 'true');
const instant = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
    'expected an ISO instant such as 2028-02-29T12:00:00Z',
  );

/** Every variable the processes read, with what it must look like (README, "Configuration"). */
const ENVIRONMENT = z.object({
  DATABASE_URL: optional(url('postgres:', 'postgresql:')),
  DATA_DIR: optional(z.string()),
  KEYS_DIR: optional(z.string()),
  REDIS_URL: optional(url('redis:', 'rediss:')),
  NOTIFY_WEBHOOK_URL: optional(url('http:', 'https:')),
  PORT: optional(whole('a port').refine((n) => n <= 65535, 'expected a port, 0 to 65535')),
  HOST: optional(z.string()),
  SUBGRAPH_HOST: optional(z.string()),
  AUTH_ISSUER: optional(z.string()),
  AUTH_AUDIENCE: optional(z.string()),
  AUTH_JWKS_URL: optional(url('http:', 'https:')),
  AUTH_MAX_TOKEN_SECONDS: optional(whole('seconds', 1)),
  NODE_ENV: optional(z.string()),
  SUBGRAPH_TIMEOUT_MS: optional(whole('milliseconds', 1)),
  ANALYTICS_TIMEOUT_MS: optional(whole('milliseconds', 1)),
  EMERGENCY_GRANT_MINUTES: optional(whole('minutes', 1)),
  EMERGENCY_WATCH_LIMIT: optional(whole('a count of declarations', 1)),
  EMERGENCY_WATCH_WINDOW_MINUTES: optional(whole('minutes', 1)),
  // A scrape token short enough to guess opens the metrics to anyone on the port.
  METRICS_TOKEN: optional(z.string().min(24, 'expected at least 24 characters')),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(url('http:', 'https:')),
  SHUTDOWN_GRACE_MS: optional(whole('milliseconds')),
  RETENTION_INTERVAL_MS: optional(whole('milliseconds')),
  CORS_ORIGINS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
      )
      .refine(
        (list) => list.every(isOriginPattern),
        'expected origins separated by commas, such as https://app.example.fr or http://localhost:*',
      ),
  ),
  TRUSTED_DOCUMENTS: optional(flag),
  MATRIX_DIR: optional(z.string()),
  DMP_NOW: optional(instant),
  UPLOAD_SCANNER: optional(
    z.enum(Object.keys(UPLOAD_SCANNERS) as [UploadScannerName, ...UploadScannerName[]], {
      message: `expected one of ${Object.keys(UPLOAD_SCANNERS).join(', ')}`,
    }),
  ),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected a pino level: fatal, error, warn, info, debug, trace or silent',
    }),
  ),
});

/** A subgraph's own URL or store: SUBGRAPH_<NAME>_URL and <NAME>_DATABASE_URL name a source of domain/sources.ts. */
export const envName = (source: string) => source.toUpperCase().replace(/-/g, '_');

/** Variables whose value is a secret: a refusal names them, never their value (it goes to the logs). */
const SECRET_VARIABLES = new Set(['METRICS_TOKEN']);
/** A refused value as the error shows it: a secret hidden, a URL's password masked. */
function shown(key: string, value: string | undefined): string {
  if (value !== undefined && SECRET_VARIABLES.has(key)) return '(hidden)';
  const password = value === undefined ? null : /^[a-z][a-z0-9+.-]*:\/\/[^/@:]*:([^/@]*)@/i.exec(value)?.[1];
  return JSON.stringify(password ? value!.replace(`:${password}@`, ':***@') : value);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = ENVIRONMENT.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) =>
          `${String(issue.path[0])}=${shown(String(issue.path[0]), env[String(issue.path[0])])}: ${issue.message}`,
      );
  const subgraphUrls: Partial<Record<string, string>> = {};
  const storeUrls: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!value) continue;
    const urlMatch = /^SUBGRAPH_([A-Z_]+)_URL$/.exec(key);
    const storeMatch = /^([A-Z_]+)_DATABASE_URL$/.exec(key);
    const named = (urlMatch ?? storeMatch)?.[1];
    if (!named) continue;
    const source = [...SOURCES.map((s) => s.name), 'audit'].find((name) => envName(name) === named);
    // SUBGRAPH_* is this project's own prefix: a name that is no source is a typo. Other *_DATABASE_URL may be another program's.
    if (urlMatch && !SOURCES.some((s) => s.name === source)) {
      problems.push(`${key}: names no source (${SOURCES.map((s) => envName(s.name)).join(', ')})`);
      continue;
    }
    if (!source) continue;
    if (!url(...(urlMatch ? ['http:', 'https:'] : ['postgres:', 'postgresql:'])).safeParse(value).success) {
      problems.push(`${key}=${shown(key, value)}: expected a URL`);
      continue;
    }
    (urlMatch ? subgraphUrls : storeUrls)[source!] = value;
  }
  if (env.DMP_NOW && env.NODE_ENV === 'production')
    problems.push('DMP_NOW: refused in production, where the law is judged on the real date');
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR ?? join(process.cwd(), '.data'));
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    storeUrls,
    dataDir,
    keysDir: resolve(e.KEYS_DIR ?? join(dataDir, 'keys')),
    redisUrl: e.REDIS_URL ?? null,
    notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL ?? null,
    gatewayPort: e.PORT ?? 4000,
    port: e.PORT ?? null,
    listenHost: e.HOST ?? null,
    subgraphHost: e.SUBGRAPH_HOST ?? '127.0.0.1',
    auth: {
      issuer: e.AUTH_ISSUER ?? 'urn:dmp-graph:local-issuer',
      audience: e.AUTH_AUDIENCE ?? 'dmp-graph',
      jwksUrl: e.AUTH_JWKS_URL ?? null,
      maxTokenSeconds: e.AUTH_MAX_TOKEN_SECONDS ?? 3600,
    },
    production: e.NODE_ENV === 'production',
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS ?? 5000,
    analyticsTimeoutMs: e.ANALYTICS_TIMEOUT_MS ?? 30_000,
    emergencyGrantMinutes: e.EMERGENCY_GRANT_MINUTES ?? DEFAULT_EMERGENCY_GRANT_MINUTES,
    emergencyWatch: { limit: e.EMERGENCY_WATCH_LIMIT ?? 5, windowMinutes: e.EMERGENCY_WATCH_WINDOW_MINUTES ?? 1440 },
    traitSearchRate: null,
    metricsToken: e.METRICS_TOKEN ?? null,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? 10_000,
    retentionIntervalMs: e.RETENTION_INTERVAL_MS ?? 86_400_000,
    // None in production unless listed; any port of this machine otherwise (a front end in development).
    corsOrigins: e.CORS_ORIGINS ?? (e.NODE_ENV === 'production' ? [] : [...LOCAL_ORIGINS]),
    trustedDocuments: e.TRUSTED_DOCUMENTS ?? false,
    matrixDir: e.MATRIX_DIR ?? null,
    // DMP_NOW puts the whole graph on a chosen day (a demo, a replay); production runs on the machine's time.
    clock: e.DMP_NOW ? clockStartingAt(new Date(e.DMP_NOW)) : systemClock,
    subgraphUrls,
    uploadScanner: e.UPLOAD_SCANNER ?? 'none',
  };
}

/** The configuration of a process about to start, or a message naming each bad variable and exit code 2. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  try {
    return readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/** The logger's settings, read here like every other variable (the logger is made before any configuration). */
export function loggingConfig(env: NodeJS.ProcessEnv = process.env): { level: string; service: string } {
  const level = ENVIRONMENT.shape.LOG_LEVEL.safeParse(env.LOG_LEVEL);
  return {
    level: (level.success ? level.data : undefined) ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    service: env.SERVICE_NAME ?? 'dmp-graph',
  };
}

/** Where each subgraph answers: SUBGRAPH_<NAME>_URL, or its own port on the subgraph host. */
export function configuredSubgraphUrls(config: RuntimeConfig): Record<SourceName, string> {
  return Object.fromEntries(
    SOURCES.map((s) => [s.name, config.subgraphUrls[s.name] ?? `http://${config.subgraphHost}:${s.port}/graphql`]),
  ) as Record<SourceName, string>;
}
