import Redis from 'ioredis';

/**
 * A Redis client that fails fast: ioredis' defaults queue commands while disconnected and wait ~10 s for a
 * refused server, forever for a hung one (stack.md). Callers treat a failure as "Redis is not there now".
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 1000,
    retryStrategy: reconnectDelay,
  });
  // Connection errors surface on commands; an unhandled 'error' event would crash the process.
  redis.on('error', () => undefined);
  return redis;
}

/** Exponential reconnection backoff from 200 ms, capped at 2 s: a flapping Redis is retried, never hammered. */
export const reconnectDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 2000);
