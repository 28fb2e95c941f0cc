import 'reflect-metadata';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import type { Actor } from '../../domain/actor';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { KeyLike } from 'jose';
import type { IncomingMessage, Server } from 'node:http';
import { DEADLINE_HEADER, deadlineOf } from '../../runtime/deadline';
import { ACTOR_HEADER, credentialCheck, type Caller } from '../../runtime/credential';
import { codedError, unauthenticated } from '../../runtime/errors';
import { closeGracefully, createHttpServer } from '../../runtime/http-server';
import { maskError, withoutSuggestions } from '../../runtime/error-masking';
import { inputGuardPlugin } from '../../runtime/graphql/input-guard';
import { requestLogPlugin } from '../../runtime/request-log';
import { metrics, metricsPlugin } from '../../runtime/metrics';
import type { HabilitationMatrix } from '../../policy/matrix';
import { applyFieldPolicy } from './enforce/field-policy';
import { accessTracePlugin, traceTo } from '../../audit/trace-recorder';
import { logger } from '../../runtime/logger';

import type { SubgraphContext, SubgraphDeps, SubgraphName } from './context';
import type { RetainedTable } from './retention/retention-job';

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
  /**
   * The registry only: the actor as its directory knows it, before any resolver runs. The other sources
   * serve nothing without the registry's grant or permit, so they need not ask.
   */
  recognise?: (actor: Actor, deps: SubgraphDeps) => Promise<Actor>;
  /** The tables this source keeps only within a retention window: the retention job deletes what is past it. */
  retention?: readonly RetainedTable[];
  /** What the law ends besides, run with the retention job by a serving process (the registry: the archive's end). */
  expire?: (deps: SubgraphDeps) => Promise<{ table: string; deleted: number }[]>;
  /**
   * A route beside /graphql taking a raw body (the personal space: the bytes of an upload), under the same call
   * credentials as /graphql: signed for this subgraph over this exact body, current, unused.
   */
  bodyRoute?: SubgraphBodyRoute;
}

/** What a subgraph's raw-body route answers: a status and a JSON body; a GraphQLError thrown is a coded refusal. */
export interface SubgraphBodyRoute {
  prefix: string;
  method: 'PUT' | 'POST';
  maxBodyBytes: number;
  handle: (ctx: SubgraphContext, rest: string, body: Buffer) => Promise<{ status: number; body: unknown }>;
}

