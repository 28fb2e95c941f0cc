import { createHash } from 'node:crypto';
import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Entries of the health profile linked to documents of the personal space (issue 18: the app's links between a
 * disease, a stay in hospital or a treatment and the report that shows it, and delete_link). Through the
 * gateway, as the patient and as a legal representative: a link follows its document across versions and goes
 * with it; each link can be removed alone; a document the reader may not see is never shown by a link.
 */
const ADULT = '284077511612365'; // writes.json: 40000000002 authorised
const MINOR = '115036912304567'; // writes.json: represented by rep:w-parent
const OTHER = '292037505607797';
const PARENT = 'rep:w-parent';
const ONCO = 'ps:40000000002';

const WRITERS: [string, string, string][] = [
  ['the patient', `patient:${ADULT}`, ADULT],
  ['a legal representative', PARENT, MINOR],
];
/** Each kind of entry that takes documents: its write, its list, its removal. */
const KINDS: [string, string, string, object, string][] = [
  [
    'an antecedent (a disease)',
    'recordAntecedent',
    'antecedents',
    { kind: 'MEDICAL', label: 'Asthme' },
    'removePersonalEntry(ins: $ins, kind: ANTECEDENT, id: $id)',
  ],
  [
    'a stay in hospital',
    'recordHospitalisation',
    'hospitalisations',
    { reason: 'Appendicectomie', start: '2019-05' },
    'removeProfileEntry(ins: $ins, kind: HOSPITALISATION, id: $id)',
  ],
  [
    'a treatment',
    'recordTreatment',
    'treatments',
    { name: 'Ventoline', dosage: '2 bouffées' },
    'removeProfileEntry(ins: $ins, kind: TREATMENT, id: $id)',
  ],
];
const INPUT_TYPES: Record<string, string> = {
  recordAntecedent: 'AntecedentInput',
  recordHospitalisation: 'HospitalisationInput',
  recordTreatment: 'TreatmentInput',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const WRITE = gql`
  mutation ($input: PersonalDocumentWrite!) {
    writePersonalDocument(input: $input) {
      documentId
    }
  }
`;
const UNLINK = `mutation ($ins: String!, $ids: [ID!]!) { unlinkDocuments(ins: $ins, ids: $ids) }`;

describe('health-profile entries linked to documents of the personal space', () => {
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
  const write = async (actor: string, ins: string, over: Record<string, unknown> = {}) =>
    (
      await ok(actor, WRITE, {
        input: {
          ins,
          idempotencyKey: `ed-${Math.random().toString(36).slice(2)}`,
          typeCode: 'DOCPAT05',
          title: 'Compte rendu',
          effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
          content: { mimeType: 'application/pdf', base64: PDF.toString('base64'), sha256: sha256(PDF) },
          ...over,
        },
      })
    ).writePersonalDocument.documentId as string;
  const record = (mutation: string) =>
    `mutation ($ins: String!, $input: ${INPUT_TYPES[mutation]}!, $id: ID) { ${mutation}(ins: $ins, input: $input, id: $id) { id } }`;
  const links = async (actor: string, ins: string, list: string, entryId: string) => {
    const data = await ok(
      actor,
      `query ($ins: String!) { patient(ins: $ins) { personalSpace { ${list} { id documentLinks { id document { id title } } } } } }`,
      { ins },
    );
    return data.patient.personalSpace[list].find((e: any) => e.id === entryId).documentLinks as any[];
  };

  describe.each(KINDS)('%s', (_kind, mutation, list, input, remove) => {
    it.each(WRITERS)(
      'takes documents as %s, replaced on an update, each link removed alone',
      async (_who, actor, ins) => {
        const [a, b] = [await write(actor, ins, { title: 'A' }), await write(actor, ins, { title: 'B' })];
        const entry = (await ok(actor, record(mutation), { ins, input: { ...input, documentIds: [a, b] } }))[mutation]
          .id as string;
        const linked = await links(actor, ins, list, entry);
        expect(linked.map((l) => l.document)).toEqual([
          { id: a, title: 'A' },
          { id: b, title: 'B' },
        ]);
        // An update without documentIds leaves them; with them, replaces them.
        await ok(actor, record(mutation), { ins, id: entry, input });
        expect((await links(actor, ins, list, entry)).map((l) => l.document.id)).toEqual([a, b]);
        await ok(actor, record(mutation), { ins, id: entry, input: { ...input, documentIds: [b] } });
        const [onlyB] = await links(actor, ins, list, entry);
        expect(onlyB.document.id).toBe(b);
        // All or nothing: one unknown id and nothing is removed.
        const refused = await run(actor, UNLINK, { ins, ids: [onlyB.id, 'lnk-nope'] });
        expect(refusal(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids[1]' });
        expect(await links(actor, ins, list, entry)).toHaveLength(1);
        expect((await ok(actor, UNLINK, { ins, ids: [onlyB.id] })).unlinkDocuments).toEqual([onlyB.id]);
        expect(await links(actor, ins, list, entry)).toEqual([]);
      },
    );

    it('follows its document to a new version, and goes when the document or the entry goes', async () => {
      const actor = `patient:${ADULT}`;
      const first = await write(actor, ADULT, { title: 'v1' });
      const entry = (await ok(actor, record(mutation), { ins: ADULT, input: { ...input, documentIds: [first] } }))[
        mutation
      ].id as string;
      const second = await write(actor, ADULT, { title: 'v2', replaces: first });
      const [link] = await links(actor, ADULT, list, entry);
      expect(link.document).toEqual({ id: second, title: 'v2' });
      await ok(actor, `mutation ($ins: String!, $ids: [ID!]!) { deletePersonalDocuments(ins: $ins, ids: $ids) }`, {
        ins: ADULT,
        ids: [second],
      });
      expect(await links(actor, ADULT, list, entry)).toEqual([]);
      expect(refusal(await run(actor, UNLINK, { ins: ADULT, ids: [link.id] }))?.code).toBe('BAD_USER_INPUT');

      const kept = await write(actor, ADULT);
      await ok(actor, record(mutation), { ins: ADULT, id: entry, input: { ...input, documentIds: [kept] } });
      const [keptLink] = await links(actor, ADULT, list, entry);
      await ok(actor, `mutation ($ins: String!, $id: ID!) { ${remove} }`, { ins: ADULT, id: entry });
      expect(refusal(await run(actor, UNLINK, { ins: ADULT, ids: [keptLink.id] }))?.field).toBe('ids[0]');
    });

    it.each<[string, (own: string, foreign: string) => object, string]>([
      ["another patient's document", (_own, foreign) => ({ documentIds: [foreign] }), 'input.documentIds'],
      ['no such document', () => ({ documentIds: ['doc-nope'] }), 'input.documentIds'],
      [
        'more than twenty',
        (own) => ({ documentIds: Array.from({ length: 21 }, (_, i) => `${own}-${i}`) }),
        'input.documentIds',
      ],
    ])('refuses %s, naming the field, and records nothing', async (_case, ids, field) => {
      const actor = `patient:${ADULT}`;
      const own = await write(actor, ADULT);
      const foreign = await write(`patient:${OTHER}`, OTHER);
      const before = (
        await ok(actor, `query ($ins: String!) { patient(ins: $ins) { personalSpace { ${list} { id } } } }`, {
          ins: ADULT,
        })
      ).patient.personalSpace[list].length;
      const answer = await run(actor, record(mutation), { ins: ADULT, input: { ...input, ...ids(own, foreign) } });
      expect(refusal(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const after = (
        await ok(actor, `query ($ins: String!) { patient(ins: $ins) { personalSpace { ${list} { id } } } }`, {
          ins: ADULT,
        })
      ).patient.personalSpace[list].length;
      expect(after).toBe(before);
    });
  });

  it('a link shows only with a document the reader may read: masked from professionals, kept secret by the minor', async () => {
    const patient = `patient:${ADULT}`;
    const [shown, masked] = [
      await write(patient, ADULT, { title: 'shown' }),
      await write(patient, ADULT, { title: 'masked' }),
    ];
    const entry = (
      await ok(patient, record('recordHospitalisation'), {
        ins: ADULT,
        input: { reason: 'Fracture', documentIds: [shown, masked] },
      })
    ).recordHospitalisation.id as string;
    await ok(
      patient,
      `mutation ($ins: String!, $ids: [ID!]) { setDocumentsMasked(ins: $ins, ids: $ids, masked: true) { ins } }`,
      {
        ins: ADULT,
        ids: [Buffer.from(`personal-space:${masked}`).toString('base64url')],
      },
    );
    expect((await links(patient, ADULT, 'hospitalisations', entry)).map((l) => l.document.title)).toEqual([
      'shown',
      'masked',
    ]);
    expect((await links(ONCO, ADULT, 'hospitalisations', entry)).map((l) => l.document.title)).toEqual(['shown']);

    // The minor keeps a document from the representatives: the parent neither sees its link nor can make one.
    const child = `patient:${MINOR}`;
    const secret = await write(child, MINOR, { title: 'secret', visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] });
    const shared = await write(child, MINOR, { title: 'shared' });
    const childEntry = (
      await ok(child, record('recordAntecedent'), {
        ins: MINOR,
        input: { kind: 'MEDICAL', label: 'Suivi', documentIds: [secret, shared] },
      })
    ).recordAntecedent.id as string;
    expect((await links(PARENT, MINOR, 'antecedents', childEntry)).map((l) => l.document.title)).toEqual(['shared']);
    const byParent = await run(PARENT, record('recordAntecedent'), {
      ins: MINOR,
      input: { kind: 'MEDICAL', label: 'Suivi', documentIds: [secret] },
      id: childEntry,
    });
    expect(refusal(byParent)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentIds' });
    // The parent replacing the links touches only those they see: the minor's secret link stays.
    await ok(PARENT, record('recordAntecedent'), {
      ins: MINOR,
      input: { kind: 'MEDICAL', label: 'Suivi', documentIds: [] },
      id: childEntry,
    });
    expect((await links(child, MINOR, 'antecedents', childEntry)).map((l) => l.document.title)).toEqual(['secret']);
  });
});
