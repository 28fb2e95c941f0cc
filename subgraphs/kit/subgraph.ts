import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { KeyLike } from 'jose';
import type { IncomingMessage, Server } from 'node:http';
import { ACTOR_HEADER, verifyActorCredential } from '../../runtime/credential';
import { unauthenticated } from '../../runtime/errors';
import { closeGracefully, createHttpServer } from '../../runtime/http-server';
import { maskError } from '../../runtime/error-masking';
import { requestLogPlugin } from '../../runtime/request-log';
import { metricsPlugin } from '../../runtime/metrics';
import type { HabilitationMatrix } from '../../policy/matrix';
import { applyFieldPolicy } from './enforce/field-policy';
import { accessTracePlugin } from '../../audit/trace-recorder';

import type { SubgraphContext, SubgraphDeps, SubgraphName } from './context';

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
  return buildSchemaSync({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
}

/** The SDL the composition script feeds to composeServices. */
export function subgraphSdl(definition: SubgraphDefinition): string {
  return FEDERATION_LINK + printSchemaWithDirectives(typeGraphqlSchema(definition));
}

/**
 * Builds the federated schema of a subgraph from its type-graphql classes, with the field policy applied
 * (it refuses to build if any field is unclassified). Importable by tests; never listens.
 */
export function buildFederatedSchema(
  definition: SubgraphDefinition,
  matrix: HabilitationMatrix,
  options: { fieldPolicy?: boolean } = {},
): GraphQLSchema {
  const built = typeGraphqlSchema(definition);
  const resolvers = createResolversMap(built) as Record<string, any>;
  for (const [typeName, resolve] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolve };
  }
  const schema = buildSubgraphSchema({
    typeDefs: parse(FEDERATION_LINK + printSchemaWithDirectives(built)),
    resolvers,
  });
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
export async function createSubgraphServer(
  definition: SubgraphDefinition,
  options: SubgraphServerOptions,
): Promise<{ server: Server; stop: () => Promise<void> }> {
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildFederatedSchema(definition, options.deps.matrix, {
      fieldPolicy: !options.withoutFieldPolicyForBenchmark,
    }),
    introspection: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: maskError,
    stopOnTerminationSignals: false,
    // Per-field timings would tell a caller how much work a hidden branch cost.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      accessTracePlugin(definition.name, options.deps.audit.writer),
      metricsPlugin(definition.name),
      requestLogPlugin(definition.name),
    ],
  });
  await apollo.start();
  const server = createHttpServer(apollo, {
    service: definition.name,
    context: async (req: IncomingMessage) => {
      const header = req.headers[ACTOR_HEADER];
      const forwarded = await verifyActorCredential(options.gatewayKey, Array.isArray(header) ? undefined : header);
      if (!forwarded) throw unauthenticated('This service answers only requests signed by the DMP gateway');
      return {
        actor: forwarded.actor,
        requestId: forwarded.requestId,
        now: options.deps.clock.now(),
        credential: header as string,
        deps: options.deps,
      };
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
