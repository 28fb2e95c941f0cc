import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { readConfig, type RuntimeConfig } from '../../runtime/config';
import { loadOrCreateKeyPair } from '../../runtime/keys';
import { projectPath } from '../../runtime/paths';
import { ISSUER_KEY, openStores } from '../../gateway/platform';
import { mintToken } from '../../gateway/local-issuer';
import { findActor } from '../../subgraphs/patient/actor.repo';
import type { SqlStore } from '../../runtime/store/sql-store';
import type { SubgraphName } from '../../runtime/subgraph';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh PostgreSQL database and key directory for one benchmark run, dropped by `drop()`. */
export async function benchEnvironment(name: string) {
  const database = `dmp_bench_${name}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), `dmp-bench-${name}-`));
  const config: RuntimeConfig = { ...readConfig({}), databaseUrl: url.toString(), dataDir, keysDir: join(dataDir, 'keys') };
  const env = { ...process.env, DATABASE_URL: config.databaseUrl!, DATA_DIR: dataDir, KEYS_DIR: config.keysDir, LOG_LEVEL: 'silent' };
  return {
    config,
    env,
    openStores: (): Promise<Record<SubgraphName, SqlStore>> => openStores(config),
    async token(stores: Record<SubgraphName, SqlStore>, actorId: string) {
      const issuer = await loadOrCreateKeyPair(config.keysDir, ISSUER_KEY);
      const actor = await findActor(stores.patient, actorId);
      if (!actor) throw new Error(`no actor ${actorId}`);
      return mintToken(issuer.privateKey, actor, config.auth);
    },
    async drop() {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Starts `dist/bench/serve.js` in its own process (so the load generator does not share its event loop). */
export function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectPath('dist', 'bench', 'serve.js'), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1], child, stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
