import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { logger } from '../runtime/logger';
import type { GraphQLParams, Refusal } from '../runtime/http-server';

/**
 * Automatic persisted queries (APQ) and trusted documents, both kept in Redis so that every gateway instance
 * knows what any of them learned or was given.
 *
 * - APQ is a cache: Redis away means a miss, the client sends the text again, and the request is served.
 * - Trusted documents decide what may run: Redis away means nothing runs (503), never "anything runs".
 */

const APQ_PREFIX = 'dmp:apq:';
export const TRUSTED_KEY = 'dmp:trusted-documents';
/** A registered APQ document lives this long after its last registration. */
export const APQ_TTL_SECONDS = 7 * 24 * 3600;

export type Sha256 = string & { readonly __brand: 'Sha256' };
const SHA256 = /^[0-9a-f]{64}$/;
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex') as Sha256;

/** Apollo Server's KeyValueCache over Redis for APQ; every failure is a miss or a dropped write. */
export function redisApqCache(redis: Redis) {
  return {
    async get(key: string): Promise<string | undefined> {
      try {
        return (await redis.get(APQ_PREFIX + key)) ?? undefined;
      } catch (error) {
        logger.warn({ reason: (error as Error).message }, 'persisted query cache unavailable: answered as a miss');
        return undefined;
      }
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      try {
        await redis.set(APQ_PREFIX + key, value, 'EX', options?.ttl ?? APQ_TTL_SECONDS);
      } catch (error) {
        logger.warn(
          { reason: (error as Error).message },
          'persisted query cache unavailable: a document was not stored',
        );
      }
    },
    async delete(key: string): Promise<boolean> {
      try {
        return (await redis.del(APQ_PREFIX + key)) > 0;
      } catch {
        return false;
      }
    },
  };
}

export interface ManifestOperation {
  id: string;
  body: string;
  name?: string;
  type?: string;
}

/** Stores the operations of a persisted-query manifest (Apollo's format); `replace` drops any not in it. */
export async function registerTrustedDocuments(
  redis: Redis,
  operations: ManifestOperation[],
  options: { replace?: boolean } = {},
): Promise<number> {
  for (const op of operations) {
    if (sha256(op.body) !== op.id) throw new Error(`operation ${op.name ?? op.id}: id is not the SHA-256 of its body`);
  }
  const multi = redis.multi();
  if (options.replace) multi.del(TRUSTED_KEY);
  if (operations.length > 0) multi.hset(TRUSTED_KEY, Object.fromEntries(operations.map((op) => [op.id, op.body])));
  await multi.exec();
  return operations.length;
}

const NOT_ALLOWED: Refusal = {
  status: 400,
  message: 'Only registered operations are accepted: send the sha256Hash of a registered document',
  code: 'PERSISTED_QUERY_NOT_ALLOWED',
};

/**
 * Trusted-documents mode: the request names a registered document by its hash (extensions.persistedQuery),
 * and the gateway runs that document's text, whatever text came with it. Unknown hash: refused. Redis
 * unreachable: refused as unavailable.
 */
export async function resolveTrustedDocument(redis: Redis, body: GraphQLParams): Promise<{ query: string } | Refusal> {
  const hash = body?.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash !== 'string' || !SHA256.test(hash)) return NOT_ALLOWED;
  let query: string | null;
  try {
    query = await redis.hget(TRUSTED_KEY, hash);
  } catch {
    return {
      status: 503,
      message: 'The list of registered operations is unavailable; retry shortly',
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  if (query === null) return NOT_ALLOWED;
  if (typeof body?.query === 'string' && body.query !== query) return NOT_ALLOWED;
  return { query };
}
