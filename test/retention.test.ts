import { manualClock } from '../domain/clock';
import { after } from '../domain/calendar';
import { startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Retention (docs/time.md): what a source keeps only for a window is deleted once past it, not only hidden:
 * 24 months of reimbursements, the DP's 4 months (vaccines 21 years, biological medicines 3 years), 20 years
 * of hospital reports with their files. Idempotent, traced with counts and no patient, on the one clock.
 */
const INS = '284077511612365';
const line = (id: string, effectiveAt: string) => ({
  id,
  typeCode: 'REMB',
  title: id,
  author: { kind: 'ALIM_AM' },
  effectiveAt,
  visibility: [],
  actSystem: 'NGAP',
  actCode: 'G',
  actLabel: 'Consultation',
  amountCents: 3000,
  reimbursedCents: 2100,
});
const dispensation = (id: string, effectiveAt: string, productCategory: string, atc = 'N02BE01') => ({
  id,
  typeCode: '60593-1',
  title: id,
  author: { rpps: '30000000004' },
  effectiveAt,
  visibility: [],
  cip13: '3400930000120',
  atc,
  productName: id,
  productCategory,
  quantity: 1,
  prescribed: true,
});
const report = (id: string, effectiveAt: string) => ({
  id,
  typeCode: '11490-0',
  title: id,
  author: { rpps: '30000000001' },
  effectiveAt,
  visibility: [],
});
const SCENARIO = {
  version: 1,
  professionals: [
    { rpps: '30000000001', familyName: 'Traitant', firstName: 'Claire', profession: '10', specialty: 'SM54' },
    { rpps: '30000000004', familyName: 'Pharma', firstName: 'Antoine', profession: '21' },
  ],
  patients: [
    {
      ins: INS,
      identity: {
        birthName: 'Durand',
        firstName: 'Hélène',
        sex: 'F',
        birthDate: '1984-07-12',
        birthplaceCode: '13055',
      },
      careLines: [line('r-23mo', 'now-23mo'), line('r-25mo', 'now-25mo')],
      dispensations: [
        dispensation('d-3mo', 'now-3mo', 'STANDARD'),
        dispensation('d-5mo', 'now-5mo', 'STANDARD'),
        dispensation('v-20y', 'now-20y', 'VACCINE', 'J07BB02'),
        dispensation('b-2y', 'now-2y', 'BIOLOGICAL', 'L04AB02'),
      ],
      hospitalReports: [report('h-19y', 'now-19y'), report('h-21y', 'now-21y')],
    },
  ],
};

describe('retention deletes what is past its window', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, SCENARIO);
  });
  afterAll(() => graph?.stop());

  const ids = async () => ({
    reimbursement: (await graph.stores.reimbursement.query<{ id: string }>('SELECT id FROM care_line ORDER BY id')).map(
      (r) => r.id,
    ),
    pharmacy: (await graph.stores.pharmacy.query<{ id: string }>('SELECT id FROM dispensation ORDER BY id')).map(
      (r) => r.id,
    ),
    hospital: (await graph.stores.hospital.query<{ id: string }>('SELECT id FROM hospital_report ORDER BY id')).map(
      (r) => r.id,
    ),
  });

  const files = async () =>
    (
      await graph.stores.hospital.query<{ document_id: string }>('SELECT document_id FROM document_content ORDER BY 1')
    ).map((r) => r.document_id);

  it('at once: the rows already hidden are deleted with their files, the others kept; counts per table', async () => {
    for (const id of ['h-19y', 'h-21y'])
      await graph.stores.hospital.query(
        `INSERT INTO document_content (document_id, patient_ins, mime_type, size_bytes, sha256, bytes)
         VALUES ($1, $2, 'text/plain', 2, 'x', '\\x6f6b')`,
        [id, INS],
      );
    expect(await graph.runRetention()).toEqual({
      // The registry's part: the archives that ended, and purges left pending (test/archive-end.test.ts).
      patient: [
        { table: 'patient:archive-ended', deleted: 0 },
        { table: 'patient:purges-pending', deleted: 0 },
        { table: 'record_copy', deleted: 0 },
        { table: 'patient:spoken-keys-written', deleted: 0 },
      ],
      reimbursement: [{ table: 'care_line', deleted: 1 }],
      pharmacy: [{ table: 'dispensation', deleted: 1 }],
      hospital: [{ table: 'hospital_report', deleted: 1 }],
    });
    expect(await ids()).toEqual({
      reimbursement: ['r-23mo'],
      pharmacy: ['b-2y', 'd-3mo', 'v-20y'],
      hospital: ['h-19y'],
    });
    expect(await files()).toEqual(['h-19y']);
  });

  it('idempotent: run again at the same instant, it deletes nothing', async () => {
    const again = await graph.runRetention();
    expect(
      Object.values(again)
        .flat()
        .every((c) => c.deleted === 0),
    ).toBe(true);
  });

  it('on the one clock: each row goes when its own window ends', async () => {
    // Two months on: the 23-month care line and the 3-month dispensation are past their windows.
    clock.set(after(start, { months: 2 }));
    await graph.runRetention();
    expect(await ids()).toEqual({ reimbursement: [], pharmacy: ['b-2y', 'v-20y'], hospital: ['h-19y'] });
    // Thirteen months on: the biological medicine (3 years), the vaccine (21 years), the report (20 years).
    clock.set(after(start, { years: 1, months: 1 }));
    await graph.runRetention();
    expect(await ids()).toEqual({ reimbursement: [], pharmacy: [], hospital: [] });
  });

  it('each run is traced with its counts, naming no patient', async () => {
    const traces = await graph.auditStore.query<{ source: string; patient_ref: string | null; touched: string[] }>(
      "SELECT source, patient_ref, touched FROM access_trace WHERE action = 'retention' ORDER BY seq",
    );
    expect(traces.length).toBe(4 * 4);
    expect(traces.every((t) => t.patient_ref === null)).toBe(true);
    // The four jobs of the first run, in whichever order their traces reached the chain.
    expect(
      traces
        .slice(0, 4)
        .map((t) => `${t.source} ${t.touched.join(',')}`)
        .sort(),
    ).toEqual([
      'hospital hospital_report:1',
      'patient patient:archive-ended:0,patient:purges-pending:0,record_copy:0,patient:spoken-keys-written:0',
      'pharmacy dispensation:1',
      'reimbursement care_line:1',
    ]);
  });
});
