import { startTestGraphWith, type TestGraph } from './support/test-graph';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from './support/test-database';
import { tcpProxy } from './support/tcp-proxy';
import { eventually } from './support/eventually';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const QUERY = `query($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports { totalCount } dispensations { totalCount } } }`;

/**
 * PostgreSQL going away under two subgraphs, whichever store the other tests use: the registry's and the
 * hospital reports' stores reach this test's own database through relays the test cuts and restores.
 */
describe('PostgreSQL down: the affected subgraphs fail closed, and recover by themselves', () => {
  let graph: TestGraph;
  let database: TestDatabase;
  const relays = {} as Record<'patient' | 'hospital', Awaited<ReturnType<typeof tcpProxy>>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const server = new URL(ADMIN_URL);
    // PATIENT_DATABASE_URL and HOSPITAL_DATABASE_URL, as an operator would set them: through the relays.
    const storeUrls: Record<string, string> = {};
    for (const name of ['patient', 'hospital'] as const) {
      relays[name] = await tcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      const url = new URL(database.url);
      url.port = String(relays[name].port);
      storeUrls[name] = url.toString();
    }
    graph = await startTestGraphWith({ storeUrls }, demoScenario());
    doctor = await graph.as(`ps:${DEMO.doctor}`);
  });
  afterAll(async () => {
    await Promise.all(Object.values(relays).map((r) => r.start().catch(() => undefined)));
    await graph?.stop().catch(() => undefined);
    await Promise.all(Object.values(relays).map((r) => r.stop()));
    await database?.drop();
  });

  // The token is minted while the registry's store answers: it is what the caller already holds.
  let doctor: Awaited<ReturnType<TestGraph['as']>>;
  const ask = () => doctor(QUERY, { ins: DEMO_PATIENT_INS });
  const readiness = async (url: string) => {
    const response = await fetch(url.replace(/\/graphql$/, '/readyz'));
    return { status: response.status, body: (await response.json()) as any };
  };

  it('serves everything while PostgreSQL answers', async () => {
    const { data, errors } = await ask();
    expect(errors).toBeUndefined();
    expect(data.patient).toEqual({
      identity: { firstName: 'Hélène' },
      hospitalReports: { totalCount: 4 },
      dispensations: { totalCount: 2 },
    });
  });

  it('the hospital store gone: its field is null with SERVICE_UNAVAILABLE, the rest is served, readiness says which', async () => {
    await relays.hospital.stop();
    const { data, errors } = await ask();
    expect(data.patient.identity.firstName).toBe('Hélène');
    expect(data.patient.dispensations.totalCount).toBe(2);
    expect(data.patient.hospitalReports).toBeNull();
    expect(errors?.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(errors)).not.toMatch(/ECONN|127\.0\.0\.1|5432|terminated|postgres/i);
    expect((await readiness(graph.subgraphUrls.hospital)).status).toBe(503);
    const gateway = await readiness(graph.gatewayUrl);
    expect(gateway.status).toBe(200);
    expect(gateway.body.dependencies.hospital).toBe('unavailable');
  });

  it('the registry store gone: nothing of the patient is served (no grant, no data), and the gateway is not ready', async () => {
    await relays.patient.stop();
    const { data, errors } = await ask();
    expect(data?.patient ?? null).toBeNull();
    expect(errors?.map((e: any) => e.extensions.code)).toContain('SERVICE_UNAVAILABLE');
    expect(errors?.every((e: any) => ['SERVICE_UNAVAILABLE', 'AUDIT_UNAVAILABLE'].includes(e.extensions.code))).toBe(
      true,
    );
    expect(JSON.stringify(errors)).not.toMatch(/ECONN|127\.0\.0\.1|5432|terminated|postgres|Hélène/i);
    expect((await readiness(graph.gatewayUrl)).status).toBe(503);
  });

  it('PostgreSQL back: the same query is served whole again, with nothing restarted', async () => {
    await relays.patient.start();
    await relays.hospital.start();
    await eventually(async () => {
      const { data, errors } = await ask();
      expect(errors).toBeUndefined();
      expect(data.patient).toEqual({
        identity: { firstName: 'Hélène' },
        hospitalReports: { totalCount: 4 },
        dispensations: { totalCount: 2 },
      });
    });
    expect((await readiness(graph.gatewayUrl)).body.dependencies).toMatchObject({
      patient: 'ready',
      hospital: 'ready',
    });
  });
});
