import type { EmergencyWatch } from '../kit/context';
import { logger } from '../../runtime/logger';

export interface WatchFlag {
  rpps: string;
  declarations: number;
  windowMinutes: number;
  lastDeclaredAt: Date;
}

const KEY = (rpps: string) => `dmp:emergency-watch:${rpps}`;
const FLAGS = 'dmp:emergency-watch:flags';

/**
 * Notes one declaration. Never blocks care: if Redis is not there, the declaration stands (it is traced in the
 * audit store regardless) and the watch misses it.
 */
export async function noteDeclaration(watch: EmergencyWatch | undefined, rpps: string, at: Date): Promise<void> {
  if (!watch) return;
  try {
    const now = at.getTime();
    const results = await watch.redis
      .multi()
      .zadd(KEY(rpps), now, `${now}:${Math.random().toString(36).slice(2)}`)
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
  } catch {
    logger.warn('emergency watch unavailable: a declaration was not counted');
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
