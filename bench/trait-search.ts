import 'reflect-metadata';
import { openStore } from '../runtime/store/open-store';
import { ingest } from '../scripts/scenario/ingest/patient';
import { patient as registry } from '../subgraphs/patient/schema';
import { findCandidates } from '../subgraphs/patient/identity-search.repo';
import { queryKey } from '../domain/name-keys';
import type { PatientSpec } from '../scripts/scenario/scenario';
import { benchEnvironment } from './support/bench-env';
import { generatedLoader } from './support/generated-loader';
import { parseArgs } from '../scripts/cli';

/**
 * Issue 5's benchmark: centre 15 trait-search latency (p50, p95) at 100,000 and 1,000,000 patients, against
 * the same query forced to a sequential scan, in the same run. Only the registry is loaded: search reads
 * nothing else.   npm run bench:search [-- --sizes 100000,1000000 --queries 300]
 */
const args = parseArgs({ sizes: 'string', queries: 'string' });
const SIZES = args.numbers('sizes', [100_000, 1_000_000]);
const QUERIES = args.number('queries', 300);

const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** What a caller says on the phone: the birth date, the first letters of one of the names, often the first name. */
function spokenTraits(p: PatientSpec, i: number) {
  const name = i % 3 === 0 && p.identity.usedName ? p.identity.usedName : p.identity.birthName;
  return {
    birthDate: p.identity.birthDate,
    name: queryKey(name).slice(0, 3 + (i % 4)),
    firstName: i % 2 === 0 ? queryKey(p.identity.firstName).slice(0, 4) : null,
    sex: null,
    birthplaceCode: null,
    limit: 11,
  };
}

async function main() {
  const env = await benchEnvironment('search');
  const store = await openStore(env.config, registry.name, registry.migrationsDir);
  const sample: PatientSpec[] = [];
  const loader = generatedLoader(store, ingest, {
    label: 'loading the registry',
    patients: Math.max(...SIZES),
    seed: 11,
    documentsPerSource: 0,
    onChunk: (chunk) => {
      for (const p of chunk.patients ?? []) if (sample.length < 5000 && Math.random() < 0.01) sample.push(p);
    },
  });
  for (const size of SIZES) {
    await loader.loadUpTo(size);
    await store.query('ANALYZE patient');
    const time = async (label: string, setup: string) => {
      const latencies: number[] = [];
      let found = 0;
      for (let i = 0; i < QUERIES; i++) {
        const target = sample[i % sample.length];
        const traits = spokenTraits(target, i);
        const started = process.hrtime.bigint();
        const rows = await store.transaction(async (tx) => {
          await tx.query(setup);
          return findCandidates(tx, traits);
        });
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (rows.some((r) => r.ins === target.ins)) found++;
      }
      console.log(
        `${String(size).padStart(9)} patients, ${label.padEnd(24)}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms (the patient among the candidates in ${found}/${QUERIES})`,
      );
    };
    await time('birth-date index', 'SET LOCAL enable_seqscan = on');
    await time('sequential scan baseline', 'SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off');
  }
  await store.close();
  await env.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
