import type { Caller } from './credential';
import type { Actor } from '../domain/actor';

/** Per-request context every subgraph resolver receives. Per-request caches hang off it in WeakMaps. */
export interface RequestContext<Deps = unknown> {
  actor: Actor;
  requestId: string;
  /** The instant this request is judged at, read once from the one clock: every rule in it sees the same day. */
  now: Date;
  /** Who signed this call: the gateway (a client's request) or a peer subgraph calling within one. */
  caller: Caller;
  /** When the gateway's deadline for this request runs out, on this process's time (runtime/deadline.ts). */
  deadlineAt?: number;
  deps: Deps;
}

/** One instance of `make()` per request context: DataLoaders and the like. */
export function perRequest<T>(make: (ctx: RequestContext<any>) => T): (ctx: RequestContext<any>) => T {
  const cache = new WeakMap<object, T>();
  return (ctx) => {
    let value = cache.get(ctx);
    if (value === undefined) {
      value = make(ctx);
      cache.set(ctx, value);
    }
    return value;
  };
}
