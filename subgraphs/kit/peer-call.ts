import { GraphQLError } from 'graphql';
import { ACTOR_HEADER, signCallCredential } from '../../runtime/credential';
import { unavailable } from '../../runtime/errors';
import { DEADLINE_HEADER, remainingMs } from '../../runtime/deadline';
import type { SubgraphContext, SubgraphName } from './context';
import { injectTraceContext } from '../../runtime/tracing';

/** Codes a peer's answer may carry back to the caller as they are: the peer's decision, not an outage. */
const PASSED_ON = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

export interface PeerCallOptions {
  /** At most this long, and never past the request's deadline. @default 5000 */
  timeoutMs?: number;
}

/**
 * Asks another subgraph within the current request, with a credential this subgraph signs for that one call
 * (the peer, this body, once): the peer judges the same actor and traces under the same gateway request id.
 * A peer that is down, late or garbled is SERVICE_UNAVAILABLE; its coded refusals pass through.
 */
export async function callPeer<T>(
  ctx: SubgraphContext,
  peer: SubgraphName,
  query: string,
  variables: Record<string, unknown>,
  options: PeerCallOptions = {},
): Promise<T> {
  const url = ctx.deps.peers[peer];
  if (!url) throw unavailable(`The ${peer} service cannot be reached`);
  // The request's one deadline holds across the chain: a peer call ends when the gateway stops waiting.
  const timeoutMs = Math.min(options.timeoutMs ?? 5000, remainingMs(ctx.deadlineAt, Infinity));
  if (timeoutMs <= 0) throw unavailable(`The ${peer} service could not answer in time`);
  type Body = { data?: T | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  let body: Body | null = null;
  try {
    const payload = JSON.stringify({ query, variables });
    const credential = await signCallCredential(ctx.deps.calls.keys[peer]!, ctx.deps.calls.as, {
      actor: ctx.actor,
      requestId: ctx.requestId,
      audience: peer,
      body: payload,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [ACTOR_HEADER]: credential,
      [DEADLINE_HEADER]: String(Math.ceil(timeoutMs)),
    };
    injectTraceContext((name, value) => {
      headers[name] = value;
    });
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = (await response.json()) as Body;
  } catch {
    body = null;
  }
  const error = body?.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code && PASSED_ON.has(code))
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, code } });
    throw unavailable(`The ${peer} service could not answer`);
  }
  if (!body?.data) throw unavailable(`The ${peer} service could not answer`);
  return body.data;
}
