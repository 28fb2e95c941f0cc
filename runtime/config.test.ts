import { spawnSync } from 'node:child_process';
import { ConfigError, readConfig } from './config';
import { projectPath } from '../domain/paths';

const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('configuration is validated at start: a bad value stops it, naming the variable', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'a duration with a unit',
      { SUBGRAPH_TIMEOUT_MS: '5s' },
      'SUBGRAPH_TIMEOUT_MS="5s": expected milliseconds, a whole number',
    ],
    ['a zero timeout', { ANALYTICS_TIMEOUT_MS: '0' }, 'ANALYTICS_TIMEOUT_MS="0": expected at least 1'],
    ['a port out of range', { PORT: '70000' }, 'PORT="70000": expected a port, 0 to 65535'],
    ['a negative grace', { SHUTDOWN_GRACE_MS: '-1' }, 'SHUTDOWN_GRACE_MS="-1": expected milliseconds, a whole number'],
    [
      'minutes as words',
      { EMERGENCY_GRANT_MINUTES: 'sixty' },
      'EMERGENCY_GRANT_MINUTES="sixty": expected minutes, a whole number',
    ],
    [
      'a database that is not PostgreSQL',
      { DATABASE_URL: 'mysql://localhost/dmp' },
      'DATABASE_URL="mysql://localhost/dmp": expected a URL (postgres: or postgresql:)',
    ],
    [
      'a Redis address without a scheme',
      { REDIS_URL: '127.0.0.1:6379' },
      'REDIS_URL="127.0.0.1:6379": expected a URL (redis: or rediss:)',
    ],
    [
      'a short metrics token, not echoed',
      { METRICS_TOKEN: 'guessable' },
      'METRICS_TOKEN=(hidden): expected at least 24 characters',
    ],
    [
      "a store URL's password, masked",
      { DATABASE_URL: 'mysql://dmp:s3cret@db/dmp' },
      'DATABASE_URL="mysql://dmp:***@db/dmp": expected a URL (postgres: or postgresql:)',
    ],
    ['a yes for a flag', { TRUSTED_DOCUMENTS: 'yes' }, 'TRUSTED_DOCUMENTS="yes": expected 1, true, 0 or false'],
    ['a date for DMP_NOW', { DMP_NOW: '2028-02-29' }, 'DMP_NOW="2028-02-29": expected an ISO instant'],
    [
      'DMP_NOW in production',
      { DMP_NOW: '2028-02-29T12:00:00Z', NODE_ENV: 'production' },
      'DMP_NOW: refused in production',
    ],
    [
      'a subgraph URL naming no source',
      { SUBGRAPH_PHARMACIE_URL: 'http://pharmacy:4003/graphql' },
      'SUBGRAPH_PHARMACIE_URL: names no source',
    ],
    [
      'a subgraph URL that is none',
      { SUBGRAPH_PHARMACY_URL: 'pharmacy:4003' },
      'SUBGRAPH_PHARMACY_URL="pharmacy:4003": expected a URL',
    ],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL="verbose": expected a pino level'],
  ])('refuses %s', (_label, env, message) => {
    expect(refusal(env)).toContain(message);
  });

  it('lists every problem at once', () => {
    const message = refusal({ SUBGRAPH_TIMEOUT_MS: '5s', PORT: 'x' });
    expect(message).toContain('SUBGRAPH_TIMEOUT_MS');
    expect(message).toContain('PORT');
  });

  it('reads good values and defaults, and an empty value as unset', () => {
    const config = readConfig({
      SUBGRAPH_TIMEOUT_MS: '2500',
      TRUSTED_DOCUMENTS: 'true',
      PORT: '',
      SUBGRAPH_PERSONAL_SPACE_URL: 'http://space:4006/graphql',
      AUDIT_DATABASE_URL: 'postgres://audit/dmp',
      OTHER_DATABASE_URL: 'not ours',
    });
    expect(config).toMatchObject({
      subgraphTimeoutMs: 2500,
      trustedDocuments: true,
      gatewayPort: 4000,
      port: null,
      analyticsTimeoutMs: 30_000,
      emergencyGrantMinutes: 60,
      subgraphUrls: { 'personal-space': 'http://space:4006/graphql' },
      storeUrls: { audit: 'postgres://audit/dmp' },
    });
    expect(readConfig({ DMP_NOW: '2028-02-29T12:00:00Z' }).clock.now().toISOString().slice(0, 10)).toBe('2028-02-29');
  });

  // `npm test` builds dist/ first (as test/graceful-shutdown does, this runs the real entry point).
  const gateway = projectPath('dist', 'gateway', 'main.js');
  it('the gateway refuses to start with a bad value: exit 2, the variable named, no stack', () => {
    const run = spawnSync(process.execPath, [gateway], {
      env: { ...process.env, SUBGRAPH_TIMEOUT_MS: '5s', PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SUBGRAPH_TIMEOUT_MS="5s": expected milliseconds, a whole number');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
