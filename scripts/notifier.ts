import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configOrExit } from '../runtime/config';
import { logger } from '../runtime/logger';
import { openAuditStore } from '../audit/audit-store';
import { startNotifier } from '../audit/start-notifier';

/** What stopping may take beyond the grace (a claim released, what it held handed back, the store closed). */
const EXIT_BACKSTOP_MS = 5000;
/** The heartbeat is rewritten at most this often. */
const HEARTBEAT_EVERY_MS = 2000;

/**
 * `<DATA_DIR>/notifier.alive`, rewritten while the notifier's rounds complete (its store, Redis and its sender
 * answer) and removed at a clean exit: the notifier serves no HTTP, and its container's healthcheck reads this
 * file's age (docker-compose.yml).
 */
function heartbeat(path: string) {
  let last = 0;
  let failed = false;
  return {
    beat: () => {
      const now = Date.now();
      if (now - last < HEARTBEAT_EVERY_MS) return;
      last = now;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, `${new Date(now).toISOString()}\n`);
      } catch (error) {
        if (!failed) logger.warn({ err: { message: (error as Error).message } }, 'notifier heartbeat not written');
        failed = true;
      }
    },
    remove: () => rmSync(path, { force: true }),
  };
}

/** The notifier alone (docker-compose's `notifier` service): outbox → Redis stream → sender. */
async function main() {
  const config = configOrExit();
  const alive = heartbeat(join(config.dataDir, 'notifier.alive'));
  // PostgreSQL away at start is waited for, not an exit: the store is retried every second, and the notifier's
  // rounds fail, and are retried, until it answers (runtime/store/open-store.ts).
  const started = (async () => {
    const store = await openAuditStore(config, { whenUp: true });
    return { store, notifier: startNotifier(config, store, { onProgress: alive.beat }) };
  })();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'notifier stopping');
    // The loop ends by the grace (a send in flight is aborted then); a store that does not answer must not keep
    // the process: its claims expire and are sent again (audit/notifier.ts).
    setTimeout(() => {
      logger.error('notifier did not stop within its grace: exiting, its claims left to expire');
      process.exit(1);
    }, config.shutdownGraceMs + EXIT_BACKSTOP_MS).unref();
    try {
      const { store, notifier } = await started;
      try {
        await notifier?.stop(config.shutdownGraceMs);
      } finally {
        await store.close();
      }
      alive.remove();
      logger.info('notifier stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, 'notifier stopped uncleanly');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const { store, notifier } = await started;
  if (!notifier) {
    await store.close();
    process.exit(1);
  }
  logger.info('notifier running');
}

main().catch((error) => {
  logger.fatal({ err: { message: (error as Error).message } }, 'notifier failed to start');
  process.exit(1);
});
