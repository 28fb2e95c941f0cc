import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../domain/paths';
import { SOURCE_NAMES } from '../domain/sources';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The compose start as processes, without images: the six subgraph processes (dist/subgraphs/<name>/main.js,
 * the entry points docker-compose runs) started at the same instant on an empty database, each creating its
 * schema and all of them migrating the shared audit schema at once; every one must come up and answer
 * /readyz. Then the gateway process, which must find all six ready.
 */
const ROUNDS = 3;

describe('six subgraph processes started at once on an empty database', () => {
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
    'round %i: all six migrate and listen',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      const children: ChildProcess[] = [];
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
                  REDIS_URL: '',
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
        const outcomes = await Promise.all(started);
        expect(outcomes.filter((o) => o.port === undefined)).toEqual([]);
        for (const { port } of outcomes) {
          const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
          expect(ready.status).toBe(200);
        }
        // Then the gateway, as compose starts it once the six are healthy, routed to where they listen.
        const routes = Object.fromEntries(
          outcomes.map((o) => [
            `SUBGRAPH_${o.name.toUpperCase().replace(/-/g, '_')}_URL`,
            `http://127.0.0.1:${o.port}/graphql`,
          ]),
        );
        const gateway = spawn(process.execPath, [projectPath('dist', 'gateway', 'main.js')], {
          env: { ...process.env, ...routes, KEYS_DIR: join(dir, 'keys'), PORT: '0', LOG_LEVEL: 'info', REDIS_URL: '' },
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
      }
    },
    60_000,
  );
});
