import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const MINOR = '115036912304567';
const SPACE = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      personalSpace {
        documents(first: 100) {
          nodes {
            id
            version
            title
            author {
              kind
            }
            previousVersions {
              id
              title
            }
          }
        }
        allergies {
          id
          substance
          severity
        }
        antecedents {
          id
          kind
          label
        }
        vaccinations {
          id
          vaccine
          administeredOn
        }
        emergencyContacts {
          id
          name
          isTrustedPerson
        }
        trustedPerson {
          name
        }
        organDonation
      }
    }
  }
`;
const WRITE = gql`
  mutation ($input: PersonalDocumentWrite!) {
    writePersonalDocument(input: $input) {
      documentId
      version
      replaced
      duplicate
    }
  }
`;

describe("the patient's own space: they write, edit and delete what is theirs", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const as = (actor: string) => graph.as(actor);
  const space = async (actor: string, ins = ADULT) => {
    const { data, errors } = await (await as(actor))(SPACE, { ins });
    if (errors) throw new Error(JSON.stringify(errors));
    return data.patient.personalSpace;
  };
  const note = (over: Record<string, unknown> = {}) => ({
    ins: ADULT,
    idempotencyKey: `n-${Math.random().toString(36).slice(2)}`,
    typeCode: 'EXPPAT_2',
    title: 'Mes notes',
    effectiveAt: new Date().toISOString(),
    body: 'Tension 12/8 ce matin.',
    ...over,
  });

  it('writes a note, edits it (the old version stays as history) and deletes it with its history', async () => {
    const patient = await as(`patient:${ADULT}`);
    const v1 = (await patient(WRITE, { input: note({ title: 'Note v1' }) })).data.writePersonalDocument;
    const v2 = (await patient(WRITE, { input: note({ title: 'Note v2', replaces: v1.documentId }) })).data
      .writePersonalDocument;
    expect(v2).toMatchObject({ version: 2, replaced: v1.documentId });
    const docs = (await space(`patient:${ADULT}`)).documents.nodes;
    expect(docs.map((d: any) => d.id)).toContain(v2.documentId);
    expect(docs.map((d: any) => d.id)).not.toContain(v1.documentId);
    expect(docs.find((d: any) => d.id === v2.documentId)).toMatchObject({
      author: { kind: 'PATIENT' },
      previousVersions: [{ id: v1.documentId, title: 'Note v1' }],
    });
    const deleted = await patient(
      gql`
        mutation ($ins: String!, $id: ID!) {
          deletePersonalDocument(ins: $ins, documentId: $id)
        }
      `,
      { ins: ADULT, id: v2.documentId },
    );
    expect(deleted.data.deletePersonalDocument).toBe(v2.documentId);
    const left = await graph.stores['personal-space'].query(
      'SELECT id FROM personal_document WHERE id = ANY($1::text[])',
      [[v1.documentId, v2.documentId]],
    );
    expect(left).toEqual([]);
  });

  it('cannot delete what a professional wrote, but files a deletion request for a legitimate reason, which is recorded', async () => {
    const patient = await as(`patient:${ADULT}`);
    const refused = await patient(
      gql`
        mutation ($ins: String!) {
          deletePersonalDocument(ins: $ins, documentId: "a-h1")
        }
      `,
      { ins: ADULT },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId' });
    const request = await patient(
      gql`
        mutation ($ins: String!) {
          requestDocumentDeletion(
            ins: $ins
            documentId: "a-h1"
            source: hospital
            reason: "Ce compte rendu concerne une autre patiente."
          ) {
            id
            documentId
            source
            requestedAt
          }
        }
      `,
      { ins: ADULT },
    );
    expect(request.errors).toBeUndefined();
    expect(request.data.requestDocumentDeletion).toMatchObject({ documentId: 'a-h1', source: 'hospital' });
    const recorded = await graph.stores.patient.query(
      'SELECT document_id, source, requested_by FROM document_deletion_request WHERE patient_ins = $1',
      [ADULT],
    );
    expect(recorded).toEqual([{ document_id: 'a-h1', source: 'hospital', requested_by: `patient:${ADULT}` }]);
    const stillThere = await graph.stores.hospital.query(`SELECT 1 FROM hospital_report WHERE id = 'a-h1'`);
    expect(stillThere).toHaveLength(1);
    const vague = await patient(
      gql`
        mutation ($ins: String!) {
          requestDocumentDeletion(ins: $ins, documentId: "a-h1", source: hospital, reason: "non") {
            id
          }
        }
      `,
      { ins: ADULT },
    );
    expect(vague.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it.each([
    [
      'an allergy',
      'recordAllergy',
      '{ substance: "Arachide", severity: MILD }',
      '{ substance: "Arachide", reaction: "Oedème", severity: SEVERE }',
      'severity',
      'SEVERE',
    ],
    [
      'an antecedent',
      'recordAntecedent',
      '{ kind: MEDICAL, label: "Asthme" }',
      '{ kind: MEDICAL, label: "Asthme", sinceYear: 2001 }',
      'sinceYear',
      2001,
    ],
    [
      'a vaccination',
      'recordVaccination',
      '{ vaccine: "DTP", administeredOn: "2020-01-15" }',
      '{ vaccine: "DTP", administeredOn: "2020-01-15", lot: "L123" }',
      'lot',
      'L123',
    ],
    [
      'an emergency contact',
      'recordEmergencyContact',
      '{ name: "Paul Roux", relation: "Frère", phone: "+33612345678" }',
      '{ name: "Paul Roux", relation: "Frère", phone: "+33698765432" }',
      'phone',
      '+33698765432',
    ],
  ])(
    'edits %s in place: the id stays; an id not in this space is named and changes nothing',
    async (_what, mutation, first, second, field, value) => {
      const patient = await as(`patient:${ADULT}`);
      const made = await patient(`mutation ($ins: String!) { ${mutation}(ins: $ins, input: ${first}) { id } }`, {
        ins: ADULT,
      });
      expect(made.errors).toBeUndefined();
      const id = made.data[mutation].id;
      const edited = await patient(
        `mutation ($ins: String!, $id: ID!) { ${mutation}(ins: $ins, id: $id, input: ${second}) { id ${field} } }`,
        { ins: ADULT, id },
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data[mutation]).toEqual({ id, [field]: value });
      const before = await space(`patient:${ADULT}`);
      const elsewhere = await (
        await as(`patient:${MINOR}`)
      )(`mutation ($ins: String!, $id: ID!) { ${mutation}(ins: $ins, id: $id, input: ${first}) { id } }`, {
        ins: MINOR,
        id,
      });
      expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(await space(`patient:${ADULT}`)).toEqual(before);
    },
  );

  it('records allergies, antecedents, vaccinations, contacts with one personne de confiance, and the organ-donation stance; removes an entry', async () => {
    const patient = await as(`patient:${ADULT}`);
    const allergy = await patient(
      gql`
        mutation ($ins: String!) {
          recordAllergy(ins: $ins, input: { substance: "Pénicilline", reaction: "Urticaire", severity: SEVERE }) {
            id
            substance
          }
        }
      `,
      { ins: ADULT },
    );
    await patient(
      gql`
        mutation ($ins: String!) {
          recordAntecedent(ins: $ins, input: { kind: SURGICAL, label: "Appendicectomie", sinceYear: 1999 }) {
            id
          }
        }
      `,
      { ins: ADULT },
    );
    await patient(
      gql`
        mutation ($ins: String!) {
          recordVaccination(ins: $ins, input: { vaccine: "DTP", administeredOn: "2020-05-04", lot: "AB12" }) {
            id
          }
        }
      `,
      { ins: ADULT },
    );
    await patient(
      gql`
        mutation ($ins: String!) {
          recordEmergencyContact(
            ins: $ins
            input: { name: "Paul Lefèvre", relation: "Frère", phone: "+33 6 12 34 56 78", isTrustedPerson: true }
          ) {
            id
          }
        }
      `,
      { ins: ADULT },
    );
    await patient(
      gql`
        mutation ($ins: String!) {
          recordEmergencyContact(
            ins: $ins
            input: { name: "Marie Lefèvre", relation: "Sœur", phone: "06 98 76 54 32", isTrustedPerson: true }
          ) {
            id
          }
        }
      `,
      { ins: ADULT },
    );
    await patient(
      gql`
        mutation ($ins: String!) {
          setOrganDonation(ins: $ins, stance: OBJECTS)
        }
      `,
      { ins: ADULT },
    );
    let seen = await space(`patient:${ADULT}`);
    expect(seen.allergies).toContainEqual({
      id: allergy.data.recordAllergy.id,
      substance: 'Pénicilline',
      severity: 'SEVERE',
    });
    expect(seen.antecedents.map((a: any) => a.label)).toContain('Appendicectomie');
    expect(seen.vaccinations).toContainEqual(expect.objectContaining({ vaccine: 'DTP', administeredOn: '2020-05-04' }));
    expect(seen.emergencyContacts.filter((c: any) => c.isTrustedPerson).map((c: any) => c.name)).toEqual([
      'Marie Lefèvre',
    ]);
    expect(seen.trustedPerson).toEqual({ name: 'Marie Lefèvre' });
    expect(seen.organDonation).toBe('OBJECTS');
    const removed = await patient(
      gql`
        mutation ($ins: String!, $id: ID!) {
          removePersonalEntry(ins: $ins, kind: ALLERGY, id: $id)
        }
      `,
      { ins: ADULT, id: allergy.data.recordAllergy.id },
    );
    expect(removed.errors).toBeUndefined();
    seen = await space(`patient:${ADULT}`);
    expect(seen.allergies.map((a: any) => a.id)).not.toContain(allergy.data.recordAllergy.id);
  });

  it.each<[string, string, object, string]>([
    [
      'an empty substance',
      gql`
        mutation ($ins: String!) {
          recordAllergy(ins: $ins, input: { substance: " ", severity: MILD }) {
            id
          }
        }
      `,
      {},
      'input.substance',
    ],
    [
      'a vaccination in the future',
      gql`
        mutation ($ins: String!) {
          recordVaccination(ins: $ins, input: { vaccine: "DTP", administeredOn: "2099-01-01" }) {
            id
          }
        }
      `,
      {},
      'input.administeredOn',
    ],
    [
      'a phone that is not one',
      gql`
        mutation ($ins: String!) {
          recordEmergencyContact(ins: $ins, input: { name: "X", relation: "Y", phone: "call me" }) {
            id
          }
        }
      `,
      {},
      'input.phone',
    ],
    [
      'an antecedent from the future',
      gql`
        mutation ($ins: String!) {
          recordAntecedent(ins: $ins, input: { kind: MEDICAL, label: "Asthme", sinceYear: 2999 }) {
            id
          }
        }
      `,
      {},
      'input.sinceYear',
    ],
    [
      'an entry that is not there',
      gql`
        mutation ($ins: String!) {
          removePersonalEntry(ins: $ins, kind: VACCINATION, id: "nope")
        }
      `,
      {},
      'id',
    ],
    [
      'a note without text or file',
      WRITE,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'empty',
          typeCode: 'EXPPAT_2',
          title: 'Vide',
          effectiveAt: new Date().toISOString(),
        },
      },
      'input.body',
    ],
    [
      'a professional type in the personal space',
      WRITE,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'wrong-type',
          typeCode: '11490-0',
          title: 'X',
          effectiveAt: new Date().toISOString(),
          body: 'x',
        },
      },
      'input.typeCode',
    ],
    [
      'a document hidden from the patient by the patient',
      WRITE,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'hidden',
          typeCode: 'EXPPAT_2',
          title: 'X',
          effectiveAt: new Date().toISOString(),
          body: 'x',
          visibility: ['INVISIBLE_PATIENT'],
        },
      },
      'input.visibility',
    ],
  ])('refuses %s, naming the field, and changes nothing', async (_label, mutation, variables, field) => {
    const count = async () =>
      (
        await graph.stores['personal-space'].query<{ n: number }>(
          `SELECT (SELECT count(*) FROM allergy) + (SELECT count(*) FROM vaccination) + (SELECT count(*) FROM emergency_contact) + (SELECT count(*) FROM antecedent) + (SELECT count(*) FROM personal_document) AS n`,
        )
      )[0].n;
    const before = await count();
    const result = await (await as(`patient:${ADULT}`))(mutation, { ins: ADULT, ...variables });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });

  it("a legal representative writes into the minor's space; professionals and other patients do not", async () => {
    const rep = await as('rep:w-parent');
    const written = await rep(WRITE, { input: note({ ins: MINOR, title: 'Carnet de santé' }) });
    expect(written.errors).toBeUndefined();
    expect((await space('rep:w-parent', MINOR)).documents.nodes.map((d: any) => d.title)).toContain('Carnet de santé');
    for (const actor of ['ps:40000000001', `patient:${ADULT}`, 'etab:130786049']) {
      const refused = await (await as(actor))(WRITE, { input: note({ ins: MINOR }) });
      expect([actor, refused.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
      const allergy = await (
        await as(actor)
      )(
        gql`
          mutation ($ins: String!) {
            recordAllergy(ins: $ins, input: { substance: "Latex", severity: MILD }) {
              id
            }
          }
        `,
        { ins: MINOR },
      );
      expect([actor, allergy.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
    }
  });

  it("a representative's access ends by itself at the minor's majority", async () => {
    const rep = await as('rep:w-parent');
    const adultNow = await rep(SPACE, { ins: '108016912309933' });
    expect(adultNow.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const write = await rep(WRITE, { input: note({ ins: '108016912309933' }) });
    expect(write.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
