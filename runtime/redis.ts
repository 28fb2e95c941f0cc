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

/**
 * Until the client is connected, for a one-shot command: serving processes send without waiting (no offline
 * queue, a Redis away is an outage of what needs it), but a command that sends at once would fail before the
 * connection is up. Rejects, naming the wait, if it is not up within `timeoutMs`.
 */
export function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Exponential reconnection backoff from 200 ms, capped at 2 s: a flapping Redis is retried, never hammered. */
export const reconnectDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 2000);
