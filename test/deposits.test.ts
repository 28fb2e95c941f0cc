import { createHash } from 'node:crypto';
import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';

const ADULT = '284077511612365';
const CLOSED = '270057505600122';
const DOCTOR = 'ps:40000000001';
const ONCOLOGIST = 'ps:40000000002';
const PHARMACIST = 'ps:40000000003';
const PODIATRIST = 'ps:40000000004';
const BLOCKED = 'ps:40000000005';
const ESTABLISHMENT = 'etab:130786049';
const FEED = 'am:alim';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const file = (bytes: Buffer, mimeType = 'application/pdf') => ({
  mimeType,
  base64: bytes.toString('base64'),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

const DEPOSIT_HOSPITAL = gql`
  mutation ($input: HospitalReportDeposit!) {
    depositHospitalReport(input: $input) {
      documentId
      version
      replaced
      duplicate
      depositedAt
    }
  }
`;
const DEPOSIT_DCC = gql`
  mutation ($input: DccRecordDeposit!) {
    depositDccRecord(input: $input) {
      documentId
      version
      replaced
      duplicate
    }
  }
`;
const RECORD_DISPENSATION = gql`
  mutation ($input: DispensationDeposit!) {
    recordDispensation(input: $input) {
      documentId
      version
    }
  }
`;
const FEED_CARE_LINE = gql`
  mutation ($input: CareLineDeposit!) {
    feedCareLine(input: $input) {
      documentId
      version
    }
  }
`;
const HOSPITAL_LIST = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        totalCount
        nodes {
          id
          version
          title
          visibility
          author {
            kind
            id
            name
            professionCode
            establishmentFiness
          }
          content {
            mimeType
            sizeBytes
            sha256
            base64
          }
          previousVersions {
            id
            version
            title
          }
        }
      }
    }
  }
