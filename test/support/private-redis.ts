import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });

/** A redis-server of this test's own on loopback, which the test may kill, pause and start again (empty: no persistence). */
export async function privateRedis() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dmp-redis-'));
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
      child.once('error', reject);
    });
  const kill = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  /** A hung server: the port accepts connections, nothing answers (SIGSTOP), until `resume`. */
  const pause = () => {
    child?.kill('SIGSTOP');
  };
  const resume = () => {
    child?.kill('SIGCONT');
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, kill, pause, resume };
}

export type PrivateRedis = Awaited<ReturnType<typeof privateRedis>>;

/** How Redis fails, as it.each rows: a label, what makes it fail, what lets it come back (`redis` read when run). */
export const redisFailures = (redis: () => PrivateRedis) =>
  [
    ['refused (stopped)', () => redis().kill(), () => redis().start()],
    ['hung (paused)', async () => redis().pause(), async () => redis().resume()],
  ] as [string, () => Promise<void>, () => Promise<void>][];
