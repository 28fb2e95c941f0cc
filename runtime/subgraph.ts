import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { KeyLike } from 'jose';
import type { IncomingMessage, Server } from 'node:http';
import { ACTOR_HEADER, verifyActorCredential } from './credential';
import { unauthenticated } from './errors';
import { closeGracefully, createHttpServer } from './http-server';
import { maskError } from './error-masking';
import { requestLogPlugin } from './request-log';
import { metricsPlugin } from './metrics';
import type { RequestContext } from './context';
import type { Clock } from '../domain/clock';
import type { SqlStore } from './store/sql-store';
import type { HabilitationMatrix } from '../policy/matrix';
import { applyFieldPolicy } from '../policy/shield';
import { accessTracePlugin } from '../policy/audit/trace-recorder';
import type { TraceWriter } from '../policy/audit/trace-writer';

export const SUBGRAPH_NAMES = ['patient', 'reimbursement', 'pharmacy', 'oncology', 'hospital', 'personal-space'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** What every subgraph's resolvers receive as `ctx.deps`. */
export interface SubgraphDeps {
  store: SqlStore;
  /** The one clock (config.clock): each request reads it once into `ctx.now`. */
  clock: Clock;
  matrix: HabilitationMatrix;
  /** The registry signs access grants with `sign`; every source verifies them with `verify`. */
  grantKeys: { verify: KeyLike; sign?: KeyLike };
  /**
   * Replaces policy/decide.ts in the registry. Only bench/ sets it, to measure what the policy costs; no
   * configuration or environment variable reaches it.
   */
  decideOverride?: typeof import('../policy/decide').decide;
  /** How long a bris de glace grant lasts. @default 60 */
  emergencyGrantMinutes?: number;
  /** Counts bris de glace declarations per professional (needs Redis); absent: no watch. */
  emergencyWatch?: import('../subgraphs/patient/emergency-watch').EmergencyWatch;
  /** The audit store (policy/audit) and its group-commit writer, shared by every subgraph. */
  audit: { store: SqlStore; writer: TraceWriter };
  /** Where the other subgraphs answer, for calls within a request (write permits, purges). Filled once all listen. */
  peers: Record<SubgraphName, string>;
}

export type SubgraphContext = RequestContext<SubgraphDeps>;

type ReferenceResolver = (reference: any, ctx: SubgraphContext, info: unknown) => unknown;

export interface SubgraphDefinition {
  name: SubgraphName;
  /** Port in the embedded default and in the checked-in supergraph's URLs. */
  port: number;
  migrationsDir: string;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity; merged after type-graphql builds, so they wrap their own policy. */
  references?: Record<string, ReferenceResolver>;
}

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])\n`;

function typeGraphqlSchema(definition: SubgraphDefinition): GraphQLSchema {
  return buildSchemaSync({ resolvers: definition.resolvers, orphanedTypes: definition.orphanedTypes, skipCheck: true, validate: false });
}

/** The SDL the composition script feeds to composeServices. */
export function subgraphSdl(definition: SubgraphDefinition): string {
  return FEDERATION_LINK + printSchemaWithDirectives(typeGraphqlSchema(definition));
}

/**
 * Builds the federated schema of a subgraph from its type-graphql classes, with the field policy applied
 * (it refuses to build if any field is unclassified). Importable by tests; never listens.
 */
export function buildFederatedSchema(definition: SubgraphDefinition, matrix: HabilitationMatrix, options: { fieldPolicy?: boolean } = {}): GraphQLSchema {
  const built = typeGraphqlSchema(definition);
  const resolvers = createResolversMap(built) as Record<string, any>;
  for (const [typeName, resolve] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolve };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(FEDERATION_LINK + printSchemaWithDirectives(built)), resolvers });
  return options.fieldPolicy === false ? schema : applyFieldPolicy(schema, definition.name, matrix);
}

export interface SubgraphServerOptions {
  deps: SubgraphDeps;
  /** The gateway's public key: the only credential a subgraph accepts. */
  gatewayKey: KeyLike;
  /** Guards /metrics (config.metricsToken). @default null */
  metricsToken?: string | null;
  /** How long stop() lets requests in flight finish. @default 10000 */
  shutdownGraceMs?: number;
  /** Skip the field policy. Only bench/ sets it (with deps.decideOverride). @default false */
  withoutFieldPolicyForBenchmark?: boolean;
}

/** An HTTP server for one subgraph that refuses every request, `_service` and `_entities` included, without the gateway's credential. */
export async function createSubgraphServer(definition: SubgraphDefinition, options: SubgraphServerOptions): Promise<{ server: Server; stop: () => Promise<void> }> {
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildFederatedSchema(definition, options.deps.matrix, { fieldPolicy: !options.withoutFieldPolicyForBenchmark }),
    introspection: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskError,
    stopOnTerminationSignals: false,
    // Per-field timings would tell a caller how much work a hidden branch cost.
    plugins: [ApolloServerPluginInlineTraceDisabled(), accessTracePlugin(definition.name, options.deps.audit.writer), metricsPlugin(definition.name), requestLogPlugin(definition.name)],
  });
  await apollo.start();
  const server = createHttpServer(apollo, {
    service: definition.name,
    context: async (req: IncomingMessage) => {
      const header = req.headers[ACTOR_HEADER];
      const forwarded = await verifyActorCredential(options.gatewayKey, Array.isArray(header) ? undefined : header);
      if (!forwarded) throw unauthenticated('This service answers only requests signed by the DMP gateway');
      return { actor: forwarded.actor, requestId: forwarded.requestId, now: options.deps.clock.now(), credential: header as string, deps: options.deps };
    },
    // Ready when its own store and the audit store answer: without the second, every answer would be refused.
    ready: async () => {
      await Promise.all([options.deps.store.query('SELECT 1'), options.deps.audit.store.query('SELECT 1')]);
      return true;
    },
    metricsToken: options.metricsToken,
  });
  return {
    server,
    stop: async () => {
      await closeGracefully(server, options.shutdownGraceMs);
      await apollo.stop();
    },
  };
}
