import type { RuntimeConfig } from '../runtime/config';
import { createRedis } from '../runtime/redis';
import { logger } from '../runtime/logger';
import type { SqlStore } from '../runtime/store/sql-store';
import { createLogSender, createNotifier, createWebhookSender, type NotifierOptions } from './notifier';

/**
 * Starts relaying and delivering notifications when Redis is configured. Without it they wait in the outbox,
 * still readable by the patient through the graph, and leave as soon as a notifier runs.
 */
export function startNotifier(
  config: RuntimeConfig,
  auditStore: SqlStore,
  options: Pick<NotifierOptions, 'onProgress'> = {},
): { stop: (graceMs?: number) => Promise<void> } | null {
  if (!config.redisUrl) {
    logger.info('REDIS_URL not set: notifications wait in the outbox');
    return null;
  }
  const redis = createRedis(config.redisUrl);
  const sender = config.notifyWebhookUrl ? createWebhookSender({ url: config.notifyWebhookUrl }) : createLogSender();
  const notifier = createNotifier({ store: auditStore, redis, sender, ...options });
  notifier.start();
  return {
    stop: async (graceMs = config.shutdownGraceMs) => {
      try {
        await notifier.stop(graceMs);
      } finally {
        redis.disconnect();
      }
    },
  };
}
