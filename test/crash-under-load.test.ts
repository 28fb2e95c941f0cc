import { spawn, type ChildProcess } from 'node:child_process';
import { projectPath } from '../domain/paths';
import { startTestGraphWith, scenarioFile, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { eventually } from './support/eventually';

/**
 * The hospital source's process (dist/subgraphs/hospital/main.js, as compose runs it) killed with SIGKILL under
 * a load of deposits, then started again: no acknowledged deposit is lost, and no document stands without its
 * deposit trace (the trace commits before the write does: subgraphs/kit/traced-transaction.ts). The hospital
 * and audit stores are on PostgreSQL, which the killed process and its successor share with the test graph.
 */
const ADULT = '284077511612365';
const DOCTOR = 'ps:40000000001';
const DEPOSIT = `mutation ($input: HospitalReportDeposit!) { depositHospitalReport(input: $input) { documentId } }`;
const OUTAGES = new Set(['SERVICE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);
const report = (n: number) => ({
  ins: ADULT,
  idempotencyKey: `crash-${n}-${Math.random().toString(36).slice(2)}`,
  typeCode: '11490-0',
  title: `Lettre de liaison ${n}`,
  effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
  stayStart: '2026-11-01',
  stayEnd: '2026-11-05',
  careUnit: 'Cardiologie',
  summary: 'Sortie à domicile.',
});

describe('the process writing deposits killed under load', () => {
  let graph: TestGraph;
  let database: TestDatabase;
  let port: number;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    graph = await startTestGraphWith(
      { storeUrls: { hospital: database.url, audit: database.url } },
      scenarioFile('writes.json'),
    );
    // The in-process hospital source gives its port to a process of its own, which this test can kill.
    const inProcess = graph.subgraphServers.hospital;
    port = Number(new URL(graph.subgraphUrls.hospital).port);
    inProcess.closeAllConnections();
    await new Promise<void>((resolve) => inProcess.close(() => resolve()));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await graph?.stop().catch(() => undefined);
    await database?.drop();
  });

  /** Starts dist/subgraphs/hospital/main.js on the hospital's port; resolves once it listens. */
  const startHospital = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [projectPath('dist', 'subgraphs', 'hospital', 'main.js')], {
        env: {
          ...process.env,
          HOSPITAL_DATABASE_URL: database.url,
          AUDIT_DATABASE_URL: database.url,
          SUBGRAPH_PATIENT_URL: graph.subgraphUrls.patient,
          KEYS_DIR: graph.config.keysDir,
          DATA_DIR: graph.config.dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          REDIS_URL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"subgraph listening"')) resolve(child);
      });
      child.stderr!.resume();
      child.once('exit', (code) => reject(new Error(`the hospital process exited with ${code}`)));
    });

  it('SIGKILL mid-load: nothing acknowledged is lost, nothing written is untraced', async () => {
    let hospital = await startHospital();
    const doctor = await graph.as(DOCTOR);
    const codes: string[] = [];
    const deposits: { key: string; documentId: string | null }[] = [];
    let running = true;
    let n = 0;
    const worker = async () => {
      while (running) {
        const input = report(n++);
        const answer = await doctor(DEPOSIT, { input });
        for (const error of answer.errors ?? []) codes.push(error.extensions?.code);
        deposits.push({
          key: input.idempotencyKey,
          documentId: answer.data?.depositHospitalReport?.documentId ?? null,
        });
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await eventually(async () => expect(deposits.filter((d) => d.documentId).length).toBeGreaterThan(30), 30_000);
    const killed = new Promise((resolve) => hospital.once('exit', resolve));
    hospital.kill('SIGKILL');
    await killed;
    await new Promise((r) => setTimeout(r, 200));
    hospital = await startHospital();
    const after = deposits.length;
    await eventually(async () => expect(deposits.length).toBeGreaterThan(after + 30), 30_000);
    running = false;
    await Promise.all(workers);

    expect(codes.filter((c) => !OUTAGES.has(c))).toEqual([]);
    const keys = deposits.map((d) => d.key);
    const written = await graph.stores.hospital.query<{ id: string }>(
      'SELECT id FROM hospital_report WHERE idempotency_key = ANY($1::text[])',
      [keys],
    );
    const traced = await graph.auditStore.query<{ item: string }>(
      `SELECT DISTINCT unnest(touched) AS item FROM access_trace WHERE action = 'deposit' AND patient_ref = ANY($1::text[])`,
      [await traceNames(graph.auditStore, ADULT)],
    );
    const tracedIds = new Set(traced.map((t) => t.item));
    expect(written.filter((w) => ![...tracedIds].some((item) => item.includes(w.id)))).toEqual([]);
    const acknowledged = deposits.filter((d) => d.documentId);
    expect(acknowledged.filter((d) => !written.some((w) => w.id === d.documentId))).toEqual([]);
    // The kill did land mid-load: some deposits failed as outages while the process was away.
    expect(codes.length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(60);
  }, 90_000);
});
