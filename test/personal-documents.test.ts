import { createHash } from 'node:crypto';
import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';
import { eventually } from './support/eventually';

/**
 * The patient's own documents in the personal space, as a patient app handles them (issue 18): metadata edited
 * in place (the id, the file, masks and the minor's secret stay), bulk deletion all or nothing, pins, the
 * "reported" flag and folders. Through the gateway, as the patient and as a legal representative.
 */
const ADULT = '284077511612365'; // writes.json: médecin traitant 40000000001, 40000000002 authorised
const MINOR = '115036912304567'; // writes.json: represented by rep:w-parent
const PATIENT = `patient:${ADULT}`;
const CHILD = `patient:${MINOR}`;
const PARENT = 'rep:w-parent';
const ONCO = 'ps:40000000002';

/** The two writers of the patient's side, each on the record they act for. */
const WRITERS: [string, string, string][] = [
  ['the patient', PATIENT, ADULT],
  ['a legal representative', PARENT, MINOR],
];

const WRITE = gql`
  mutation ($input: PersonalDocumentWrite!) {
    writePersonalDocument(input: $input) {
      documentId
    }
  }
`;
const DOCUMENT_FIELDS = `id version title typeCode classCode space effectiveAt visibility pinned reportedAt
  folder { id name } content { sha256 mimeType }`;
const DOCUMENTS = `query ($ins: String!) { patient(ins: $ins) { personalSpace {
  documents(first: 100) { nodes { ${DOCUMENT_FIELDS} } } documentFolders { id name } } } }`;
const UPDATE = `mutation ($ins: String!, $id: ID!, $input: PersonalDocumentUpdate!) {
  updatePersonalDocument(ins: $ins, id: $id, input: $input) { ${DOCUMENT_FIELDS} } }`;
const DELETE = `mutation ($ins: String!, $ids: [ID!]!) { deletePersonalDocuments(ins: $ins, ids: $ids) }`;
const MARK = `mutation ($ins: String!, $ids: [ID!]!, $pinned: Boolean, $reported: Boolean) {
  markPersonalDocuments(ins: $ins, ids: $ids, pinned: $pinned, reported: $reported) { id pinned reportedAt } }`;
