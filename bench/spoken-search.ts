import 'reflect-metadata';
import { Client } from 'pg';
import { readConfig, type RuntimeConfig } from '../runtime/config';
import { openStore } from '../runtime/store/open-store';
import { ingest } from '../scripts/scenario/ingest/patient';
import { patient as registry } from '../subgraphs/patient/schema';
import { findSpokenCandidates } from '../subgraphs/patient/identity-search-variants.repo';
import { spokenQuestion, type SpokenIdentityTraits } from '../subgraphs/patient/identity-search-variants.resolver';
import { MAX_CANDIDATES } from '../subgraphs/patient/identity-search.resolver';
import { isLocalDate, parisDate } from '../domain/calendar';
import { ADMIN_URL, createTestDatabase } from '../test/support/test-database';
import { generatedLoader } from './support/generated-loader';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../scripts/cli';

/**
 * Issue 20's benchmark: recall and latency of `searchPatientsBySpokenTraits` on spoken variants of real generated
 * records. Each query takes one stored patient and says it as a caller would, with one kind of error (a phonetic
 * misspelling of the name, accents or hyphens lost or added, the used name for the birth name, the first name by
 * its initial, day and month swapped, the year off by one, an age range instead of the date). It runs the
 * resolver's own question (`spokenQuestion`) and SQL (`findSpokenCandidates`), without HTTP, and reports where the
 * patient ranks (recall at 1, 3, 10), how many candidates came back, and the latency (question + SQL).
 *
 *   npm run bench:spoken [-- --sizes 100000,1000000 --queries 2100 --keep]
 *
 * `--keep` leaves the loaded database (dmp_bench_spoken) behind and reuses it when it already holds the largest
 * size, so a change of query shape is measured again without loading a million patients.
 */
const args = parseArgs({ sizes: 'string', queries: 'string', keep: 'boolean', misses: 'boolean' });
const SIZES = args.numbers('sizes', [100_000, 1_000_000]);
const QUERIES = args.number('queries', 2100);
const KEEP = args.flags.get('keep') === true;
const KEPT_DATABASE = 'dmp_bench_spoken';

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

interface Stored {
  ins: string;
  birth_name: string;
  used_name: string | null;
  first_name: string;
  given_names: string[];
  sex: 'F' | 'M';
  birth_date: string;
  birthplace_code: string;
}

/** Spellings that sound the same in French, the first that changes the name is used (a caller spelling by ear). */
const SOUNDS_ALIKE: [RegExp, string][] = [
  [/eau/, 'o'],
  [/(?<!e)au/, 'o'],
  [/ph/, 'f'],
  [/bvre/, 'vre'],
  [/èvre/, 'ebvre'],
  [/([lrstnmf])\1/, '$1'],
  // Y sounds I except between vowels, where it is [j] (N'Diaye, Nguyen): not rewritten there.
  [/(?<![aeiou])y|y(?![aeiou])/, 'i'],
  [/qu/, 'k'],
  [/c([aou])/, 'k$1'],
  [/ez$/, 'é'],
  [/er$/, 'é'],
  [/and$/, 'ant'],
  [/ard$/, 'art'],
  [/ert$/, 'ère'],
  [/ain/, 'in'],
  [/ein/, 'ain'],
  [/en([^aeiouy]|$)/, 'an$1'],
  [/an([^aeiouy]|$)/, 'en$1'],
  [/ai/, 'è'],
  [/x$/, ''],
  [/t$/, 'tte'],
  [/s$/, ''],
  [/d$/, 't'],
  [/in$/, 'ain'],
  [/([aeiou])s([aeiou])/, '$1z$2'],
  [/(?<![aeiou])i(?![aeiou])/, 'y'],
];

