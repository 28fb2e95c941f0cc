import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { manualClock } from '../domain/clock';
import { nirKey } from '../domain/ins';
import { UPLOAD_LIMITS } from '../domain/uploads';
import { EICAR } from '../runtime/upload-scanner';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';
import { eventually } from './support/eventually';

/**
 * Uploads from a phone to the personal space (issue 18, item 4), through the gateway over HTTP: a ticket
 * (requestPersonalDocumentUpload), the bytes (PUT /uploads/<ticket>, up to 5 MiB on that route only), then the
 * document (writePersonalDocument with input.uploadId, in a folder at creation). The graph runs with the
 * `eicar` scanner and on a clock that stands still, so that a ticket's end is judged to the minute.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567'; // writes.json: represented by rep:w-parent
const PATIENT = `patient:${ADULT}`;
const PARENT = 'rep:w-parent';
const ONCO = 'ps:40000000002';
/** A second child of the same parent, loaded here: the parent writes both spaces. */
const SIBLING_NIR = '2160375116001';
const SIBLING = SIBLING_NIR + nirKey(SIBLING_NIR);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Real minimal files of each type a phone sends: one grey pixel for the images. */
const FILES: Record<string, Buffer> = {
  'application/pdf': Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  'application/hl7-cda+xml': Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Bilan</title></ClinicalDocument>\n',
  ),
  'text/plain': Buffer.from('Tension 12/8 ce matin, après le café.\n'),
  // Baseline JPEG, 1x1, one component: SOI, JFIF, a flat quantisation table, SOF0, one-code Huffman tables
  // (DC category 0, AC end of block), the scan (two zero bits, padded with ones), EOI.
  'image/jpeg': hex(`ffd8 ffe0 0010 4a46494600 0101 00 0001 0001 0000
    ffdb 0043 00 ${'01'.repeat(64)}
    ffc0 000b 08 0001 0001 01 01 11 00
    ffc4 0014 00 01${'00'.repeat(15)} 00
    ffc4 0014 10 01${'00'.repeat(15)} 00
    ffda 0008 01 01 00 00 3f 00 3f
    ffd9`),
  'image/png': Buffer.concat([
    hex('89504e470d0a1a0a'),
    chunk('IHDR', hex('00000001 00000001 08 00 00 00 00')),
    chunk('IDAT', deflateSync(hex('00 80'))),
    chunk('IEND', Buffer.alloc(0)),
  ]),
  // Little-endian TIFF, 1x1, 8-bit grey, uncompressed: eight IFD entries, then the pixel at offset 110.
  'image/tiff': (() => {
    const entries: [number, number, number][] = [
      [256, 3, 1],
      [257, 3, 1],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, 110],
      [278, 3, 1],
      [279, 4, 1],
    ];
    const file = Buffer.alloc(111);
    file.write('II', 0, 'latin1');
    file.writeUInt16LE(42, 2);
    file.writeUInt32LE(8, 4);
    file.writeUInt16LE(entries.length, 8);
    entries.forEach(([tag, type, value], i) => {
      const at = 10 + i * 12;
      file.writeUInt16LE(tag, at);
      file.writeUInt16LE(type, at + 2);
      file.writeUInt32LE(1, at + 4);
      if (type === 3) file.writeUInt16LE(value, at + 8);
      else file.writeUInt32LE(value, at + 8);
    });
    file.writeUInt32LE(0, 10 + entries.length * 12);
    file[110] = 0x80;
    return file;
  })(),
  'application/rtf': Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Ordonnance du 3 mars.\\par}'),
};

const REQUEST = `mutation ($ins: String!, $input: PersonalDocumentUploadRequest!) {
  requestPersonalDocumentUpload(ins: $ins, input: $input) { uploadId uploadUrl expiresAt maxBytes } }`;
const WRITE = `mutation ($input: PersonalDocumentWrite!) { writePersonalDocument(input: $input) { documentId } }`;
const DOCUMENTS = `query ($ins: String!) { patient(ins: $ins) { personalSpace {
  documents(first: 100) { nodes { id title folder { id } content { mimeType sizeBytes sha256 } } } } } }`;
const CREATE_FOLDER = `mutation ($ins: String!, $name: String!) { createDocumentFolder(ins: $ins, name: $name) { id } }`;

