import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { KeyLike } from 'jose';
import type Redis from 'ioredis';
import { GraphQLError } from 'graphql';
import type { Actor } from '../domain/actor';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { closeGracefully, createHttpServer, type Readiness } from '../runtime/http-server';
import { explorerRoutes, type ExplorerOptions } from './explorer';
import type { SourceName as SubgraphName } from '../domain/sources';
import { maskError, withoutSuggestions } from '../runtime/error-masking';
import { inputGuardPlugin } from '../runtime/graphql/input-guard';
import { requestLogPlugin } from '../runtime/request-log';
import { projectPath } from '../domain/paths';
import { metricsPlugin } from '../runtime/metrics';
import { authenticate, type AuthOptions } from './authenticate';
import { signedDataSource } from './signed-data-source';
import { uploadRoute, UPLOAD_SOURCE } from './uploads';
import { deadlinePlugin } from './deadline';
import type { GatewayContext } from './context';
import { APQ_TTL_SECONDS, redisApqCache, resolveTrustedDocument } from './persisted-documents';
import {
  DEFAULT_QUERY_LIMITS,
  isQueryLimitRefusal,
  queryLimitOptions,
  tooManyTokens,
  type QueryLimits,
} from './query-limits';

export interface GatewayOptions {
  /** Where each subgraph answers. */
  subgraphUrls: Record<SubgraphName, string>;
  /** The secret the gateway shares with each subgraph, for the call credentials it accepts (runtime/keys.ts). */
  callKeys: Record<SubgraphName, KeyLike>;
  auth: AuthOptions;
  /** Introspection and landing page off, no field suggestions. @default false */
  production?: boolean;
  /** @default 5000 */
  subgraphTimeoutMs?: number;
  /** The subgraph deadline of a query asking only `analytics`. @default 30000 */
  analyticsTimeoutMs?: number;
  /** @default schema/supergraph.graphql */
  supergraphSdl?: string;
  /** Checked before anything executes. @default DEFAULT_QUERY_LIMITS */
  limits?: QueryLimits;
  /** Guards /metrics (config.metricsToken). @default null */
  metricsToken?: string | null;
  /** How long stop() lets requests in flight finish. @default 10000 */
  shutdownGraceMs?: number;
  /** Holds persisted queries (APQ) and trusted documents, shared by every instance. Absent: APQ in memory. */
  redis?: Redis | null;
  /** Only registered operations run (gateway/persisted-documents.ts). Needs `redis`. @default false */
  trustedDocuments?: boolean;
  /** The development explorer (gateway/explorer.ts); never served in production. @default none */
  explorer?: ExplorerOptions | null;
  /** The web origins browser pages may call from (runtime/cors.ts). @default none */
  corsOrigins?: readonly string[];
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The DMP gateway: authenticates, signs the actor for the subgraphs, and serves the composed supergraph. */
export async function createGateway(options: GatewayOptions): Promise<{ server: Server; stop: () => Promise<void> }> {
  const redis = options.redis ?? null;
  if (options.trustedDocuments && !redis) throw new Error('trusted documents need Redis (REDIS_URL)');
  // Otherwise @apollo/gateway probes cloud metadata endpoints at start and reports host facts to Apollo every
  // hour: a gateway of health data calls no one. Its only switch is this variable, read by the constructor.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8'),
    buildService: ({ name }) =>
      signedDataSource({
        name: name as SubgraphName,
        url: options.subgraphUrls[name as SubgraphName],
        callKey: options.callKeys[name as SubgraphName],
        timeoutMs: options.subgraphTimeoutMs,
      }),
  });
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  // Introspection is on outside production, and then the schema query is not held to the limits (it reads no data).
  const protection = queryLimitOptions(limits, { introspection: !options.production });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Production shows no landing page and answers no introspection; the embedded default keeps both for front ends.
    plugins: [
      inputGuardPlugin(),
      ...protection.plugins,
      metricsPlugin('gateway'),
      requestLogPlugin('gateway'),
      // The client learns the id its request is traced and logged under, to quote it to support.
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-request-id', contextValue.requestId);
            },
          };
        },
      },
      deadlinePlugin({
        defaultMs: options.subgraphTimeoutMs ?? 5000,
        analyticsMs: options.analyticsTimeoutMs ?? 30_000,
      }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Apollo's landing page loads Sandbox from the Internet: ours (gateway/explorer.ts) is served from the package.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production ?? false,
    // Subgraph names are internals: the client gets the code and the message only.
    formatError: (formatted, error) => {
      const coded = isQueryLimitRefusal(error)
        ? { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_LIMIT_EXCEEDED' } }
        : formatted;
      const masked = maskError(coded, error);
      const { serviceName: _service, ...extensions } = masked.extensions ?? {};
      // Production hints at no name of the schema, in any error (validation, variables, a subgraph's).
      const message = options.production ? withoutSuggestions(masked.message) : masked.message;
      return { ...masked, message, extensions };
    },
    csrfPrevention: true,
    // Apollo's own SIGTERM handler stops it at once, cutting requests in flight: main.ts drains first (closeGracefully).
    stopOnTerminationSignals: false,
    // Shared by every instance through Redis; without it, Apollo's own in-memory cache.
    ...(redis ? { persistedQueries: { cache: redisApqCache(redis), ttl: APQ_TTL_SECONDS } } : {}),
  });
  await apollo.start();
  const server = createHttpServer(apollo, {
    service: 'gateway',
    context: async (req) => {
      // A client's id only correlates logs: a client that chose what traces and notifications key on could
      // merge its requests into one (three emergency reads, one notification).
      const header = req.headers['x-request-id'];
      const correlationId = typeof header === 'string' && REQUEST_ID.test(header) ? header : undefined;
      const requestId = randomUUID();
      let actor: Actor;
      try {
        actor = await authenticate(req.headers.authorization, options.auth);
      } catch (error) {
        // A refused request is logged under its id too: the client gets it to quote, as on any answer.
        if (error instanceof GraphQLError) {
          const http = (error.extensions.http ?? {}) as { status?: number };
          error.extensions.http = { ...http, headers: new Map([['x-request-id', requestId]]) };
        }
        throw error;
      }
      return { actor, requestId, correlationId };
    },
    ready: async () => {
      const readiness = await subgraphReadiness(options.subgraphUrls);
      if (!options.trustedDocuments) return readiness;
      // With trusted documents, no operation runs without the registered set: no Redis, not ready.
      const redisState = redis!.status === 'ready' ? 'ready' : 'unavailable';
      return {
        ready: readiness.ready && redisState === 'ready',
        dependencies: { ...readiness.dependencies, redis: redisState },
      };
    },
    metricsToken: options.metricsToken,
    production: options.production,
    routes: options.explorer && !options.production ? explorerRoutes(options.explorer) : undefined,
    cors: { origins: options.corsOrigins ?? [] },
    // Files from a phone: the one route with a larger body than /graphql (gateway/uploads.ts).
    bodyRoutes: [
      uploadRoute({ auth: options.auth, callKey: options.callKeys[UPLOAD_SOURCE], subgraphUrls: options.subgraphUrls }),
    ],
    prepare: async (params) => {
      let trusted: string | undefined;
      if (options.trustedDocuments) {
        const resolved = await resolveTrustedDocument(redis!, params);
        if ('code' in resolved) return resolved;
        trusted = resolved.query;
      }
      const query = trusted ?? params.query;
      if (typeof query === 'string' && tooManyTokens(query, limits.maxTokens))
        return { status: 400, message: 'Query is too long', code: 'QUERY_LIMIT_EXCEEDED' };
      return trusted === undefined ? null : { query: trusted };
    },
  });
  return {
    server,
    stop: async () => {
      await closeGracefully(server, options.shutdownGraceMs);
      await apollo.stop();
    },
  };
}

/** How long the readiness probe waits for each subgraph's own /readyz. */
const PROBE_MS = 1000;

/**
 * The gateway is ready when the registry is: without it nothing can be served, while any other subgraph down
 * only nulls its own fields (and taking every gateway out of rotation for it would turn a partial outage into
 * a total one). Each subgraph's state is reported.
 */
export async function subgraphReadiness(urls: Record<SubgraphName, string>): Promise<Readiness> {
  const states = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(PROBE_MS) });
        return [name, response.ok ? 'ready' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      }
    }),
  );
  const dependencies = Object.fromEntries(states) as Readiness['dependencies'];
  return { ready: dependencies.patient === 'ready', dependencies };
}
