import 'reflect-metadata';
import { configOrExit } from '../runtime/config';
import { logger } from '../runtime/logger';
import { openAuditStore } from '../audit/audit-store';
import { startNotifier } from '../audit/start-notifier';

/** The notifier alone (docker-compose's `notifier` service): outbox → Redis stream → sender. */
async function main() {
  const config = configOrExit();
  const store = await openAuditStore(config);
  const notifier = startNotifier(config, store);
  if (!notifier) process.exit(1);
  logger.info('notifier running');
  const shutdown = async () => {
    await notifier.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void main();
