import type { Actor } from '../domain/actor';

/** Per-request context every subgraph resolver receives. Per-request caches hang off it in WeakMaps. */
export interface RequestContext<Deps = unknown> {
  actor: Actor;
  requestId: string;
  /** The instant this request is judged at, read once from the one clock: every rule in it sees the same day. */
  now: Date;
  /** The gateway's signed credential this request came with: a subgraph asking a peer within the request forwards it. */
  credential?: string;
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