describe('uploads from a phone to the personal space', () => {
  const clock = manualClock(new Date());
  let graph: TestGraph;
  let base: string;
  beforeAll(async () => {
    // A 5 MiB file read back in full takes seconds on the embedded store of a loaded CI machine: more than the
    // 5 s a call may take by default (SUBGRAPH_TIMEOUT_MS), which is about the graph's reads, not the upload.
    graph = await startTestGraphWith(
      { clock, uploadScanner: 'eicar', subgraphTimeoutMs: 30_000 },
      scenarioFile('writes.json'),
    );
    await graph.load({
      version: 1,
      patients: [
        {
          ins: SIBLING,
          identity: {
            birthName: 'Lefèvre',
            firstName: 'Inès',
            sex: 'F',
            birthDate: '2016-03-10',
            birthplaceCode: '75116',
          },
          representatives: [{ account: PARENT, relation: 'Mère' }],
        },
      ],
    });
    base = graph.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => graph?.stop());

  const run = async (actor: string, query: string, variables: object) => (await graph.as(actor))(query, variables);
  const ok = async (actor: string, query: string, variables: object) => {
    const { data, errors } = await run(actor, query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const refusal = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions;
  const declare = (bytes: Buffer, mediaType: string) => ({ mediaType, byteSize: bytes.length, sha256: sha256(bytes) });
  const ticket = async (actor: string, ins: string, input: object) =>
    (await ok(actor, REQUEST, { ins, input })).requestPersonalDocumentUpload as {
      uploadId: string;
      uploadUrl: string;
      expiresAt: string;
      maxBytes: number;
    };
  const put = async (actor: string | null, path: string, body: Buffer) => {
    const response = await fetch(`${base}${path}`, {
      method: 'PUT',
      headers: actor ? { authorization: `Bearer ${await graph.token(actor)}` } : {},
      body,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const writeInput = (ins: string, over: Record<string, unknown>) => ({
    input: {
      ins,
      idempotencyKey: `u-${Math.random().toString(36).slice(2)}`,
      typeCode: 'DOCPAT05',
      title: 'Photo de l’ordonnance',
      effectiveAt: new Date(clock.now().getTime() - 86_400_000).toISOString(),
      ...over,
    },
  });
  const write = (actor: string, ins: string, over: Record<string, unknown>) => run(actor, WRITE, writeInput(ins, over));
  /** Ticket and bytes, accepted: the upload's id. */
  const upload = async (actor: string, ins: string, bytes: Buffer, mediaType: string) => {
    const t = await ticket(actor, ins, declare(bytes, mediaType));
    const sent = await put(actor, t.uploadUrl, bytes);
    expect(sent).toMatchObject({ status: 200, body: { uploadId: t.uploadId, mediaType, byteSize: bytes.length } });
    return t.uploadId;
  };
  const staged = (id: string) =>
    graph.stores['personal-space'].query<{ received: boolean }>(
      'SELECT bytes IS NOT NULL AS received FROM personal_upload WHERE id = $1',
      [id],
    );

  it.each(Object.keys(FILES))(
    'takes a %s from the patient into a folder chosen at creation, traced',
    async (mediaType) => {
      const bytes = FILES[mediaType];
      const folder = (await ok(PATIENT, CREATE_FOLDER, { ins: ADULT, name: `Téléphone ${mediaType}` }))
        .createDocumentFolder.id;
      const names = await traceNames(graph.auditStore, ADULT);
      const [{ seq }] = await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head');
      const t = await ticket(PATIENT, ADULT, declare(bytes, mediaType));
      expect(t.uploadUrl).toMatch(/^\/uploads\/[A-Za-z0-9_-]{43}$/);
      expect(t.maxBytes).toBe(UPLOAD_LIMITS.maxBytes);
      expect(new Date(t.expiresAt).getTime()).toBe(clock.now().getTime() + UPLOAD_LIMITS.ticketMinutes * 60_000);
      expect((await put(PATIENT, t.uploadUrl, bytes)).status).toBe(200);
      const { data, errors } = await write(PATIENT, ADULT, { uploadId: t.uploadId, folderId: folder });
      expect(errors).toBeUndefined();
      const id = data.writePersonalDocument.documentId;
      const listed = (await ok(PATIENT, DOCUMENTS, { ins: ADULT })).patient.personalSpace.documents.nodes.find(
        (d: any) => d.id === id,
      );
      expect(listed).toMatchObject({
        folder: { id: folder },
        content: { mimeType: mediaType, sizeBytes: bytes.length, sha256: sha256(bytes) },
      });
      // The upload is gone with the write: the file is the document's now.
      expect(await staged(t.uploadId)).toEqual([]);
      await eventually(async () => {
        const traces = await graph.auditStore.query<{ action: string; touched: string[] }>(
          `SELECT action, touched FROM access_trace WHERE seq > $1 AND patient_ref = ANY($2::text[]) AND outcome = 'allowed'`,
          [seq, names],
        );
        expect(traces.map((x) => [x.action, x.touched])).toEqual(
          expect.arrayContaining([
            ['request-upload', [`upload:${t.uploadId}`]],
            ['upload-received', [`upload:${t.uploadId}`]],
            ['deposit-own', [id]],
          ]),
        );
      });
    },
  );

  it("takes a legal representative's upload into a minor's space", async () => {
    const id = await upload(PARENT, MINOR, FILES['image/jpeg'], 'image/jpeg');
    const { data, errors } = await write(PARENT, MINOR, { uploadId: id });
    expect(errors).toBeUndefined();
    const docs = (await ok(PARENT, DOCUMENTS, { ins: MINOR })).patient.personalSpace.documents.nodes;
    expect(docs.find((d: any) => d.id === data.writePersonalDocument.documentId)).toMatchObject({
      content: { mimeType: 'image/jpeg', sha256: sha256(FILES['image/jpeg']) },
    });
  });

  it('takes 5 MiB, and refuses 5 MiB and one byte at the ticket and at the route', async () => {
    const max = UPLOAD_LIMITS.maxBytes;
    const big = Buffer.alloc(max, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const id = await upload(PATIENT, ADULT, big, 'application/pdf');
    const { data, errors } = await write(PATIENT, ADULT, { uploadId: id });
    expect(errors).toBeUndefined();
    const docs = (await ok(PATIENT, DOCUMENTS, { ins: ADULT })).patient.personalSpace.documents.nodes;
    expect(docs.find((d: any) => d.id === data.writePersonalDocument.documentId)).toMatchObject({
      content: { sizeBytes: max, sha256: sha256(big) },
    });

    const over = Buffer.concat([big, Buffer.from(' ')]);
    expect(refusal(await run(PATIENT, REQUEST, { ins: ADULT, input: declare(over, 'application/pdf') }))).toMatchObject(
      { code: 'BAD_USER_INPUT', field: 'input.byteSize' },
    );
    const t = await ticket(PATIENT, ADULT, declare(big, 'application/pdf'));
    const refused = await put(PATIENT, t.uploadUrl, over);
    expect(refused).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    expect(await staged(t.uploadId)).toEqual([{ received: false }]);
  });

  it('keeps /graphql at 1 MiB', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(PATIENT)}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding } }),
    });
    expect(response.status).toBe(413);
  });

  it.each<[string, () => { declared: object; body: Buffer }, string, RegExp]>([
    [
      'bytes that are not the declared type (JPEG declared PNG)',
      () => ({ declared: declare(FILES['image/jpeg'], 'image/png'), body: FILES['image/jpeg'] }),
      'mediaType',
      /the bytes are not image\/png/,
    ],
    [
      'text declared for a binary file (NUL bytes)',
      () => ({ declared: declare(FILES['image/png'], 'text/plain'), body: FILES['image/png'] }),
      'mediaType',
      /the bytes are not text\/plain/,
    ],
    [
      'a digest of other bytes',
      () => ({
        declared: { ...declare(FILES['image/png'], 'image/png'), sha256: sha256(FILES['image/tiff']) },
        body: FILES['image/png'],
      }),
      'sha256',
      /does not match/,
    ],
    [
      'another size than declared',
      () => ({
        declared: declare(FILES['text/plain'], 'text/plain'),
        body: Buffer.concat([FILES['text/plain'], Buffer.from('!')]),
      }),
      'byteSize',
      /ticket declared/,
    ],
    [
      'the EICAR test file',
      () => ({ declared: declare(Buffer.from(EICAR), 'text/plain'), body: Buffer.from(EICAR) }),
      'body',
      /refused by the virus scan \(Eicar-Test-Signature\)/,
    ],
  ])('refuses %s, coded, and keeps nothing', async (_what, make, field, message) => {
    const { declared, body } = make();
    const t = await ticket(PATIENT, ADULT, declared);
    const refused = await put(PATIENT, t.uploadUrl, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(refused.body.errors[0].message).toMatch(message);
    expect(await staged(t.uploadId)).toEqual([{ received: false }]);
    expect(refusal(await write(PATIENT, ADULT, { uploadId: t.uploadId }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.uploadId',
    });
  });

  it('refuses an inline EICAR file too: every file passes the scanning port', async () => {
    const eicar = Buffer.from(EICAR);
    const content = { mimeType: 'text/plain', base64: eicar.toString('base64'), sha256: sha256(eicar) };
    expect(refusal(await write(PATIENT, ADULT, { content }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.content',
    });
  });

  it('takes a ticket once', async () => {
    const bytes = FILES['image/png'];
    const t = await ticket(PATIENT, ADULT, declare(bytes, 'image/png'));
    expect((await put(PATIENT, t.uploadUrl, bytes)).status).toBe(200);
    const again = await put(PATIENT, t.uploadUrl, bytes);
    expect(again).toMatchObject({ status: 400, body: { errors: [{ extensions: { field: 'ticket' } }] } });
    expect(again.body.errors[0].message).toMatch(/already used/);
    // And an upload makes one document: a second write naming it is refused.
    expect(refusal(await write(PATIENT, ADULT, { uploadId: t.uploadId }))).toBeUndefined();
    expect(refusal(await write(PATIENT, ADULT, { uploadId: t.uploadId }))).toMatchObject({ field: 'input.uploadId' });
  });

  it("refuses a ticket to another actor, and an upload to another patient's document", async () => {
    const bytes = FILES['image/tiff'];
    const t = await ticket(PATIENT, ADULT, declare(bytes, 'image/tiff'));
    for (const other of [PARENT, ONCO]) {
      const refused = await put(other, t.uploadUrl, bytes);
      expect(refused).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
    }
    expect(await put(null, t.uploadUrl, bytes)).toMatchObject({ status: 401 });
    expect(await put(PATIENT, '/uploads/not-a-ticket', bytes)).toMatchObject({ status: 404 });
    expect(await staged(t.uploadId)).toEqual([{ received: false }]);

    // The parent writes both children's spaces, but an upload for one is not a file of the other.
    const id = await upload(PARENT, MINOR, bytes, 'image/tiff');
    expect(refusal(await write(PARENT, SIBLING, { uploadId: id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.uploadId',
    });
    // Refused, the write took nothing: the upload is still the minor's to write.
    expect(refusal(await write(PARENT, MINOR, { uploadId: id }))).toBeUndefined();
  });

  it("serves the route only through the gateway: the personal space refuses bytes without the gateway's credential", async () => {
    const bytes = FILES['image/png'];
    const t = await ticket(PATIENT, ADULT, declare(bytes, 'image/png'));
    const direct = await fetch(graph.subgraphUrls['personal-space'].replace(/\/graphql$/, t.uploadUrl), {
      method: 'PUT',
      headers: { authorization: `Bearer ${await graph.token(PATIENT)}` },
      body: bytes,
    });
    expect(direct.status).toBe(401);
    expect(await staged(t.uploadId)).toEqual([{ received: false }]);
    // A browser page of an allowed origin may PUT (CORS preflight), as it may POST to /graphql.
    const preflight = await fetch(`${base}${t.uploadUrl}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    // Another method than PUT is refused before anything is read.
    const get = await fetch(`${base}${t.uploadUrl}`, {
      headers: { authorization: `Bearer ${await graph.token(PATIENT)}` },
    });
    expect(get.status).toBe(405);
  });

  it('refuses a professional a ticket', async () => {
    const answer = await run(ONCO, REQUEST, { ins: ADULT, input: declare(FILES['image/png'], 'image/png') });
    expect(answer.data?.requestPersonalDocumentUpload ?? null).toBeNull();
    expect(refusal(answer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a ticket past its end, and bytes never written past theirs; cleans them on the clock', async () => {
    const bytes = FILES['application/rtf'];
    const late = await ticket(PATIENT, ADULT, declare(bytes, 'application/rtf'));
    const waiting = await upload(PATIENT, ADULT, bytes, 'application/rtf');
    clock.advance(UPLOAD_LIMITS.ticketMinutes * 60_000);
    const refused = await put(PATIENT, late.uploadUrl, bytes);
    expect(refused).toMatchObject({ status: 400, body: { errors: [{ extensions: { field: 'ticket' } }] } });
    expect(refused.body.errors[0].message).toMatch(/expired/);
    clock.advance((UPLOAD_LIMITS.stagedMinutes - UPLOAD_LIMITS.ticketMinutes) * 60_000);
    expect(refusal(await write(PATIENT, ADULT, { uploadId: waiting }))).toMatchObject({ field: 'input.uploadId' });
    // The next ticket asked for, anyone's, cleans what is past its end.
    expect(await staged(waiting)).toHaveLength(1);
    await ticket(PARENT, MINOR, declare(bytes, 'application/rtf'));
    expect(await staged(waiting)).toEqual([]);
    expect(await staged(late.uploadId)).toEqual([]);
  });

  it('refuses a declaration it cannot take, naming the field', async () => {
    const png = declare(FILES['image/png'], 'image/png');
    for (const [input, field] of [
      [{ ...png, mediaType: 'image/gif' }, 'input.mediaType'],
      [{ ...png, byteSize: 0 }, 'input.byteSize'],
      [{ ...png, sha256: 'abc' }, 'input.sha256'],
    ] as const) {
      expect(refusal(await run(PATIENT, REQUEST, { ins: ADULT, input }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(
      refusal(
        await write(PATIENT, ADULT, {
          uploadId: 'upl-x',
          content: { mimeType: 'image/png', base64: FILES['image/png'].toString('base64'), sha256: png.sha256 },
        }),
      ),
    ).toMatchObject({ field: 'input.uploadId' });
    expect(refusal(await write(PATIENT, ADULT, { body: 'Note', folderId: 'fld-none' }))).toMatchObject({
      field: 'input.folderId',
    });
  });
});
