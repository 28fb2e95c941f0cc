import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { KeyLike } from 'jose';
import { ACTOR_HEADER, signActorCredential } from '../runtime/credential';
import type { GatewayContext } from './context';

export interface SignedDataSourceOptions {
  url: string;
  gatewayKey: KeyLike;
  /** A subgraph that does not answer in time fails only its own fields. @default 5000 */
  timeoutMs?: number;
}

/** Sends each subgraph fetch with the gateway-signed actor, over Node's built-in fetch, with a deadline. */
export function signedDataSource(options: SignedDataSourceOptions): RemoteGraphQLDataSource<GatewayContext> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new RemoteGraphQLDataSource<GatewayContext>({
    url: options.url,
    fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
      if (!context?.actor) throw new Error('no authenticated actor for a subgraph fetch');
      context.credential ??= signActorCredential(options.gatewayKey, { actor: context.actor, requestId: context.requestId });
      request.http?.headers.set(ACTOR_HEADER, await context.credential);
    },
  });
}
