import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../domain/paths';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';
import { startTestGraph, type TestGraph } from './support/test-graph';

/**
 * The README's commands beside a running `npm start` on the embedded store (scripts/embedded-server.ts): the
 * token comes from the running server; the commands that would open a copy of the store (audit:verify, load,
 * seed, retention) stop before opening anything, saying why. The "server" is a test graph announced in a data
 * directory of this test's own; the commands are the built ones, run as npm runs them.
 */
function command(dataDir: string, script: string, ...args: string[]) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [projectPath('dist', 'scripts', `${script}.js`), ...args],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', KEYS_DIR: join(dataDir, 'keys') },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('the embedded store beside a running npm start', () => {
  let graph: TestGraph;
  let dataDir: string;
  beforeAll(async () => {
    graph = await startTestGraph(demoScenario());
    dataDir = mkdtempSync(join(tmpdir(), 'dmp-beside-'));
    // As npm start announces itself (its pid is alive: this test's process, another than the command's).
    writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ pid: process.pid, url: graph.gatewayUrl }));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await graph?.stop();
  });

  /** A built command, run as npm runs it; asynchronously, since the server it may ask lives in this process. */
  const run = (script: string, ...args: string[]) => command(dataDir, script, ...args);

  it('npm run token: minted by the running server, and it opens the record', async () => {
    const minted = await run('token', `ps:${DEMO.doctor}`);
    expect(minted.stderr).toBe('');
    expect(minted.status).toBe(0);
    const token = minted.stdout.trim();
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ patient(ins: "${DEMO_PATIENT_INS}") { identity { firstName } } }` }),
    });
    expect(((await answer.json()) as any).data.patient.identity.firstName).toBe('Hélène');
    // An actor the server does not know: named, exit 2.
    const unknown = await run('token', 'ps:99999999999');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no actor ps:99999999999');
  });

  it.each<[string, string[]]>([
    ['audit:verify', ['audit-verify']],
    ['load', ['load', projectPath('test', 'scenarios', 'identities.json')]],
    ['seed', ['seed', '--patients', '3']],
    ['retention', ['retention']],
  ])('npm run %s: stops before opening the store, saying why', async (name, [script, ...args]) => {
    const refused = await run(script, ...args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${name}: \`npm start\` is serving this embedded store (pid ${process.pid}`);
    expect(existsSync(join(dataDir, 'stores'))).toBe(false);
  });

  it('an announcement left by a process that died is ignored', async () => {
    const gone = mkdtempSync(join(tmpdir(), 'dmp-gone-'));
    try {
      // A pid no process holds (the kernel's limit is far lower).
      writeFileSync(join(gone, 'server.json'), JSON.stringify({ pid: 2 ** 30, url: graph.gatewayUrl }));
      const verified = await command(gone, 'audit-verify');
      expect(verified.stderr).not.toContain('is serving this embedded store');
      expect(verified.status).toBe(0);
    } finally {
      rmSync(gone, { recursive: true, force: true });
    }
  }, 60_000);
});
