import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type FieldNode, type SelectionNode } from 'graphql';
import type { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { ACTOR_HEADER, signCallCredential, type CallClaims } from '../runtime/credential';
import type { SourceName } from '../domain/sources';
import type { GatewayContext } from './context';
import { metrics } from '../runtime/metrics';
import { injectTraceContext } from '../runtime/tracing';
import { DEADLINE_HEADER, remainingMs } from '../runtime/deadline';

export interface SignedDataSourceOptions {
  /** The subgraph's name: the audience of its credentials, and a metrics label. */
  name: SourceName;
  url: string;
  /** The secret the gateway shares with this subgraph (runtime/keys.ts). */
  callKey: KeyLike;
  /** A subgraph that does not answer in time fails only its own fields (unless the request set its own deadline). @default 5000 */
  timeoutMs?: number;
}

const unavailable = () =>
  new GraphQLError('A source of the record did not answer; its part is missing', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });

/** Links a fetch to the request it serves, from willSendRequest to the fetcher; never leaves the process. */
const PENDING_HEADER = 'x-dmp-pending-call';

/**
 * Sends each subgraph fetch with a credential of its own, over Node's built-in fetch, with a deadline. The
 * credential is signed in the fetcher, over the exact body that goes on the wire (runtime/credential.ts):
 * captured, it opens nothing but the same call to the same subgraph, once, for a few seconds.
 */
export function signedDataSource(options: SignedDataSourceOptions): RemoteGraphQLDataSource<GatewayContext> {
  const source = remoteSource(options);
  // A fetch that fails is answered as an outage of exactly what it was asked, field by field, so that each
  // error carries the path of the field it nulled (the gateway maps `_entities` indexes to the client's paths).
  const process = source.process.bind(source);
  source.process = async (request) => {
    try {
      return await process(request);
    } catch (error) {
      if ((error as GraphQLError).extensions?.code !== 'SERVICE_UNAVAILABLE') throw error;
      return { data: null, errors: outageOf(request.request.query, request.request.variables) };
    }
  };
  return source;
}

/** One SERVICE_UNAVAILABLE per field the fetch asked: `[field]` at the root, `[_entities, i, field]` for entities. */
export function outageOf(query: string | undefined, variables: Record<string, unknown> | undefined) {
  const error = unavailable();
  const at = (path: (string | number)[]) => ({ message: error.message, path, extensions: error.extensions });
  const operation = query ? parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) : undefined;
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [at([])];
  const fieldsOf = (selections: readonly SelectionNode[]): string[] =>
    selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === '__typename'
          ? []
          : [s.alias?.value ?? s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? fieldsOf(s.selectionSet.selections)
          : [],
    );
  const top = operation.selectionSet.selections;
  const entities = top.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (!entities) return fieldsOf(top).map((field) => at([field]));
  const representations = Array.isArray(variables?.representations) ? variables.representations.length : 0;
  const fields = [...new Set(fieldsOf(entities.selectionSet?.selections ?? []))];
  return Array.from({ length: representations }, (_, i) => fields.map((field) => at(['_entities', i, field]))).flat();
}

function remoteSource(options: SignedDataSourceOptions): RemoteGraphQLDataSource<GatewayContext> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const pending = new Map<string, Omit<CallClaims, 'body' | 'audience'> & { deadlineAt?: number }>();
  return new RemoteGraphQLDataSource<GatewayContext>({
    url: options.url,
    // Down, refusing or past its deadline: the source's fields are null with SERVICE_UNAVAILABLE, the rest is served.
    fetcher: (async (input: string, init: RequestInit & { headers: Record<string, string>; body: string }) => {
      const { [PENDING_HEADER]: handle, ...headers } = init.headers;
      const call = pending.get(handle);
      pending.delete(handle);
      if (!call) throw new Error('a subgraph fetch without its request');
      const { deadlineAt, ...claims } = call;
      // What is left of the request's one deadline: a fetch that a chain of fetches started late gets less.
      const deadline = remainingMs(deadlineAt, timeoutMs);
      if (deadline <= 0) throw unavailable();
      headers[DEADLINE_HEADER] = String(deadline);
      headers[ACTOR_HEADER] = await signCallCredential(options.callKey, 'gateway', {
        ...claims,
        audience: options.name,
        body: init.body,
      });
      const stop = metrics.subgraphFetchSeconds.startTimer({ subgraph: options.name });
      try {
        const response = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(deadline) });
        stop({ outcome: response.ok ? 'ok' : 'error' });
        return response;
      } catch {
        stop({ outcome: 'unavailable' });
        throw unavailable();
      }
    }) as never,
    async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
      if (!context?.actor) throw new Error('no authenticated actor for a subgraph fetch');
      const handle = randomUUID();
      pending.set(handle, { actor: context.actor, requestId: context.requestId, deadlineAt: context.deadlineAt });
      request.http?.headers.set(PENDING_HEADER, handle);
      injectTraceContext((name, value) => request.http?.headers.set(name, value));
    },
    // A proxy's HTML page, a cut-off body or a body of another shape is an outage too, not an internal error.
    async parseBody(response: Response) {
      if (!(response.headers.get('content-type') ?? '').includes('json')) throw unavailable();
      const body = await response.json().catch(() => null);
      if (!isGraphQLResponse(body)) throw unavailable();
      return body;
    },
    // A subgraph answers a bad variable with HTTP 400 and a coded error: that is the caller's mistake, to pass
    // on as BAD_USER_INPUT. Any other failed fetch stays an opaque error (masked to INTERNAL_SERVER_ERROR).
    async errorFromResponse(response: Response) {
      const body = (await response.json().catch(() => null)) as {
        errors?: { message?: string; extensions?: { code?: string } }[];
      } | null;
      const first = body?.errors?.[0];
      if (
        response.status === 400 &&
        first?.extensions?.code === 'BAD_USER_INPUT' &&
        typeof first.message === 'string'
      ) {
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      // Anything else (a 5xx, or even a 401: the gateway's own credential refused, not the caller's token) is an outage.
      return unavailable();
    },
  } as never);
}

/** The shape the gateway relies on: `data` an object or null, `errors` a list, `_entities` a list. */
function isGraphQLResponse(body: unknown): body is object {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined && !Array.isArray(errors)) return false;
  if (data === undefined || data === null) return errors !== undefined;
  if (typeof data !== 'object' || Array.isArray(data)) return false;
  const entities = (data as { _entities?: unknown })._entities;
  return entities === undefined || entities === null || Array.isArray(entities);
}
