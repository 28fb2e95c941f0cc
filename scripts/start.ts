import 'reflect-metadata';
import { configOrExit } from '../runtime/config';
import { logger } from '../runtime/logger';
import { startPlatform } from './platform';
import { startTracing } from '../runtime/tracing';
import { isEmpty, seedStores } from './seed-stores';
import { announceEmbeddedServer } from './embedded-server';

/**
 * npm start: the whole graph in one process on the embedded default (or on PostgreSQL when DATABASE_URL is
 * set). An empty store is first filled with generated data (SEED_PATIENTS, default 1,000).
 */
async function main() {
  const config = configOrExit();
  const tracing = config.otlpEndpoint ? startTracing('dmp-graph', { otlpEndpoint: config.otlpEndpoint }) : null;
  const platform = await startPlatform(config);
  if (await isEmpty(platform.stores)) {
    const patients = Number(process.env.SEED_PATIENTS ?? 1000);
    console.log(`empty store: generating ${patients} patients…`);
    await seedStores(platform.stores, { patients, today: config.clock.now() });
  }
  const withdraw = announceEmbeddedServer(config, platform.gatewayUrl);
  process.once('exit', withdraw);
  console.log(`DMP gateway ready at ${platform.gatewayUrl.replace('127.0.0.1', 'localhost')}`);
  console.log('Get a token: npm run token -- --list, then npm run token -- <actor id>');
  const shutdown = async () => {
    logger.info('shutting down');
    withdraw();
    await platform.stop();
    await tracing?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`start failed: ${(error as Error).message}`);
  process.exit(1);
});
