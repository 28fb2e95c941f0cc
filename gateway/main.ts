import 'reflect-metadata';
import { configuredSubgraphUrls, configOrExit } from '../runtime/config';
import { listen } from '../runtime/http-server';
import { ISSUER_KEY, callSecrets, loadPublicKey } from '../runtime/keys';
import { SOURCE_NAMES } from '../domain/sources';
import { logger } from '../runtime/logger';
import { createRedis } from '../runtime/redis';
import { startTracing } from '../runtime/tracing';
import { authOptions } from './authenticate';
import { createGateway } from './gateway';

/** The gateway alone (docker-compose runs it beside one container per subgraph). */
async function main() {
  const config = configOrExit();
  const tracing = config.otlpEndpoint ? startTracing('dmp-gateway', { otlpEndpoint: config.otlpEndpoint }) : null;
  const subgraphUrls = configuredSubgraphUrls(config);
  const issuerKey = config.auth.jwksUrl ? null : await loadPublicKey(config.keysDir, ISSUER_KEY);
  const gateway = await createGateway({
    subgraphUrls,
    callKeys: callSecrets(config.keysDir, 'gateway', SOURCE_NAMES),
    auth: authOptions(config.auth, issuerKey!),
    production: config.production,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    analyticsTimeoutMs: config.analyticsTimeoutMs,
    metricsToken: config.metricsToken,
    redis: config.redisUrl ? createRedis(config.redisUrl) : null,
    trustedDocuments: config.trustedDocuments,
    shutdownGraceMs: config.shutdownGraceMs,
    // The gateway alone holds no directory: the explorer, without a persona picker (paste a token).
    explorer: {},
    corsOrigins: config.corsOrigins,
  });
  const port = await listen(gateway.server, config.gatewayPort, config.listenHost ?? '0.0.0.0');
  logger.info({ port }, 'gateway listening');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'gateway draining');
    await gateway.stop();
    await tracing?.stop();
    logger.info('gateway stopped');
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  logger.fatal({ err: { message: (error as Error).message } }, 'gateway failed to start');
  process.exit(1);
});
