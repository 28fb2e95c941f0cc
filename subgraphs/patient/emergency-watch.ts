import type { EmergencyWatch } from '../kit/context';
import { logger } from '../../runtime/logger';
import { redisReady } from '../../runtime/redis';

export interface WatchFlag {
  rpps: string;
  declarations: number;
  windowMinutes: number;
  lastDeclaredAt: Date;
}

const KEY = (rpps: string) => `dmp:emergency-watch:${rpps}`;
const FLAGS = 'dmp:emergency-watch:flags';
/** How long a declaration waits for a connecting Redis before its second try: care is never held longer. */
const RECONNECT_WAIT_MS = 500;

/**
 * Notes one declaration. Never blocks care: if Redis is not there, the declaration stands (it is traced in the
 * audit store regardless) and the watch misses it. A command that timed out is tried once more: the
 * declaration is its own member of the window (the gateway's request id, never a client's), so a first attempt
 * that did reach Redis is not counted twice. A client still connecting (a process just started) is waited for,
 * 500 ms at most, before that second try: the first declarations after a start used to go uncounted.
 */
export async function noteDeclaration(
  watch: EmergencyWatch | undefined,
  rpps: string,
  at: Date,
  requestId: string,
): Promise<void> {
  if (!watch) return;
  const now = at.getTime();
  const note = async () => {
    const results = await watch.redis
      .multi()
      .zadd(KEY(rpps), now, `${now}:${requestId}`)
      .zremrangebyscore(KEY(rpps), 0, now - watch.windowMinutes * 60_000)
      .zcard(KEY(rpps))
      .pexpire(KEY(rpps), watch.windowMinutes * 60_000)
      .exec();
    const count = Number(results?.[2]?.[1] ?? 0);
    if (count > watch.limit) {
      await watch.redis.hset(
        FLAGS,
        rpps,
        JSON.stringify({ declarations: count, windowMinutes: watch.windowMinutes, lastDeclaredAt: at.toISOString() }),
      );
    }
  };
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      return await note();
    } catch {
      if (attempt === 2) logger.warn('emergency watch unavailable: a declaration was not counted');
      // A client still connecting (a process just started) refuses at once: give it a moment, bounded.
      else await redisReady(watch.redis, RECONNECT_WAIT_MS).catch(() => undefined);
    }
  }
}

/** Professionals flagged, most declarations first. */
export async function flaggedProfessionals(watch: EmergencyWatch): Promise<WatchFlag[]> {
  const entries = await watch.redis.hgetall(FLAGS);
  return Object.entries(entries)
    .map(([rpps, json]) => {
      const flag = JSON.parse(json) as { declarations: number; windowMinutes: number; lastDeclaredAt: string };
      return {
        rpps,
        declarations: flag.declarations,
        windowMinutes: flag.windowMinutes,
        lastDeclaredAt: new Date(flag.lastDeclaredAt),
      };
    })
    .sort((a, b) => b.declarations - a.declarations || a.rpps.localeCompare(b.rpps));
}
