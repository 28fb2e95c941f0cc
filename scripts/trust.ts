import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { configOrExit } from '../runtime/config';
import { createRedis, redisReady } from '../runtime/redis';
import { registerTrustedDocuments, type ManifestOperation } from '../gateway/persisted-documents';
import { fail, parseArgs } from './cli';

/**
 * npm run trust -- <manifest.json> [--replace]: registers a front end's operations for trusted-documents mode.
 * The manifest is Apollo's persisted-query manifest ({ format: "apollo-persisted-query-manifest", operations:
 * [{ id, name, type, body }] }), id being the SHA-256 of body. --replace makes the registered set exactly the
 * manifest's (operations it no longer lists stop running).
 */
async function main() {
  const args = parseArgs({ replace: 'boolean' });
  const [file] = args.positional;
  if (!file) fail('usage: npm run trust -- <persisted-query-manifest.json> [--replace]');
  const config = configOrExit();
  if (!config.redisUrl) fail('REDIS_URL is not set: trusted documents live in Redis');
  let operations: ManifestOperation[];
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { operations?: ManifestOperation[] };
    if (!Array.isArray(manifest.operations)) throw new Error('no "operations" list');
    operations = manifest.operations;
    for (const op of operations) {
      if (typeof op.id !== 'string' || typeof op.body !== 'string')
        throw new Error('each operation needs a string id and body');
      parse(op.body);
    }
  } catch (error) {
    fail(`manifest refused, nothing registered: ${(error as Error).message}`);
  }
  const redis = createRedis(config.redisUrl);
  try {
    await redisReady(redis);
    const count = await registerTrustedDocuments(redis, operations!, { replace: args.flags.has('replace') });
    console.log(`${count} operation(s) registered${args.flags.has('replace') ? ', others removed' : ''}`);
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => fail(`trust failed: ${(error as Error).message}`));
