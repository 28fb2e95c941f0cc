/** Tiny argument reader for the npm scripts: `--name value` pairs and positional arguments. */
export function parseArgs(argv = process.argv.slice(2)) {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags.set(arg.slice(2), next);
        i++;
      } else flags.set(arg.slice(2), true);
    } else positional.push(arg);
  }
  const number = (name: string, fallback: number) => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) fail(`--${name} must be a whole number`);
    return parsed;
  };
  return { flags, positional, number };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A one-line progress bar on stderr; where stderr is not a terminal (CI logs), a line every tenth. */
export function progress(label: string, total: number) {
  const started = Date.now();
  let last = 0;
  let lastTenth = 0;
  let finished = false;
  return {
    update(done: number) {
      if (finished) return;
      finished = done >= total;
      const now = Date.now();
      if (done < total && now - last < 200) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.round(rate)}/s`;
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
      else if (tenth > lastTenth || done >= total) process.stderr.write(`${line}\n`);
      lastTenth = tenth;
    },
  };
}
