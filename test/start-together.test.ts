import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectPath } from '../domain/paths';
import { SOURCE_NAMES } from '../domain/sources';
import { createRedis, redisReady } from '../runtime/redis';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { eventually } from './support/eventually';

/**
 * The compose start as processes, without images: the six subgraph processes (dist/subgraphs/<name>/main.js,
 * the entry points docker-compose runs) and the notifier (dist/scripts/notifier.js) started at the same instant
 * on an empty database, each subgraph creating its schema and all seven migrating the shared audit schema at
 * once; every subgraph must come up and answer /readyz, and the notifier must run: its heartbeat written (what
 * its container's healthcheck reads) and a notification queued in the outbox delivered. Then the gateway
 * process, which must find all six ready.
 */
const ROUNDS = 3;
/**
 * The machine's Redis (127.0.0.1:6379), as compose gives every process one, on a database index of this test's
 * own: the notifier's stream (`dmp:notifications`) has a fixed name, and the index keeps it from other tests'
 * (which run a Redis of their own, test/support/private-redis.ts) and from a development graph on database 0.
 */
const REDIS_URL = 'redis://127.0.0.1:6379/11';
const STREAM = 'dmp:notifications';

/** Empties this test's Redis database of the stream a round before leaves (its entries name another database's rows). */
async function dropStream() {
  const redis = createRedis(REDIS_URL);
  try {
    await redisReady(redis);
    await redis.del(STREAM);
  } finally {
    redis.disconnect();
  }
}

describe('six subgraph processes and the notifier started at once on an empty database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dmp-together-'));
    const keys = spawnSync(process.execPath, [projectPath('dist', 'scripts', 'keys.js')], {
      env: { ...process.env, KEYS_DIR: join(dir, 'keys') },
      encoding: 'utf8',
    });
    expect(keys.status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    'round %i: all six migrate and listen, and the notifier runs',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      const children: ChildProcess[] = [];
      await dropStream();
      const heartbeat = join(dir, 'notifier.alive');
      rmSync(heartbeat, { force: true });
      try {
        const started = SOURCE_NAMES.map(
          (name) =>
            new Promise<{ name: string; port?: number; exit?: number | null; stderr: string }>((resolve) => {
              const child = spawn(process.execPath, [projectPath('dist', 'subgraphs', name, 'main.js')], {
                env: {
                  ...process.env,
                  DATABASE_URL: database.url,
                  KEYS_DIR: join(dir, 'keys'),
                  DATA_DIR: dir,
                  PORT: '0',
                  LOG_LEVEL: 'info',
                  REDIS_URL,
                },
                stdio: ['ignore', 'pipe', 'pipe'],
              });
              children.push(child);
              let stdout = '';
              let stderr = '';
              child.stdout!.on('data', (chunk: Buffer) => {
                stdout += chunk.toString();
                const line = stdout.split('\n').find((l) => l.includes('"subgraph listening"'));
                if (line) resolve({ name, port: JSON.parse(line).port, stderr });
              });
              child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
              child.on('exit', (code) => resolve({ name, exit: code, stderr: stderr + stdout.slice(-2000) }));
            }),
        );
        // The notifier in the same instant, with its compose environment (no webhook: it logs what it delivers).
        const notifier = spawn(process.execPath, [projectPath('dist', 'scripts', 'notifier.js')], {
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            REDIS_URL,
            KEYS_DIR: join(dir, 'keys'),
            DATA_DIR: dir,
            LOG_LEVEL: 'info',
            SERVICE_NAME: 'notifier',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(notifier);
        let notifierOutput = '';
        notifier.stdout!.on('data', (chunk: Buffer) => (notifierOutput += chunk.toString()));
        notifier.stderr!.on('data', (chunk: Buffer) => (notifierOutput += chunk.toString()));
        const outcomes = await Promise.all(started);
        expect(outcomes.filter((o) => o.port === undefined)).toEqual([]);
        for (const { port } of outcomes) {
          const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
          expect(ready.status).toBe(200);
        }
        // The notifier is up: still running, its rounds completing, and what the outbox holds delivered.
        const alive = () => ({ exit: notifier.exitCode, output: notifier.exitCode === null ? '' : notifierOutput });
        expect(alive()).toEqual({ exit: null, output: '' });
        await eventually(async () => expect(existsSync(heartbeat)).toBe(true), 20_000);
        const pg = new Client({ connectionString: database.url });
        await pg.connect();
        try {
          const [{ id }] = (
            await pg.query<{ id: string }>(
              `INSERT INTO audit.notification_outbox (patient_ins, kind, request_id, at)
               VALUES ('284077511612365', 'NEW_DOCUMENT', 'start-together', now()) RETURNING id::text`,
            )
          ).rows;
          await eventually(async () => {
            const { rows } = await pg.query(
              'SELECT 1 FROM audit.notification_outbox WHERE id = $1 AND delivered_at IS NOT NULL',
              [id],
            );
            expect(rows).toHaveLength(1);
          }, 20_000);
          expect(notifierOutput).toContain(`"notification":"${id}"`);
        } finally {
          await pg.end();
        }
        expect(alive()).toEqual({ exit: null, output: '' });
        // Then the gateway, as compose starts it once the six are healthy, routed to where they listen.
        const routes = Object.fromEntries(
          outcomes.map((o) => [
            `SUBGRAPH_${o.name.toUpperCase().replace(/-/g, '_')}_URL`,
            `http://127.0.0.1:${o.port}/graphql`,
          ]),
        );
        const gateway = spawn(process.execPath, [projectPath('dist', 'gateway', 'main.js')], {
          env: { ...process.env, ...routes, KEYS_DIR: join(dir, 'keys'), PORT: '0', LOG_LEVEL: 'info', REDIS_URL },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(gateway);
        const gatewayPort = await new Promise<number | null>((resolve) => {
          let stdout = '';
          gateway.stdout!.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            const line = stdout.split('\n').find((l) => l.includes('"gateway listening"'));
            if (line) resolve(JSON.parse(line).port);
          });
          gateway.on('exit', () => resolve(null));
        });
        expect(gatewayPort).not.toBeNull();
        const readiness = await (await fetch(`http://127.0.0.1:${gatewayPort}/readyz`)).json();
        expect(readiness).toEqual({
          status: 'ready',
          dependencies: Object.fromEntries(SOURCE_NAMES.map((name) => [name, 'ready'])),
        });
      } finally {
        for (const child of children) child.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 200));
        await database.drop();
        await dropStream();
      }
    },
    90_000,
  );
});