function soundsAlike(name: string, i: number): string {
  const lower = name.toLowerCase();
  const rules = SOUNDS_ALIKE.filter(([re]) => re.test(lower));
  if (!rules.length) return name;
  const [re, to] = rules[i % rules.length];
  return lower.replace(re, to);
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Accents lost or added, hyphens dropped, run together or added. */
function accentsAndHyphens(p: Stored, i: number): { name: string; firstName: string } {
  const accented = (s: string) => s.replace(/e/, 'é');
  const hyphens = (s: string) =>
    s.includes('-') ? (i % 2 ? s.replace(/-/g, ' ') : s.replace(/-/g, '')) : s.includes(' ') ? s.replace(/ /g, '-') : s;
  const name = p.birth_name;
  const firstName = p.first_name;
  switch (i % 3) {
    case 0:
      return { name: stripAccents(name), firstName: stripAccents(firstName) };
    case 1:
      return { name: stripAccents(name) === name ? accented(name) : name, firstName: hyphens(firstName) };
    default:
      return {
        name: hyphens(name),
        firstName: stripAccents(firstName) === firstName ? accented(firstName) : stripAccents(firstName),
      };
  }
}

const age = (birth: string, today: string) =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);

const departementOfBirth = (code: string) =>
  code.startsWith('99') ? null : code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);

const VARIANTS = [
  'phonetic misspelling',
  'accents and hyphens',
  'used name for birth name',
  'first-name initial',
  'day and month swapped',
  'year off by one',
  'age range',
] as const;
type Variant = (typeof VARIANTS)[number];

/** Whether a stored patient can be said with this error at all (a swap needs a day ≤ 12, the used name one). */
function applies(p: Stored, v: Variant): boolean {
  const [, month, day] = p.birth_date.split('-');
  if (v === 'day and month swapped') return day !== month && Number(day) <= 12;
  if (v === 'used name for birth name') return p.used_name != null;
  if (v === 'phonetic misspelling') return soundsAlike(p.birth_name, 0) !== p.birth_name.toLowerCase();
  return true;
}

function spoken(p: Stored, v: Variant, i: number, today: string): SpokenIdentityTraits {
  const base = { birthDate: p.birth_date, name: p.birth_name, firstName: p.first_name };
  switch (v) {
    case 'phonetic misspelling':
      return { ...base, name: soundsAlike(p.birth_name, i) };
    case 'accents and hyphens':
      return { ...base, ...accentsAndHyphens(p, i) };
    case 'used name for birth name':
      return { ...base, name: p.used_name! };
    case 'first-name initial':
      return { ...base, firstName: `${p.first_name[0]}.` };
    case 'day and month swapped': {
      const [y, m, d] = p.birth_date.split('-');
      return { ...base, birthDate: `${y}-${d}-${m}` };
    }
    case 'year off by one': {
      const [y, m, d] = p.birth_date.split('-');
      const year = String(Number(y) + (i % 2 ? 1 : -1));
      const date = `${year}-${m}-${d}`;
      return { ...base, birthDate: isLocalDate(date) ? date : `${year}-${m}-28` };
    }
    case 'age range': {
      const years = age(p.birth_date, today);
      const from = Math.max(0, years - (i % 6));
      const dep = departementOfBirth(p.birthplace_code);
      return {
        ageFrom: from,
        ageTo: from + 10,
        name: p.birth_name,
        firstName: p.first_name,
        // One more trait, as the demand asks: the département of birth, or the country for one born abroad.
        ...(dep ? { birthDepartement: dep } : { birthplaceCode: p.birthplace_code }),
      };
    }
  }
}