const CREATE_FOLDER = `mutation ($ins: String!, $name: String!) { createDocumentFolder(ins: $ins, name: $name) { id name } }`;
const RENAME_FOLDER = `mutation ($ins: String!, $id: ID!, $name: String!) { renameDocumentFolder(ins: $ins, id: $id, name: $name) { id name } }`;
const DELETE_FOLDER = `mutation ($ins: String!, $id: ID!) { deleteDocumentFolder(ins: $ins, id: $id) }`;
const MOVE = `mutation ($ins: String!, $ids: [ID!]!, $folderId: ID) {
  movePersonalDocuments(ins: $ins, ids: $ids, folderId: $folderId) { id folder { id name } } }`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe("the patient's own documents: edited in place, deleted in bulk, pinned, reported, in folders", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const run = async (actor: string, query: string, variables: object) => (await graph.as(actor))(query, variables);
  const ok = async (actor: string, query: string, variables: object) => {
    const { data, errors } = await run(actor, query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const refusal = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions;
  const documents = async (actor: string, ins: string) =>
    (await ok(actor, DOCUMENTS, { ins })).patient.personalSpace.documents.nodes as any[];
  const write = async (actor: string, ins: string, over: Record<string, unknown> = {}) =>
    (
      await ok(actor, WRITE, {
        input: {
          ins,
          idempotencyKey: `d-${Math.random().toString(36).slice(2)}`,
          typeCode: 'DOCPAT05',
          title: 'Analyse',
          effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
          content: { mimeType: 'application/pdf', base64: PDF.toString('base64'), sha256: sha256(PDF) },
          ...over,
        },
      })
    ).writePersonalDocument.documentId as string;

  it.each(WRITERS)(
    'edits the title, date and type of a document in place as %s: the id, version and file stay',
    async (_who, actor, ins) => {
      const id = await write(actor, ins);
      const at = '2024-03-01T09:00:00.000Z';
      const updated = (
        await ok(actor, UPDATE, { ins, id, input: { title: 'Prise de sang', effectiveAt: at, typeCode: 'DOCPAT04' } })
      ).updatePersonalDocument;
      expect(updated).toMatchObject({
        id,
        version: 1,
        title: 'Prise de sang',
        typeCode: 'DOCPAT04',
        effectiveAt: at,
        content: { sha256: sha256(PDF), mimeType: 'application/pdf' },
      });
      const listed = (await documents(actor, ins)).find((d) => d.id === id);
      expect(listed).toMatchObject({ title: 'Prise de sang', typeCode: 'DOCPAT04', content: { sha256: sha256(PDF) } });
      // Only what is given changes.
      const titled = (await ok(actor, UPDATE, { ins, id, input: { title: 'Bilan' } })).updatePersonalDocument;
      expect(titled).toMatchObject({ id, title: 'Bilan', typeCode: 'DOCPAT04', effectiveAt: at });
    },
  );

  it.each([
    ['a type the personal space does not take', { typeCode: '11490-0' }, 'input.typeCode'],
    ['no JDV_J07 type', { typeCode: 'NOPE' }, 'input.typeCode'],
    ['an empty title', { title: '   ' }, 'input.title'],
    ['a date to come', { effectiveAt: '2999-01-01T00:00:00Z' }, 'input.effectiveAt'],
    ['nothing to change', {}, 'input'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, input, field) => {
    const id = await write(PATIENT, ADULT, { title: 'Inchangé' });
    const answer = await run(PATIENT, UPDATE, { ins: ADULT, id, input });
    expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await documents(PATIENT, ADULT)).find((d) => d.id === id)).toMatchObject({
      title: 'Inchangé',
      typeCode: 'DOCPAT05',
    });
  });

  it('keeps the mask of an edited document: professionals still do not see it', async () => {
    const id = await write(PATIENT, ADULT, { title: 'À masquer' });
    const control = await write(PATIENT, ADULT, { title: 'Pas masqué' });
    await ok(
      PATIENT,
      `mutation ($ins: String!, $id: ID!) { setDocumentMasked(ins: $ins, documentId: $id, source: personal_space, masked: true) { ins } }`,
      { ins: ADULT, id },
    );
    const updated = (await ok(PATIENT, UPDATE, { ins: ADULT, id, input: { title: 'Masqué, renommé' } }))
      .updatePersonalDocument;
    expect(updated.visibility).toContain('MASQUE_PS');
    const seen = await ok(
      ONCO,
      `query ($ins: String!) { patient(ins: $ins) { personalSpace { documents(first: 100) { nodes { id } } } } }`,
      { ins: ADULT },
    );
    const ids = seen.patient.personalSpace.documents.nodes.map((d: any) => d.id);
    expect(ids).toContain(control);
    expect(ids).not.toContain(id);
  });

  it("keeps the minor's secret: the representative reaches neither a secret label nor a secret kept later, as if absent", async () => {
    const labelled = await write(CHILD, MINOR, { title: 'Secret', visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] });
    const kept = await write(CHILD, MINOR, { title: 'Gardé secret ensuite' });
    await ok(
      CHILD,
      `mutation ($ins: String!, $id: ID!) { setDocumentSecretFromRepresentatives(ins: $ins, documentId: $id, source: personal_space, secret: true) { ins } }`,
      { ins: MINOR, id: kept },
    );
    for (const id of [labelled, kept, 'p-does-not-exist']) {
      const tries = [
        await run(PARENT, UPDATE, { ins: MINOR, id, input: { title: 'Lu' } }),
        await run(PARENT, DELETE, { ins: MINOR, ids: [id] }),
        await run(PARENT, MARK, { ins: MINOR, ids: [id], pinned: true }),
        await run(PARENT, MOVE, { ins: MINOR, ids: [id], folderId: null }),
        // The older, one-document deletion takes the same path.
        await run(PARENT, `mutation ($ins: String!, $id: ID!) { deletePersonalDocument(ins: $ins, documentId: $id) }`, {
          ins: MINOR,
          id,
        }),
      ];
      const answers = tries.map((t) => ({ ...refusal(t), message: t.errors?.[0]?.message.replace(id, '<id>') }));
      expect(answers.map((a) => a.code)).toEqual(Array(5).fill('BAD_USER_INPUT'));
      expect(answers.map((a) => a.field)).toEqual(['id', 'ids[0]', 'ids[0]', 'ids[0]', 'documentId']);
      // The same words for a secret as for what does not exist.
      expect(answers[0].message).toBe("id: <id> is not a current document of the patient's own in their space");
    }
    // The minor edits their own secret document, which stays secret.
    const updated = (await ok(CHILD, UPDATE, { ins: MINOR, id: kept, input: { title: 'Toujours secret' } }))
      .updatePersonalDocument;
    expect(updated.visibility).toContain('INVISIBLE_REPRESENTANTS_LEGAUX');
    expect((await documents(PARENT, MINOR)).map((d) => d.id)).not.toEqual(expect.arrayContaining([kept]));
    const stillThere = await graph.stores['personal-space'].query(
      'SELECT id FROM personal_document WHERE id = ANY($1::text[])',
      [[labelled, kept]],
    );
    expect(stillThere).toHaveLength(2);
  });

  it.each(WRITERS)(
    "deletes documents in bulk as %s, all or none: a professional's or unknown id is named",
    async (_who, actor, ins) => {
      const [a, b] = [await write(actor, ins), await write(actor, ins)];
      const hospital = ins === ADULT ? 'a-h1' : 'p-unknown';
      const refused = await run(actor, DELETE, { ins, ids: [a, hospital, b] });
      expect(refusal(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids[1]' });
      const store = graph.stores['personal-space'];
      expect(await store.query('SELECT id FROM personal_document WHERE id = ANY($1::text[])', [[a, b]])).toHaveLength(
        2,
      );
      const names = await traceNames(graph.auditStore, ins);
      const [{ seq }] = await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head');
      expect((await ok(actor, DELETE, { ins, ids: [a, b, a] })).deletePersonalDocuments).toEqual([a, b]);
      expect(await store.query('SELECT id FROM personal_document WHERE id = ANY($1::text[])', [[a, b]])).toEqual([]);
      expect(
        await store.query('SELECT document_id FROM document_content WHERE document_id = ANY($1::text[])', [[a, b]]),
      ).toEqual([]);
      await eventually(async () => {
        const traces = await graph.auditStore.query<{ action: string; touched: string[] }>(
          `SELECT action, touched FROM access_trace WHERE seq > $1 AND patient_ref = ANY($2::text[]) AND outcome = 'allowed'`,
          [seq, names],
        );
        const deletions = traces.filter((t) => t.action === 'delete-own-documents');
        expect(deletions.map((t) => [...t.touched].sort())).toEqual([[a, b].sort()]);
      });
    },
  );

  it('refuses bulk arguments before anything runs: no ids, too many, a malformed one', async () => {
    for (const [ids, field] of [
      [[], 'ids'],
      [Array.from({ length: 101 }, (_, i) => `p-${i}`), 'ids'],
      [['p-ok', 'bad id!'], 'ids[1]'],
    ] as const) {
      expect(refusal(await run(PATIENT, DELETE, { ins: ADULT, ids }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it.each(WRITERS)(
    'pins, reports and files documents as %s; marks and folder follow a new version; a deleted folder lets its documents go',
    async (_who, actor, ins) => {
      const [a, b] = [await write(actor, ins, { title: 'A' }), await write(actor, ins, { title: 'B' })];
      const folder = (await ok(actor, CREATE_FOLDER, { ins, name: 'Analyses' })).createDocumentFolder;
      expect(folder).toMatchObject({ name: 'Analyses' });
      const moved = (await ok(actor, MOVE, { ins, ids: [a, b], folderId: folder.id })).movePersonalDocuments;
      expect(moved.map((d: any) => d.folder?.id)).toEqual([folder.id, folder.id]);
      const marked = (await ok(actor, MARK, { ins, ids: [a], pinned: true, reported: true })).markPersonalDocuments;
      expect(marked).toEqual([{ id: a, pinned: true, reportedAt: expect.any(String) }]);
      // Only what is given changes: unpinning keeps the report and its date.
      const unpinned = (await ok(actor, MARK, { ins, ids: [a], pinned: false })).markPersonalDocuments;
      expect(unpinned).toEqual([{ id: a, pinned: false, reportedAt: marked[0].reportedAt }]);
      await ok(actor, MARK, { ins, ids: [a], pinned: true });
      await ok(actor, RENAME_FOLDER, { ins, id: folder.id, name: 'Biologie' });
      // A new version of a document (a new file) stays where the old one was, pinned.
      const a2 = await write(actor, ins, { title: 'A v2', replaces: a });
      let listed = await documents(actor, ins);
      expect(listed.find((d) => d.id === a2)).toMatchObject({
        pinned: true,
        reportedAt: marked[0].reportedAt,
        folder: { id: folder.id, name: 'Biologie' },
      });
      expect(listed.find((d) => d.id === b)).toMatchObject({
        pinned: false,
        reportedAt: null,
        folder: { id: folder.id },
      });
      expect((await ok(actor, DOCUMENTS, { ins })).patient.personalSpace.documentFolders).toContainEqual({
        id: folder.id,
        name: 'Biologie',
      });
      expect((await ok(actor, DELETE_FOLDER, { ins, id: folder.id })).deleteDocumentFolder).toBe(folder.id);
      listed = await documents(actor, ins);
      expect(listed.filter((d) => [a2, b].includes(d.id)).map((d) => d.folder)).toEqual([null, null]);
      expect((await ok(actor, DOCUMENTS, { ins })).patient.personalSpace.documentFolders).not.toContainEqual(
        expect.objectContaining({ id: folder.id }),
      );
    },
  );

  it("names a folder that is not this patient's, and moves nothing", async () => {
    const other = (await ok(PARENT, CREATE_FOLDER, { ins: MINOR, name: "L'enfant" })).createDocumentFolder;
    const a = await write(PATIENT, ADULT);
    for (const [query, variables, field] of [
      [MOVE, { ins: ADULT, ids: [a], folderId: other.id }, 'folderId'],
      [RENAME_FOLDER, { ins: ADULT, id: other.id, name: 'Pris' }, 'id'],
      [DELETE_FOLDER, { ins: ADULT, id: other.id }, 'id'],
      [CREATE_FOLDER, { ins: ADULT, name: ' ' }, 'name'],
    ] as const) {
      expect(refusal(await run(PATIENT, query, variables))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await documents(PATIENT, ADULT)).find((d) => d.id === a).folder).toBeNull();
    expect((await ok(PARENT, DOCUMENTS, { ins: MINOR })).patient.personalSpace.documentFolders).toContainEqual({
      id: other.id,
      name: "L'enfant",
    });
  });

  it("keeps the arrangement to the patient's side: a professional neither reads nor writes it", async () => {
    const a = await write(PATIENT, ADULT);
    const read = await run(
      'ps:40000000001',
      `query ($ins: String!) { patient(ins: $ins) { personalSpace { documents(first: 5) { nodes { id pinned } } } } }`,
      { ins: ADULT },
    );
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrote = await run('ps:40000000001', MARK, { ins: ADULT, ids: [a], pinned: true });
    expect(refusal(wrote)?.code).toBe('FORBIDDEN');
  });
});
