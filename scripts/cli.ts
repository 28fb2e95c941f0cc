import { parseArgs as parseNodeArgs } from 'node:util';

/** The flags a command takes: a value (`--patients 1000`) or a switch (`--force`). */
export type Flags = Record<string, 'string' | 'boolean'>;

/**
 * The npm scripts' arguments, read strictly (node:util parseArgs): an unknown flag, a switch given a value or a
 * flag missing its value stops the command with a message naming it and the flags it knows, instead of being
 * ignored (`--patinets 5` used to seed the default thousand).
 */
export function parseArgs(known: Flags, argv = process.argv.slice(2)) {
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(known).map(([name, type]) => [name, { type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const flags = Object.keys(known).map((name) => `--${name}`);
    fail(
      `${(error as Error).message}${flags.length ? ` (this command takes ${flags.join(', ')})` : ' (this command takes no flag)'}`,
    );
  }
  const flags = new Map(Object.entries(parsed.values) as [string, string | boolean][]);
  const number = (name: string, fallback: number) => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const whole = Number(value);
    if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(whole))
      fail(`--${name} must be a whole number`);
    return whole;
  };
  /** A comma-separated list of whole numbers (`--sizes 100000,1000000`). */
  const numbers = (name: string, fallback: number[]) => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !/^\d+(,\d+)*$/.test(value))
      fail(`--${name} must be whole numbers separated by commas`);
    return value.split(',').map(Number);
  };
  return { flags, positional: parsed.positionals, number, numbers };
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
