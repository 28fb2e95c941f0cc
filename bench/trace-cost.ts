import 'reflect-metadata';
import { systemClock } from '../domain/clock';
import autocannon from 'autocannon';
import { generate } from '../scripts/generate/generate';
import { loadScenario } from '../scripts/scenario/load';
import { DEMO } from '../scripts/generate/personas';
import { openAuditStore } from '../audit/audit-store';
import { createTraceWriter } from '../audit/trace-writer';
import type { AccessTrace } from '../audit/trace';
import { benchEnvironment, median, serve } from './support/bench-env';
import { parseArgs } from '../scripts/cli';

/**
 * Issue 4's benchmark. (1) The latency tracing adds to a request (traced vs untraced graph, same run,
 * alternating). (2) The traces per second the group-commit writer sustains under concurrent requests,
 * against one transaction per request.   npm run bench:traces [-- --seconds 10 --rounds 3]
 */
const args = parseArgs({ seconds: 'string', rounds: 'string' });
const SECONDS = args.number('seconds', 10);
const ROUNDS = args.number('rounds', 3);

const QUERY = `query($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports(first: 20) { nodes { id title } } dispensations(first: 20) { nodes { id atc } } } }`;

const trace = (i: number): AccessTrace => ({
  at: new Date(),
  requestId: `bench-${i}`,
  operationName: 'Bench',
  actorId: 'ps:10000000002',
  actorKind: 'professional',
  actorProfession: '21',
  actorSpecialty: null,
  patientIns: '284077511612365',
  source: 'hospital',
  mode: 'normal',
  action: 'read',
  touched: ['doc-1', 'doc-2', 'doc-3'],
  outcome: 'allowed',
  rule: 'professional.authorised',
  justification: null,
  vouchedBy: null,
});

async function writerThroughput(
  env: Awaited<ReturnType<typeof benchEnvironment>>,
  maxBatch: number,
  concurrency: number,
) {
  const store = await openAuditStore(env.config);
  const writer = createTraceWriter(store, { maxBatch });
  const deadline = Date.now() + SECONDS * 1000;
  const latencies: number[] = [];
  let written = 0;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        // A request to two sources leaves two traces.
        await writer.write([trace(n++), trace(n++)]);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        written += 2;
      }
    }),
  );
  await store.close();
  return { perSecond: written / SECONDS, p50: median(latencies) };
}

async function main() {
  const env = await benchEnvironment('traces');
  const stores = await env.openStores();
  const [demo] = [...generate({ patients: 0, today: systemClock.now() })];
  await loadScenario(stores, demo, { now: systemClock.now() });
  const token = await env.token(stores, `ps:${DEMO.doctor}`);
  await Promise.all(Object.values(stores).map((s) => s.close()));
  const ins = demo.patients![0].ins;

  console.log('(1) latency added by tracing: the médecin traitant reads identity, 20 reports and 20 dispensations');
  const results: Record<'traced' | 'untraced', { p50: number; rps: number }[]> = { traced: [], untraced: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['traced', 'untraced'] as const) {
      const server = await serve(mode === 'untraced' ? ['untraced'] : [], env.env);
      const request = {
        url: server.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { ins } }),
      };
      await autocannon({ ...request, connections: 1, duration: 2 });
      const run = await autocannon({ ...request, connections: 1, duration: SECONDS });
      if (run.errors || run.non2xx) throw new Error(`${mode}: ${run.errors} errors, ${run.non2xx} non-2xx`);
      results[mode].push({ p50: run.latency.p50, rps: run.requests.average });
      console.log(
        `  round ${round + 1} ${mode.padEnd(8)}: p50 ${run.latency.p50} ms, ${run.requests.average.toFixed(1)} req/s (one connection)`,
      );
      await server.stop();
    }
  }
  const traced = median(results.traced.map((r) => r.p50));
  const untraced = median(results.untraced.map((r) => r.p50));
  console.log(
    `  median p50: traced ${traced} ms, untraced ${untraced} ms: tracing adds ${(traced - untraced).toFixed(1)} ms`,
  );

  console.log('(2) writer throughput, 64 concurrent requests each leaving 2 traces');
  for (const [label, maxBatch] of [
    ['group commit (batches up to 500)', 500],
    ['one transaction per request', 2],
  ] as const) {
    const result = await writerThroughput(env, maxBatch, 64);
    console.log(`  ${label}: ${result.perSecond.toFixed(0)} traces/s, p50 wait ${result.p50.toFixed(1)} ms`);
  }
  await env.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