async function environment(): Promise<{ config: RuntimeConfig; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmp-bench-spoken-'));
  const withUrl = (databaseUrl: string): RuntimeConfig => ({
    ...readConfig({}),
    databaseUrl,
    dataDir,
    keysDir: join(dataDir, 'keys'),
  });
  if (!KEEP) {
    const database = await createTestDatabase('dmp_bench_spoken_run');
    return { config: withUrl(database.url), drop: database.drop };
  }
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [KEPT_DATABASE]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${KEPT_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${KEPT_DATABASE}`;
  return { config: withUrl(url.toString()), drop: async () => {} };
}

async function main() {
  const env = await environment();
  const store = await openStore(env.config, registry.name, registry.migrationsDir);
  const [{ n }] = await store.query<{ n: string }>('SELECT count(*) AS n FROM patient');
  const held = Number(n);
  const loader = generatedLoader(store, ingest, {
    label: 'loading the registry',
    patients: Math.max(...SIZES),
    seed: 20,
    documentsPerSource: 0,
  });
  const now = new Date();
  const today = parisDate(now);
  for (const size of SIZES) {
    // A kept database is measured once, at the largest size (the generator adds a few personas to the count).
    if (held > 0) {
      if (held < Math.max(...SIZES)) throw new Error(`${KEPT_DATABASE} holds ${held} patients: drop it to reload`);
      if (size !== Math.max(...SIZES)) continue;
    }
    if (!held) await loader.loadUpTo(size);
    await store.query('ANALYZE patient');
    // The callers' patients: a fixed pseudo-random sample of the stored records, fetched once.
    const sample = await store.query<Stored>(
      `SELECT ins, birth_name, used_name, first_name, given_names, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
              birthplace_code
       FROM patient WHERE dmp_status <> 'DELETED' ORDER BY md5(ins) LIMIT $1`,
      [QUERIES * 3],
    );
    const byVariant = new Map<Variant, { ranks: number[]; candidates: number[]; truncated: number; ms: number[] }>();
    const all = { ranks: [] as number[], candidates: [] as number[], truncated: 0, ms: [] as number[] };
    let next = 0;
    for (let i = 0; i < QUERIES; i++) {
      const variant = VARIANTS[i % VARIANTS.length];
      let target = sample[next++ % sample.length];
      while (!applies(target, variant)) target = sample[next++ % sample.length];
      const traits = spoken(target, variant, i, today);
      const started = process.hrtime.bigint();
      const question = spokenQuestion(traits as SpokenIdentityTraits, now);
      const rows = await findSpokenCandidates(store, { ...question.query, limit: MAX_CANDIDATES + 1 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const shown = rows.slice(0, MAX_CANDIDATES);
      const rank = shown.findIndex((r) => r.ins === target.ins) + 1;
      const s = byVariant.get(variant) ?? { ranks: [], candidates: [], truncated: 0, ms: [] };
      for (const acc of [s, all]) {
        acc.ranks.push(rank);
        acc.candidates.push(shown.length);
        acc.truncated += rows.length > MAX_CANDIDATES ? 1 : 0;
        acc.ms.push(ms);
      }
      byVariant.set(variant, s);
      if (!rank && args.flags.get('misses') === true)
        console.log(
          `miss (${variant}): ${JSON.stringify(traits)} for ${target.birth_name} ${target.first_name} ${target.birth_date}`,
        );
    }
    const line = (label: string, acc: typeof all) => {
      const at = (k: number) =>
        `${((100 * acc.ranks.filter((r) => r > 0 && r <= k).length) / acc.ranks.length).toFixed(1)}%`;
      const mean = acc.candidates.reduce((a, b) => a + b, 0) / acc.candidates.length;
      console.log(
        `${String(size).padStart(9)} ${label.padEnd(26)} n=${String(acc.ranks.length).padStart(5)}  recall@1 ${at(1).padStart(6)}  @3 ${at(3).padStart(6)}  @10 ${at(10).padStart(6)}  candidates ${mean.toFixed(1)} (truncated ${acc.truncated})  p50 ${percentile(acc.ms, 50).toFixed(2)} ms  p95 ${percentile(acc.ms, 95).toFixed(2)} ms`,
      );
    };
    for (const variant of VARIANTS) line(variant, byVariant.get(variant)!);
    line('all', all);
  }
  await store.close();
  await env.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