`;

const hospitalReport = (over: Record<string, unknown> = {}) => ({
  ins: ADULT,
  idempotencyKey: `k-${Math.random().toString(36).slice(2)}`,
  typeCode: '11490-0',
  title: 'Lettre de liaison de sortie',
  effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
  stayStart: '2026-11-01',
  stayEnd: '2026-11-05',
  careUnit: 'Cardiologie',
  summary: 'Sortie à domicile.',
  ...over,
});

describe('deposits: each writer writes what the law allows, and nothing else', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const as = (actor: string) => graph.as(actor);
  const rows = async (store: keyof TestGraph['stores'], table: string) =>
    (await graph.stores[store].query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const notificationsOf = async (ins: string) =>
    (
      await graph.auditStore.query<{ kind: string; actor_id: string }>(
        'SELECT kind, actor_id FROM notification_outbox WHERE patient_ins = $1 ORDER BY id',
        [ins],
      )
    ).map((n) => `${n.kind}:${n.actor_id}`);
  const reportsSeenBy = async (actor: string, ins = ADULT) => {
    const { data, errors } = await (await as(actor))(HOSPITAL_LIST, { ins });
    if (errors) throw new Error(JSON.stringify(errors));
    return data.patient.hospitalReports.nodes as any[];
  };

  it('a médecin deposits a DCC record with its PDF: readers see it and its file, and the patient is notified', async () => {
    const before = await notificationsOf(ADULT);
    const { data, errors } = await (
      await as(ONCOLOGIST)
    )(DEPOSIT_DCC, {
      input: {
        ins: ADULT,
        idempotencyKey: 'rcp-2026-11-20',
        typeCode: '34794-8',
        title: 'Fiche RCP sein',
        effectiveAt: '2026-11-20T10:00:00Z',
        tumourSiteCode: 'C50.9',
        tumourSiteLabel: 'Sein',
        meetingDate: '2026-11-20',
        decision: 'Chirurgie puis radiothérapie',
        content: file(pdf),
      },
    });
    expect(errors).toBeUndefined();
    expect(data.depositDccRecord).toMatchObject({ version: 1, replaced: null, duplicate: false });
    const id = data.depositDccRecord.documentId;
    const read = await (
      await as(DOCTOR)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            oncologyRecords {
              nodes {
                id
                title
                author {
                  kind
                  id
                  professionCode
                }
                content {
                  mimeType
                  sizeBytes
                  sha256
                  base64
                }
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    const node = read.data.patient.oncologyRecords.nodes.find((n: any) => n.id === id);
    expect(node.author).toEqual({ kind: 'PROFESSIONAL', id: '40000000002', professionCode: '10' });
    expect(node.content).toEqual({
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: file(pdf).sha256,
      base64: pdf.toString('base64'),
    });
    expect((await notificationsOf(ADULT)).slice(before.length)).toContain(`NEW_DOCUMENT:${ONCOLOGIST}`);
    const traces = await graph.auditStore.query<{ action: string; touched: string[] }>(
      `SELECT action, touched FROM access_trace WHERE patient_ref = ANY($1::text[]) AND action = 'deposit' AND actor_id = $2`,
      [await traceNames(graph.auditStore, ADULT), ONCOLOGIST],
    );
    expect(traces.map((t) => t.touched)).toContainEqual([id]);
    const contentTraces = await graph.auditStore.query(
      `SELECT 1 FROM access_trace WHERE patient_ref = ANY($1::text[]) AND actor_id = $2 AND $3 = ANY(touched)`,
      [await traceNames(graph.auditStore, ADULT), DOCTOR, `content:${id}`],
    );
    expect(contentTraces.length).toBeGreaterThan(0);
  });

  it('the same idempotency key twice creates one document; reused for another document it is refused', async () => {
    const doctor = await as(DOCTOR);
    const input = hospitalReport({ idempotencyKey: 'same-key' });
    const first = await doctor(DEPOSIT_HOSPITAL, { input });
    const count = await rows('hospital', 'hospital_report');
    const second = await doctor(DEPOSIT_HOSPITAL, { input });
    expect(second.data.depositHospitalReport).toMatchObject({
      documentId: first.data.depositHospitalReport.documentId,
      duplicate: true,
      version: 1,
    });
    expect(await rows('hospital', 'hospital_report')).toBe(count);
    const other = await doctor(DEPOSIT_HOSPITAL, { input: { ...input, title: 'Un autre document' } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(await rows('hospital', 'hospital_report')).toBe(count);
  });

  it('a new version replaces the old one in every list; the old stays readable as history', async () => {
    const doctor = await as(DOCTOR);
    const v1 = (await doctor(DEPOSIT_HOSPITAL, { input: hospitalReport({ title: 'CR v1' }) })).data
      .depositHospitalReport;
    const v2 = (await doctor(DEPOSIT_HOSPITAL, { input: hospitalReport({ title: 'CR v2', replaces: v1.documentId }) }))
      .data.depositHospitalReport;
    expect(v2).toMatchObject({ version: 2, replaced: v1.documentId });
    for (const reader of [DOCTOR, `patient:${ADULT}`]) {
      const nodes = await reportsSeenBy(reader);
      expect(nodes.map((n) => n.id)).not.toContain(v1.documentId);
      const current = nodes.find((n) => n.id === v2.documentId);
      expect(current).toMatchObject({ version: 2, title: 'CR v2' });
      expect(current.previousVersions).toEqual([{ id: v1.documentId, version: 1, title: 'CR v1' }]);
    }
    const again = await doctor(DEPOSIT_HOSPITAL, {
      input: hospitalReport({ title: 'CR v2 bis', replaces: v1.documentId }),
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
  });

  it('nobody replaces a document they did not write', async () => {
    const result = await (await as(ONCOLOGIST))(DEPOSIT_HOSPITAL, { input: hospitalReport({ replaces: 'a-h1' }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
  });

  it('the feeding channel writes, names the author, and reads nothing, not even what it wrote', async () => {
    const etab = await as(ESTABLISHMENT);
    const { data, errors } = await etab(DEPOSIT_HOSPITAL, {
      input: hospitalReport({
        title: 'CR urgences AP-HM',
        typeCode: '15507-7',
        author: { rpps: '40000000002', name: 'Dr Sophie Onco', professionCode: '10', specialtyCode: 'SM36' },
      }),
    });
    expect(errors).toBeUndefined();
    const seen = (await reportsSeenBy(DOCTOR)).find((n) => n.id === data.depositHospitalReport.documentId);
    expect(seen.author).toEqual({
      kind: 'PROFESSIONAL',
      id: '40000000002',
      name: 'Dr Sophie Onco',
      professionCode: '10',
      establishmentFiness: '130786049',
    });
    const read = await etab(HOSPITAL_LIST, { ins: ADULT });
    expect(read.data?.patient ?? null).toBeNull();
    expect(read.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('pharmaciens record dispensations; the Assurance maladie feed adds care lines; nobody else does', async () => {
    const dispensation = {
      ins: ADULT,
      idempotencyKey: 'disp-1',
      typeCode: '60593-1',
      title: 'Dispensation',
      effectiveAt: new Date().toISOString(),
      cip13: '3400930000120',
      atc: 'N02BE01',
      productName: 'Paracétamol 1 g',
      productCategory: 'STANDARD',
      quantity: 2,
      prescribed: true,
    };
    expect(
      (await (await as(PHARMACIST))(RECORD_DISPENSATION, { input: dispensation })).data.recordDispensation.version,
    ).toBe(1);
    for (const actor of [PODIATRIST, DOCTOR, ESTABLISHMENT]) {
      const refused = await (
        await as(actor)
      )(RECORD_DISPENSATION, { input: { ...dispensation, idempotencyKey: `disp-${actor}` } });
      expect([actor, refused.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
    }
    const line = {
      ins: ADULT,
      idempotencyKey: 'line-1',
      typeCode: 'REMB',
      title: 'Consultation',
      effectiveAt: new Date().toISOString(),
      actSystem: 'NGAP',
      actCode: 'G',
      actLabel: 'Consultation',
      amountCents: 3000,
      reimbursedCents: 2100,
      prescriber: { rpps: '40000000001', name: 'Dr Claire Traitant', professionCode: '10', specialtyCode: 'SM54' },
    };
    expect((await (await as(FEED))(FEED_CARE_LINE, { input: line })).data.feedCareLine.version).toBe(1);
    for (const actor of [DOCTOR, ESTABLISHMENT, `patient:${ADULT}`]) {
      const refused = await (await as(actor))(FEED_CARE_LINE, { input: { ...line, idempotencyKey: `line-${actor}` } });
      expect([actor, refused.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
    }
    const feedReads = await (await as(FEED))(HOSPITAL_LIST, { ins: ADULT });
    expect(feedReads.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a regulator', 'samu:13'],
    ['an analyst', 'analyst:cnam'],
    ['an insurer', 'org:insurer'],
    ['an heir', 'heir:w-heir'],
    ['operations', 'ops:w-ops'],
  ])('%s never writes', async (_label, actor) => {
    const before = await rows('hospital', 'hospital_report');
    const result = await (await as(actor))(DEPOSIT_HOSPITAL, { input: hospitalReport() });
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await rows('hospital', 'hospital_report')).toBe(before);
  });

  it('a closed DMP takes nothing; a blocked professional deposits nothing', async () => {
    const before = await rows('hospital', 'hospital_report');
    const closed = await (await as(DOCTOR))(DEPOSIT_HOSPITAL, { input: hospitalReport({ ins: CLOSED }) });
    expect(closed.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const blocked = await (await as(BLOCKED))(DEPOSIT_HOSPITAL, { input: hospitalReport() });
    expect(blocked.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await rows('hospital', 'hospital_report')).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an INS with a wrong key', { ins: '284077511612366' }, 'input.ins'],
    ['a type outside JDV_J07', { typeCode: '99999-9' }, 'input.typeCode'],
    ['a type this source does not take', { typeCode: '60593-1' }, 'input.typeCode'],
    ['a mask set by the author', { visibility: ['MASQUE_PS'] }, 'input.visibility'],
    ['care in the future', { effectiveAt: new Date(Date.now() + 86_400_000 * 2).toISOString() }, 'input.effectiveAt'],
    ['an empty title', { title: '  ' }, 'input.title'],
    ['a bad idempotency key', { idempotencyKey: 'with spaces' }, 'input.idempotencyKey'],
    ['a stay ending before it starts', { stayStart: '2026-11-05', stayEnd: '2026-11-01' }, 'input.stayEnd'],
    ['a checksum that does not match', { content: { ...file(pdf), sha256: '0'.repeat(64) } }, 'input.content.sha256'],
    [
      'bytes that are not the declared type',
      { content: file(Buffer.from('plain words'), 'application/pdf') },
      'input.content.mimeType',
    ],
    ['an undeclared file type', { content: file(pdf, 'image/png') }, 'input.content.mimeType'],
    [
      'a file over the size limit',
      { content: file(Buffer.concat([pdf, Buffer.alloc(600 * 1024)])) },
      'input.content.base64',
    ],
    [
      'an author named by a professional',
      { author: { rpps: '40000000002', name: 'X', professionCode: '10' } },
      'input.author',
    ],
  ])('refuses %s, naming the field, and changes nothing', async (_label, over, field) => {
    const before = await rows('hospital', 'hospital_report');
    const result = await (await as(DOCTOR))(DEPOSIT_HOSPITAL, { input: hospitalReport(over) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows('hospital', 'hospital_report')).toBe(before);
  });

  it("a document awaiting the consultation d'annonce is hidden from the patient, who is not notified and does not see its deposit in the traces", async () => {
    const before = await notificationsOf(ADULT);
    const { data } = await (
      await as(ONCOLOGIST)
    )(DEPOSIT_HOSPITAL, {
      input: hospitalReport({ typeCode: '11502-2', title: 'Anapath', visibility: ['INVISIBLE_PATIENT'] }),
    });
    const id = data.depositHospitalReport.documentId;
    expect((await reportsSeenBy(`patient:${ADULT}`)).map((n) => n.id)).not.toContain(id);
    expect((await reportsSeenBy(DOCTOR)).map((n) => n.id)).toContain(id);
    expect((await notificationsOf(ADULT)).slice(before.length)).not.toContain(`NEW_DOCUMENT:${ONCOLOGIST}`);
    const traces = await (
      await as(`patient:${ADULT}`)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            accessTraces(first: 100) {
              nodes {
                action
                touched
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(traces.data.patient.accessTraces.nodes.flatMap((t: any) => t.touched)).not.toContain(id);
  });

  it("a patient's mask follows the document across its versions: a new version is masked too, whichever was masked", async () => {
    const doctor = await as(DOCTOR);
    const patient = await as(`patient:${ADULT}`);
    const mask = (documentId: string) =>
      patient(
        `mutation ($ins: String!, $id: ID!) { setDocumentMasked(ins: $ins, documentId: $id, source: hospital, masked: true) { ins } }`,
        { ins: ADULT, id: documentId },
      );
    const deposit = async (input: Record<string, unknown>) =>
      (await doctor(DEPOSIT_HOSPITAL, { input: hospitalReport(input) })).data.depositHospitalReport
        .documentId as string;
    const ids = async (reader: string) => (await reportsSeenBy(reader)).map((n) => n.id);

    const v1 = await deposit({ title: 'Masqué v1' });
    expect(await ids(ONCOLOGIST)).toContain(v1);
    expect((await mask(v1)).errors).toBeUndefined();
    expect(await ids(ONCOLOGIST)).not.toContain(v1);
    // The author (here the médecin traitant) deposits a new version: it stays masked.
    const v2 = await deposit({ title: 'Masqué v2', replaces: v1 });
    expect(await ids(ONCOLOGIST)).not.toContain(v2);
    const mine = (await reportsSeenBy(`patient:${ADULT}`)).find((n) => n.id === v2);
    expect(mine.visibility).toContain('MASQUE_PS');
    // Nor may the author make a version of it invisible to the patient who masked it.
    const count = await rows('hospital', 'hospital_report');
    const hidden = await doctor(DEPOSIT_HOSPITAL, {
      input: hospitalReport({ title: 'Masqué v3', replaces: v2, visibility: ['INVISIBLE_PATIENT'] }),
    });
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visibility' });
    expect(await rows('hospital', 'hospital_report')).toBe(count);
    // A mask set on a later version holds for the next one too.
    const w1 = await deposit({ title: 'Second v1' });
    const w2 = await deposit({ title: 'Second v2', replaces: w1 });
    expect((await mask(w2)).errors).toBeUndefined();
    const w3 = await deposit({ title: 'Second v3', replaces: w2 });
    expect(await ids(ONCOLOGIST)).not.toContain(w3);
    expect((await reportsSeenBy(DOCTOR)).find((n) => n.id === w3).visibility).toContain('MASQUE_PS');
  });
});
