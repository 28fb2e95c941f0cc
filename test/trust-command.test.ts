import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../domain/paths';
import { privateRedis } from './support/private-redis';

/**
 * `npm run trust -- manifest.json` against a live Redis, as the README gives it: the command waits for the
 * connection before it sends (it used to send at once and fail with "Stream isn't writeable").
 */
describe('npm run trust', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmp-trust-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const body = '{ __typename }';
  const manifest = join(dir, 'manifest.json');
  writeFileSync(
    manifest,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: createHash('sha256').update(body).digest('hex'), name: 'T', type: 'query', body }],
    }),
  );
  const trust = (redisUrl: string) =>
    spawnSync(process.execPath, [projectPath('dist', 'scripts', 'trust.js'), manifest], {
      env: { PATH: process.env.PATH, REDIS_URL: redisUrl, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('registers the manifest in a Redis that answers', async () => {
    const redis = await privateRedis();
    try {
      const result = trust(redis.url);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^1 operation\(s\) registered$/m);
      expect(result.status).toBe(0);
    } finally {
      await redis.kill();
    }
  });

  it('says so, and exits 2, when Redis does not answer', () => {
    const result = trust('redis://127.0.0.1:9');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Redis did not answer/);
  });
});
