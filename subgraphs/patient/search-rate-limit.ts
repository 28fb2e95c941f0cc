import type Redis from 'ioredis';
import { rateRefusal, searchMinute } from '../../policy/trait-search';
import { codedError, unavailable } from '../../runtime/errors';
import { perRequest } from '../../runtime/context';
import { redisReady } from '../../runtime/redis';
import { logger } from '../../runtime/logger';
import { recordAccess } from '../../audit/trace-recorder';
import type { SearchRateLimit, SubgraphContext } from '../kit/context';

const KEY = (actorId: string, minute: number) => `dmp:trait-search-rate:${actorId}:${minute}`;
/** How long a search waits for a connecting Redis before its second try (as the emergency watch does). */
const RECONNECT_WAIT_MS = 500;
/** The client states of a first connection (ioredis), when a refusal says "not yet", not "away". */
const FIRST_CONNECTION = new Set(['wait', 'connecting', 'connect']);
/** A minute's key outlives its minute by one, then Redis drops it. */
const KEY_TTL_MS = 120_000;
/** Past this many actors, the counts of minutes gone are dropped from the process's map. */
const LOCAL_ACTORS_KEPT = 10_000;

/** Each search of a request is its own member of the window, so a retried command never counts it twice. */
const searchesOf = perRequest(() => ({ n: 0 }));

/**
 * The minute's count in Redis, this search included: a sorted set per actor and clock minute, one member per
 * search (the gateway's request id and the search's place in the request, never a client's), as the emergency
 * watch keeps its window. Null when Redis does not answer (after one more try if the client was still making its
 * first connection).
 */
async function redisCount(redis: Redis, actorId: string, at: Date, member: string): Promise<number | null> {
  const key = KEY(actorId, searchMinute(at));
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const results = await redis.multi().zadd(key, at.getTime(), member).zcard(key).pexpire(key, KEY_TTL_MS).exec();
      const [error, count] = results?.[1] ?? [new Error('no answer'), null];
      if (error) throw error;
      return Number(count);
    } catch {
      // A client still connecting (a process just started) is waited for; one that timed out or lost its server
      // is not tried again: each search would wait once more for a Redis that is away.
      if (!(attempt === 1 && FIRST_CONNECTION.has(redis.status))) return null;
      await redisReady(redis, RECONNECT_WAIT_MS).catch(() => undefined);
    }
  }
  return null;
}

/** This process's count of the actor's searches in the minute, this one included. */
function localCount(limit: SearchRateLimit, actorId: string, minute: number): number {
  if (limit.local.size > LOCAL_ACTORS_KEPT)
    for (const [id, entry] of limit.local) if (entry.minute < minute) limit.local.delete(id);
  const entry = limit.local.get(actorId);
  const count = entry && entry.minute === minute ? entry.count + 1 : 1;
  limit.local.set(actorId, { minute, count });
  return count;
}

/**
 * Counts one identity search against the regulator's budget (policy/trait-search-rate.json): one budget for
 * `searchPatients` and `searchPatientsBySpokenTraits`, which read the same registry by the same traits (two
 * budgets would double what a regulator may ask of it). The actor is the gateway's signed actor, never anything
 * the client sends. Counted in Redis across instances; every search is counted in this process too, and when
 * Redis does not answer or is not configured the stricter local budget decides: a search is never unlimited. When
 * Redis answers, the larger of its count and this instance's decides, so the searches allowed while it was away
 * still count against the shared budget. Over budget, the refusal is traced and the search answers RATE_LIMITED with `retryAfter` in seconds.
 */
export async function takeSearch(ctx: SubgraphContext): Promise<void> {
  const limit = ctx.deps.searchRate;
  if (!limit) throw unavailable('Identity search is not available here');
  const minute = searchMinute(ctx.now);
  const counted = localCount(limit, ctx.actor.id, minute);
  const shared = limit.redis
    ? await redisCount(limit.redis, ctx.actor.id, ctx.now, `${ctx.requestId}:${++searchesOf(ctx).n}`)
    : null;
  if (limit.redis && shared === null)
    logger.warn('identity-search rate limit: Redis did not answer, the local limit applies');
  // With Redis, the larger of the two counts: searches this instance allowed while Redis was away never reached it.
  const [how, max, count] =
    shared === null
      ? (['local', limit.localPerMinute, counted] as const)
      : (['redis', limit.perMinute, Math.max(shared, counted)] as const);
  const refusal = rateRefusal(count, max, ctx.now);
  if (!refusal) return;
  recordAccess(ctx, {
    patientIns: null,
    action: 'trait-search',
    touched: [`counted:${how}`, `limit:${max}`],
    outcome: 'denied',
    rule: 'deny.trait-search-rate-limited',
    mode: 'centre_15',
  });
  throw codedError('RATE_LIMITED', 'Too many identity searches this minute: try again after retryAfter seconds', {
    retryAfter: refusal.retryAfterSeconds,
  });
}
