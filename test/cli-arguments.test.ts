import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../domain/paths';

/**
 * The npm scripts read their arguments strictly (scripts/cli.ts): a misspelt flag stops the command with a
 * message naming it, before anything is opened or written. Run as a newcomer runs them (the built scripts).
 */
describe('the commands refuse arguments they do not take', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmp-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [projectPath('dist', 'scripts', `${script}.js`), ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    ['seed', ['--patinets', '5'], /Unknown option '--patinets'.*--patients, --seed, --force/],
    ['seed', ['--patients', 'many'], /--patients must be a whole number/],
    ['seed', ['--patients', '-3'], /--patients/],
    ['token', ['--lst'], /Unknown option '--lst'.*--list/],
    ['load', ['--force', 'file.json'], /Unknown option '--force'.*no flag/],
    ['audit-verify', ['--expect-head'], /--expect-head/],
    ['trust', ['--replce', 'manifest.json'], /Unknown option '--replce'.*--replace/],
  ])('%s %j: exits 2 naming what is wrong, having opened nothing', (script, args, message) => {
    const result = run(script, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('a flag it takes still works', () => {
    const result = run('token', ['--list']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ps:10000000001 professional /m);
  });
});
