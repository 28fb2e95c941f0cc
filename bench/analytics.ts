import 'reflect-metadata';
import { before, parisMonth } from '../domain/calendar';
import { systemClock } from '../domain/clock';
import { openStore } from '../runtime/store/open-store';
import { loadOrCreateKeyPair } from '../runtime/keys';
import { ingest } from '../scripts/scenario/ingest/pharmacy';
import { pharmacy } from '../subgraphs/pharmacy/schema';
import { aggregate } from '../subgraphs/kit/analytics/aggregate';
import { DP_RETENTION } from '../subgraphs/pharmacy/dispensation.repo';
import { signAnalyticsGrant } from '../subgraphs/kit/registry-tokens';
import type { SubgraphContext } from '../subgraphs/kit/context';
import type { AnalyticsDimension } from '../subgraphs/kit/analytics/analytics.type';
import { benchEnvironment } from './support/bench-env';
import { generatedLoader } from './support/generated-loader';
import { parseArgs } from '../scripts/cli';

/**
 * Issue 6's benchmark: the done-when aggregate, "dispensations by ATC level 3 and age band per quarter, by
 * département", over the last twelve months, over 100,000 then 1,000,000 generated patients (about 70% consenting) on PostgreSQL: the
 * source's SQL grouping, the disclosure control and the differencing history, as the pharmacy subgraph runs
 * them (HTTP aside). Only the pharmacy store is loaded.   npm run bench:analytics [-- --sizes 100000,1000000 --runs 10]
 */
const args = parseArgs({ sizes: 'string', runs: 'string' });
const SIZES = args.numbers('sizes', [100_000, 1_000_000]);
const RUNS = args.number('runs', 10);
const percentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const SPEC = {
  name: 'dispensations',
  source: 'pharmacy',
  table: 'dispensation',
  retention: DP_RETENTION,
  columns: { month: 'e.event_month', atc: 'e.atc', classCode: 'e.class_code', typeCode: 'e.type_code' },
};
const GROUP_BY: AnalyticsDimension[] = ['ATC3', 'AGE_BAND', 'QUARTER', 'DEPARTEMENT'];
/** A dashboard's year: the last twelve months. */
const FILTER = { from: parisMonth(before(systemClock.now(), { months: 11 })) };

async function main() {
  const env = await benchEnvironment('analytics');
  const store = await openStore(env.config, pharmacy.name, pharmacy.migrationsDir);
  const keys = await loadOrCreateKeyPair(env.config.keysDir, 'patient-registry');
  const loader = generatedLoader(store, ingest, {
    label: 'loading the pharmacy store',
    patients: Math.max(...SIZES),
    seed: 6,
  });
  for (const size of SIZES) {
    await loader.loadUpTo(size);
    await store.query('ANALYZE dispensation');
    await store.query('ANALYZE analytics_subject');
    const [{ rows, subjects }] = await store.query<{ rows: number; subjects: number }>(
      `SELECT (SELECT count(*)::int FROM dispensation) AS rows, (SELECT count(*)::int FROM analytics_subject) AS subjects`,
    );
    for (const measure of ['EVENTS', 'PATIENTS'] as const) {
      const latencies: number[] = [];
      let cells = 0;
      let suppressed = 0;
      for (let run = 0; run < RUNS + 1; run++) {
        // A client per run: each asks once, so the history a run checks is its own (a client's is read in one statement).
        const analystId = `analyst:bench-${size}-${measure}-${run}`;
        const ctx = {
          actor: { kind: 'analyst', id: analystId },
          requestId: `bench-${run}`,
          now: systemClock.now(),
          deps: { store, grantKeys: { verify: keys.publicKey } },
        } as unknown as SubgraphContext;
        const grant = await signAnalyticsGrant(keys.privateKey, { analystId, pending: {} });
        const started = process.hrtime.bigint();
        const table = await aggregate(ctx, SPEC, { grant }, { measure, groupBy: GROUP_BY, filter: FILTER });
        if (run > 0) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        cells = table.cells.length;
        suppressed = table.suppressedCells;
      }
      console.log(
        `${String(size).padStart(9)} patients (${subjects} consenting, ${rows} dispensations), ${measure.padEnd(8)}: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; ${cells} cells, ${suppressed} suppressed`,
      );
    }
  }
  await store.close();
  await env.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
