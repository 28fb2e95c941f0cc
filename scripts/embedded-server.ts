import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeConfig } from '../runtime/config';
import { fail } from './cli';

/**
 * The embedded store (PGlite under the data directory) is one process's at a time: a second process opening it
 * reads a copy of its own, which the server never sees (a `load` that says "loaded" and serves nothing, an
 * `audit:verify` of a stale chain). `npm start` says where it serves in `<data dir>/server.json`; the commands
 * beside it read that file, and either go through the server (`token`) or stop, saying so, before opening
 * anything. On PostgreSQL there is no such file: every process shares the server.
 */
export interface EmbeddedServer {
  pid: number;
  url: string;
}

const embedded = (config: RuntimeConfig) => !config.databaseUrl && Object.keys(config.storeUrls).length === 0;
const announcement = (config: RuntimeConfig) => join(config.dataDir, 'server.json');

/** Written by `npm start` once it serves on the embedded store; the returned function takes it back. */
export function announceEmbeddedServer(config: RuntimeConfig, url: string): () => void {
  if (!embedded(config)) return () => undefined;
  const path = announcement(config);
  writeFileSync(path, JSON.stringify({ pid: process.pid, url } satisfies EmbeddedServer) + '\n');
  return () => rmSync(path, { force: true });
}

/** The `npm start` serving this embedded store now, if any (a file left by a process that died is ignored). */
export function embeddedServer(config: RuntimeConfig): EmbeddedServer | null {
  if (!embedded(config)) return null;
  let server: EmbeddedServer;
  try {
    server = JSON.parse(readFileSync(announcement(config), 'utf8')) as EmbeddedServer;
    process.kill(server.pid, 0);
  } catch {
    return null;
  }
  return server.pid === process.pid ? null : server;
}

/** Stops a command that would open the embedded store while `npm start` holds it. */
export function refuseBesideEmbeddedServer(config: RuntimeConfig, command: string): void {
  const server = embeddedServer(config);
  if (server)
    fail(
      `${command}: \`npm start\` is serving this embedded store (pid ${server.pid}, ${server.url}), and an embedded store is one process's at a time. Stop it first (Ctrl-C), or run on PostgreSQL (README, "PostgreSQL, data and docker-compose").`,
    );
}
