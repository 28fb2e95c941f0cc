import { createRedis, reconnectDelay } from './redis';

describe('Redis client', () => {
  it('backs off exponentially between reconnections, capped at 2 s', () => {
    expect([1, 2, 3, 4, 5, 10, 100].map(reconnectDelay)).toEqual([200, 400, 800, 1600, 2000, 2000, 2000]);
  });

  it('fails a command at once when nothing listens, instead of queueing it', async () => {
    const redis = createRedis('redis://127.0.0.1:1');
    try {
      const started = Date.now();
      await expect(redis.get('k')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      redis.disconnect();
    }
  });
});
