import { startTestGraphWith, scenarioFile, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from './support/test-database';
import { tcpProxy } from './support/tcp-proxy';
import { eventually } from './support/eventually';

/**
 * Connections between the graph and PostgreSQL cut for a moment, mid-statement and mid-transaction, under
 * concurrent deposits and reads: the process stays up, only the requests that used a lost connection fail,
 * as coded outages, and the pools recover by themselves. No document stands without its deposit trace, and
 * with the audit store cut, a deposit answered with an error wrote nothing. The hospital store and the audit
 * store both go through relays this test cuts.
 */
const ADULT = '284077511612365';
const DOCTOR = 'ps:40000000001';
const DEPOSIT = `mutation ($input: HospitalReportDeposit!) { depositHospitalReport(input: $input) { documentId } }`;
const READ = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports(first: 5) { totalCount nodes { id } } } }`;
const OUTAGES = new Set(['SERVICE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);

const report = (n: number) => ({
  ins: ADULT,
  idempotencyKey: `blip-${n}-${Math.random().toString(36).slice(2)}`,
  typeCode: '11490-0',
  title: `Lettre de liaison ${n}`,
  effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
  stayStart: '2026-11-01',
  stayEnd: '2026-11-05',
  careUnit: 'Cardiologie',
  summary: 'Sortie à domicile.',
});

describe('a PostgreSQL blip under load fails only the requests that used it', () => {
  let graph: TestGraph;
  let database: TestDatabase;
  const relays = {} as Record<'hospital' | 'audit', Awaited<ReturnType<typeof tcpProxy>>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const server = new URL(ADMIN_URL);
    const storeUrls: Record<string, string> = {};
    for (const name of ['hospital', 'audit'] as const) {
      relays[name] = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      const url = new URL(database.url);
      url.port = String(relays[name].port);
      storeUrls[name] = url.toString();
    }
    graph = await startTestGraphWith({ storeUrls }, scenarioFile('writes.json'));
  });
  afterAll(async () => {
    await Promise.all(Object.values(relays).map((r) => r.start().catch(() => undefined)));
    await graph?.stop().catch(() => undefined);
    await Promise.all(Object.values(relays).map((r) => r.stop()));
    await database?.drop();
  });

  it.each(['hospital', 'audit'] as const)(
    'the %s store cut three times for 0.3 s under concurrent deposits and reads: coded outages only, then all served',
    async (cut) => {
      const doctor = await graph.as(DOCTOR);
      const codes: string[] = [];
      const deposits: { key: string; documentId: string | null; code: string | null }[] = [];
      let running = true;
      let n = 0;
      const worker = async () => {
        while (running) {
          const i = n++;
          if (i % 2) {
            const answer = await doctor(READ, { ins: ADULT });
            for (const error of answer.errors ?? []) codes.push(error.extensions?.code);
            continue;
          }
          const input = report(i);
          const answer = await doctor(DEPOSIT, { input });
          for (const error of answer.errors ?? []) codes.push(error.extensions?.code);
          deposits.push({
            key: input.idempotencyKey,
            documentId: answer.data?.depositHospitalReport?.documentId ?? null,
            code: answer.errors?.[0]?.extensions?.code ?? null,
          });
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      for (let blip = 0; blip < 3; blip++) {
        await new Promise((r) => setTimeout(r, 150));
        await relays[cut].stop();
        await new Promise((r) => setTimeout(r, 300));
        await relays[cut].start();
      }
      await new Promise((r) => setTimeout(r, 150));
      // At least 20 requests, however slow the machine: the load goes on until then rather than the run
      // counting on a number done in a fixed time (13 on a loaded machine once).
      while (n <= 20) await new Promise((r) => setTimeout(r, 20));
      running = false;
      await Promise.all(workers);
      expect(codes.filter((c) => !OUTAGES.has(c))).toEqual([]);
      // The same process answers, whole, once the server is back.
      await eventually(async () => {
        const answer = await doctor(READ, { ins: ADULT });
        expect(answer.errors).toBeUndefined();
        expect(answer.data.patient.identity.firstName).toEqual(expect.any(String));
      });
      const deposit = await doctor(DEPOSIT, { input: report(-1) });
      expect(deposit.errors).toBeUndefined();

      // No write stands without its trace: every document written in the run has its deposit trace.
      const keys = deposits.map((d) => d.key);
      const written = await graph.stores.hospital.query<{ id: string; idempotency_key: string }>(
        'SELECT id, idempotency_key FROM hospital_report WHERE idempotency_key = ANY($1::text[])',
        [keys],
      );
      const traced = await graph.auditStore.query<{ item: string }>(
        `SELECT DISTINCT unnest(touched) AS item FROM access_trace WHERE action = 'deposit' AND patient_ref = ANY($1::text[])`,
        [await traceNames(graph.auditStore, ADULT)],
      );
      const untraced = written.filter((w) => !traced.some((t) => t.item.includes(w.id)));
      expect(untraced).toEqual([]);
      // A writer told it was refused finds nothing written; one given a receipt finds its document.
      if (cut === 'audit') {
        const refusedButWritten = deposits.filter((d) => d.code && written.some((w) => w.idempotency_key === d.key));
        expect(refusedButWritten).toEqual([]);
      }
      const acknowledgedButMissing = deposits.filter(
        (d) => d.documentId && !written.some((w) => w.id === d.documentId),
      );
      expect(acknowledgedButMissing).toEqual([]);
      expect(deposits.filter((d) => d.documentId).length).toBeGreaterThan(0);
    },
    60_000,
  );
});

describe("a source's store away when the graph starts", () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof tcpProxy>>;
  let graph: TestGraph | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
    const server = new URL(ADMIN_URL);
    relay = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  });
  afterAll(async () => {
    await graph?.stop().catch(() => undefined);
    await relay.stop();
    await database?.drop();
  });

  it('the graph starts without it, that source is unavailable, and it is opened and migrated once it answers', async () => {
    await relay.stop();
    const url = new URL(database.url);
    url.port = String(relay.port);
    graph = await startTestGraphWith({ storeUrls: { hospital: url.toString() } });
    const ready = async (u: string) => fetch(u.replace(/\/graphql$/, '/readyz'));
    const gateway = await ready(graph.gatewayUrl);
    expect(gateway.status).toBe(200);
    expect(((await gateway.json()) as any).dependencies).toMatchObject({ patient: 'ready', hospital: 'unavailable' });
    await relay.start();
    await eventually(async () => expect((await ready(graph!.subgraphUrls.hospital)).status).toBe(200), 15_000);
    const migrated = await graph.stores.hospital.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM schema_migrations',
    );
    expect(migrated[0].n).toBeGreaterThan(0);
  }, 90_000);
});
