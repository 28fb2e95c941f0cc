import 'reflect-metadata';
import { systemClock } from '../domain/clock';
import autocannon from 'autocannon';
import { generate } from '../scripts/generate/generate';
import { loadScenario } from '../scripts/scenario/load';
import { DEMO } from '../scripts/generate/personas';
import { benchEnvironment, median, serve } from './support/bench-env';
import { parseArgs } from '../scripts/cli';

/**
 * Issue 3's benchmark: throughput of a professional's query over 200 documents with the policy on versus
 * off, in the same run, alternating on/off so that machine noise falls on both. Target: at most 10% slower.
 *   npm run bench:policy [-- --seconds 10 --rounds 3 --connections 8 --with-forbidden-fields]
 */
const args = parseArgs({
  seconds: 'string',
  rounds: 'string',
  connections: 'string',
  'with-forbidden-fields': 'boolean',
});
const SECONDS = args.number('seconds', 10);
const ROUNDS = args.number('rounds', 3);
const CONNECTIONS = args.number('connections', 8);

/** What a pharmacien's front end asks: the fields his role may read. */
const READABLE = `query Record($ins: String!) {
  patient(ins: $ins) {
    identity { firstName birthName birthDate }
    hospitalReports(first: 100) { totalCount nodes { id typeCode title effectiveAt visibility author { name professionCode } summary } }
    oncologyRecords(first: 100) { totalCount nodes { id typeCode title effectiveAt } }
    dispensations(first: 100) { totalCount nodes { id cip13 atc productName quantity effectiveAt } }
    careLines(first: 100) { totalCount nodes { id actCode actLabel effectiveAt prescriber { name } executor { name } } }
    personalSpace { documents(first: 100) { totalCount nodes { id title } } allergies { substance } vaccinations { vaccine } }
  }
}`;

/** The same, asking also for the diagnosis fields his role may not read: each comes back null with FORBIDDEN. */
const WITH_FORBIDDEN_FIELDS = `query Record($ins: String!) {
  patient(ins: $ins) {
    identity { firstName birthName birthDate }
    hospitalReports(first: 100) { totalCount nodes { id typeCode title effectiveAt visibility author { name professionCode } summary } }
    oncologyRecords(first: 100) { totalCount nodes { id typeCode title effectiveAt tumourSiteCode decision } }
    dispensations(first: 100) { totalCount nodes { id cip13 atc productName quantity effectiveAt } }
    careLines(first: 100) { totalCount nodes { id actCode actLabel effectiveAt prescriber { name } executor { name } } }
    personalSpace { documents(first: 100) { totalCount nodes { id title } } allergies { substance } vaccinations { vaccine } }
  }
}`;

const QUERY = args.flags.get('with-forbidden-fields') === true ? WITH_FORBIDDEN_FIELDS : READABLE;

async function main() {
  const env = await benchEnvironment('policy');
  const stores = await env.openStores();
  const [demo, chunk] = [...generate({ patients: 1, seed: 7, documentsPerSource: 40, today: systemClock.now() })];
  const patient = chunk.patients![0];
  patient.dmp = { ...patient.dmp, status: 'ACTIVE' };
  patient.careTeam = { authorised: [DEMO.pharmacist] };
  for (const list of [
    patient.hospitalReports,
    patient.oncologyRecords,
    patient.dispensations,
    patient.careLines,
    patient.personalSpace?.documents,
  ]) {
    list?.forEach((doc, i) => {
      doc.effectiveAt = `now-${1 + i}h`;
    });
  }
  let known = await loadScenario(stores, demo, { now: systemClock.now() });
  known = await loadScenario(stores, chunk, { known, now: systemClock.now() });
  const token = await env.token(stores, `ps:${DEMO.pharmacist}`);
  await Promise.all(Object.values(stores).map((s) => s.close()));

  const results: Record<'on' | 'off', { rps: number; p50: number; p99: number; documents: number }[]> = {
    on: [],
    off: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['on', 'off'] as const) {
      const server = await serve([mode], env.env);
      const request = {
        url: server.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { ins: patient.ins } }),
      };
      const check = (await (await fetch(server.url, request)).json()) as { data: any; errors?: unknown[] };
      const p = check.data.patient;
      const documents = [
        p.hospitalReports,
        p.oncologyRecords,
        p.dispensations,
        p.careLines,
        p.personalSpace.documents,
      ].reduce((n, c) => n + c.nodes.length, 0);
      await autocannon({ ...request, connections: CONNECTIONS, duration: 2 });
      const run = await autocannon({ ...request, connections: CONNECTIONS, duration: SECONDS });
      if (run.errors || run.non2xx) throw new Error(`${mode}: ${run.errors} errors, ${run.non2xx} non-2xx`);
      results[mode].push({ rps: run.requests.average, p50: run.latency.p50, p99: run.latency.p99, documents });
      console.log(
        `round ${round + 1} policy ${mode.padEnd(3)}: ${run.requests.average.toFixed(1)} req/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${documents} documents per response${check.errors ? `, ${check.errors.length} field errors` : ''}`,
      );
      await server.stop();
    }
  }
  const on = median(results.on.map((r) => r.rps));
  const off = median(results.off.map((r) => r.rps));
  console.log(
    `\nmedian throughput: policy on ${on.toFixed(1)} req/s, off ${off.toFixed(1)} req/s: ${(((off - on) / off) * 100).toFixed(1)}% slower with the policy (target ≤ 10%)`,
  );
  console.log(
    `median p50 latency: on ${median(results.on.map((r) => r.p50))} ms, off ${median(results.off.map((r) => r.p50))} ms`,
  );
  await env.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
