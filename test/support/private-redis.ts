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

/**
 * A redis-server of this test's own on loopback, which the test may kill, pause and start again (empty: no
 * persistence). The free port is only free when asked: another test's server may take it before redis-server
 * binds it, and redis-server then exits. It is then started again on another port, rather than waited for.
 */
export async function privateRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'dmp-redis-'));
  let port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const server = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child = server;
      let said = '';
      let ready = false;
      server.stdout!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (!ready && said.includes('Ready to accept connections')) {
          ready = true;
          resolve();
        }
      });
      server.once('error', reject);
      server.once('exit', (code) => {
        if (!ready) reject(new Error(`redis-server exited (${code}) before it was ready on port ${port}`));
      });
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
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (error) {
      if (attempt === 5) throw error;
      port = await freePort();
    }
  }
  return { url: `redis://127.0.0.1:${port}`, start, kill, pause, resume };
}

export type PrivateRedis = Awaited<ReturnType<typeof privateRedis>>;

/** How Redis fails, as it.each rows: a label, what makes it fail, what lets it come back (`redis` read when run). */
export const redisFailures = (redis: () => PrivateRedis) =>
  [
    ['refused (stopped)', () => redis().kill(), () => redis().start()],
    ['hung (paused)', async () => redis().pause(), async () => redis().resume()],
  ] as [string, () => Promise<void>, () => Promise<void>][];