/** The HTTP status a coded refusal of a raw-body route is answered with (a GraphQL field error sits in a 200). */
const ROUTE_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
};

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])\n`;

/** The root types' descriptions: type-graphql has no decorator for them, and composition wants every subgraph's alike. */
const ROOT_DESCRIPTIONS = {
  query:
    "What a client reads. Each field checks the caller's rights itself: what the caller may not know of answers as absence does (NOT_FOUND), and every access to a patient's record is traced in its access history.",
  mutation:
    "What a client changes. Each mutation checks the caller's rights and its input before anything is written, and every change to a patient's record is traced; a refusal is a coded error (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND…).",
};

function typeGraphqlSchema(definition: SubgraphDefinition): GraphQLSchema {
  const schema = buildSchemaSync({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const query = schema.getQueryType();
  if (query) query.description = ROOT_DESCRIPTIONS.query;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.mutation;
  return schema;
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
  /**
   * Whose call credentials this subgraph accepts, by caller: the gateway's public key, and its peers' (each
   * subgraph signs its own calls). Nothing else is served.
   */
  trustedCallers: Partial<Record<Caller, KeyLike>>;
  /** Guards /metrics (config.metricsToken). @default null */
  metricsToken?: string | null;
  /** Production: /metrics only with the token (runtime/http-server.ts). @default false */
  production?: boolean;
  /** How long stop() lets requests in flight finish. @default 10000 */
  shutdownGraceMs?: number;
  /** Skip the field policy. Only bench/ sets it (with deps.decideOverride). @default false */
  withoutFieldPolicyForBenchmark?: boolean;
}

/**
 * An HTTP server for one subgraph that refuses with 401 every request, `_service` and `_entities` included,
 * without a call credential made for it: signed by the gateway or a peer, addressed to this subgraph, over
 * this exact body, current and unused (runtime/credential.ts).
 */
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
    // A subgraph is never public: its messages name nothing of its schema either.
    formatError: (formatted, error) => {
      const masked = maskError(formatted, error);
      return { ...masked, message: withoutSuggestions(masked.message) };
    },
    stopOnTerminationSignals: false,
    // Per-field timings would tell a caller how much work a hidden branch cost.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      inputGuardPlugin(),
      accessTracePlugin(definition.name, options.deps.audit.writer),
      metricsPlugin(definition.name),
      requestLogPlugin(definition.name),
    ],
  });
  await apollo.start();
  const credentials = credentialCheck(definition.name, options.trustedCallers);
  const callContext = async (req: IncomingMessage, body: Buffer): Promise<SubgraphContext> => {
    const header = req.headers[ACTOR_HEADER];
    const call = await credentials.verify(Array.isArray(header) ? undefined : header, body);
    if ('refused' in call) {
      metrics.callRefusals.inc({ service: definition.name, reason: call.refused });
      throw unauthenticated('This service answers only calls signed for it by the DMP gateway');
    }
    let actor = call.actor;
    if (definition.recognise) {
      try {
        actor = await definition.recognise(call.actor, options.deps);
      } catch {
        throw codedError('SERVICE_UNAVAILABLE', 'The registry could not answer', { http: { status: 503 } });
      }
    }
    return {
      actor,
      requestId: call.requestId,
      caller: call.caller,
      deadlineAt: deadlineOf(req.headers[DEADLINE_HEADER]),
      now: options.deps.clock.now(),
      deps: options.deps,
    };
  };
  const route = definition.bodyRoute;
  const server = createHttpServer(apollo, {
    service: definition.name,
    context: callContext,
    // Ready when its own store and the audit store answer: without the second, every answer would be refused.
    ready: async () => {
      await Promise.all([options.deps.store.query('SELECT 1'), options.deps.audit.store.query('SELECT 1')]);
      return true;
    },
    metricsToken: options.metricsToken,
    production: options.production,
    bodyRoutes: route
      ? [
          {
            prefix: route.prefix,
            method: route.method,
            maxBodyBytes: route.maxBodyBytes,
            handle: async (req, url, body) => {
              const answer = await routeAnswer(
                () => callContext(req, body),
                definition.name,
                options.deps,
                (ctx) => route.handle(ctx, url.pathname.slice(route.prefix.length), body),
              );
              return {
                status: answer.status,
                type: 'application/json; charset=utf-8',
                body: JSON.stringify(answer.body),
              };
            },
          },
        ]
      : undefined,
  });
  return {
    server,
    stop: async () => {
      await closeGracefully(server, options.shutdownGraceMs);
      await apollo.stop();
    },
  };
}

/**
 * Runs a raw-body route as the graph runs a field: the caller's credential first, its traces bound to the
 * audit writer, a coded refusal answered as `{ errors: [{ message, extensions: { code, field } }] }` with its
 * status, and any other failure as an opaque 500 (the log has it under the request id).
 */
async function routeAnswer(
  context: () => Promise<SubgraphContext>,
  source: SubgraphName,
  deps: SubgraphDeps,
  handle: (ctx: SubgraphContext) => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown }> {
  const refusal = (error: GraphQLError) => {
    const http = (error.extensions.http ?? {}) as { status?: number };
    const { http: _http, ...extensions } = error.extensions;
    const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
    return {
      status: http.status ?? ROUTE_STATUS[code] ?? 500,
      body: { errors: [{ message: error.message, extensions }] },
    };
  };
  let ctx: SubgraphContext;
  try {
    ctx = await context();
  } catch (error) {
    if (error instanceof GraphQLError) return refusal(error);
    throw error;
  }
  traceTo(ctx, source, deps.audit.writer);
  try {
    return await handle(ctx);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code) return refusal(error);
    logger.error({ requestId: ctx.requestId, err: { message: (error as Error).message } }, 'body route failed');
    return {
      status: 500,
      body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    };
  }
}
