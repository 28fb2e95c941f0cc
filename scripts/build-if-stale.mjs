// `npm run build`, as every command runs it first: tsc only when a source is newer than the last build, so a
// second `npm start` reuses dist/ instead of compiling the project again (README "Measured"). Plain JS: it runs
// before anything is compiled. `npm run build -- --force` compiles whatever the dates say.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const record = join(root, 'dist', '.tsbuildinfo');
const config = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));

/** The newest modification time under `path`, of the files tsc reads (sources and the JSON they import). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(path) ? stat.mtimeMs : 0;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = statSync(record, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const inputs = [...config.include, 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const changed = Math.max(...inputs.map((p) => newest(join(root, p))));
if (process.argv.includes('--force') || changed >= built) {
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // tsc leaves its record untouched when no output changed: the record's date is when the build was last checked.
  // A build that failed is not reused: the next run compiles again and fails again until it is mended.
  if (tsc.status === 0) utimesSync(record, new Date(), new Date());
  else rmSync(record, { force: true });
  process.exit(tsc.status ?? 1);
}
