import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type RuntimeConfig } from '../../runtime/config';
import { projectPath } from '../../domain/paths';
import { openStores } from '../../scripts/platform';
import { localToken } from '../../scripts/local-token';
import { createTestDatabase } from '../../test/support/test-database';
import type { SqlStore } from '../../runtime/store/sql-store';
import type { SubgraphName } from '../../subgraphs/kit/context';

/** A fresh PostgreSQL database and key directory for one benchmark run, dropped by `drop()`. */
export async function benchEnvironment(name: string) {
  const database = await createTestDatabase(`dmp_bench_${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), `dmp-bench-${name}-`));
  const config: RuntimeConfig = {
    ...readConfig({}),
    databaseUrl: database.url,
    dataDir,
    keysDir: join(dataDir, 'keys'),
  };
  const env = {
    ...process.env,
    DATABASE_URL: config.databaseUrl!,
    DATA_DIR: dataDir,
    KEYS_DIR: config.keysDir,
    LOG_LEVEL: 'silent',
  };
  return {
    config,
    env,
    openStores: (): Promise<Record<SubgraphName, SqlStore>> => openStores(config),
    async token(stores: Record<SubgraphName, SqlStore>, actorId: string) {
      const token = await localToken(stores.patient, config, actorId);
      if (!token) throw new Error(`no actor ${actorId}`);
      return token;
    },
    async drop() {
      await database.drop();
    },
  };
}

/** Starts `dist/bench/serve.js` in its own process (so the load generator does not share its event loop). */
export function serve(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectPath('dist', 'bench', 'serve.js'), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString());
      if (match)
        resolve({
          url: match[1],
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
