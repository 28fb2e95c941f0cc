import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const MINOR = '115036912304567';
const OTHER = '292037505607797';

const SPACE = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      personalSpace {
        allergies {
          id
          substance
          comment
          linkedTreatments {
            id
            name
          }
        }
        antecedents {
          id
          kind
          label
          sinceYear
          comment
          start {
            value
            precision
          }
          end {
            value
            precision
          }
          familyRelationship
          familyRelationshipLabel
          linkedTreatments {
            id
            name
          }
        }
        vaccinations {
          id
          vaccine
          administeredOn
          lot
          cip13
          doseKind
          doseKindLabel
          doseNumber
          performer
          comment
        }
        emergencyContacts {
          id
          name
          relation
          relationCode
          relationLabel
          firstName
          lastName
          phone
          otherPhone
          email
          address {
            street
            postalCode
            city
            country
          }
          isTrustedPerson
        }
        treatments {
          id
          linkedAllergies {
            id
          }
          linkedAntecedents {
            id
          }
        }
      }
    }
  }
`;
const ALLERGY = gql`
  mutation ($ins: String!, $input: AllergyInput!, $id: ID) {
    recordAllergy(ins: $ins, input: $input, id: $id) {
      id
      substance
      comment
      linkedTreatments {
        name
      }
    }
  }
`;
const ANTECEDENT = gql`
  mutation ($ins: String!, $input: AntecedentInput!, $id: ID) {
    recordAntecedent(ins: $ins, input: $input, id: $id) {
      id
      kind
      sinceYear
      comment
      start {
        value
        precision
      }
      end {
        value
        precision
      }
      familyRelationship
      familyRelationshipLabel
      linkedTreatments {
        name
      }
    }
  }
`;
const VACCINATION = gql`
  mutation ($ins: String!, $input: VaccinationInput!, $id: ID) {
    recordVaccination(ins: $ins, input: $input, id: $id) {
      id
      vaccine
      administeredOn
      lot
      cip13
      doseKind
      doseKindLabel
      doseNumber
      performer
      comment
    }
  }
`;
const CONTACT = gql`
  mutation ($ins: String!, $input: EmergencyContactInput!, $id: ID) {
    recordEmergencyContact(ins: $ins, input: $input, id: $id) {
      id
      name
      relation
      relationCode
      relationLabel
      firstName
      lastName
      phone
      otherPhone
      email
      address {
        street
        postalCode
        city
        country
      }
      isTrustedPerson
    }
  }
`;
const TREATMENT = gql`
  mutation ($ins: String!, $name: String!) {
    recordTreatment(ins: $ins, input: { name: $name }) {
      id
    }
  }
`;
const REMOVE = gql`
  mutation ($ins: String!, $kind: PersonalEntryKind!, $id: ID!) {
    removePersonalEntry(ins: $ins, kind: $kind, id: $id)
  }
`;
const TRACES = gql`
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
`;

describe('the older sections of the personal space: comments, partial dates, relatives, vaccine details, contacts', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const ok = async (actor: string, query: string, variables: object) => {
    const { data, errors } = await (await graph.as(actor))(query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const space = async (actor: string, ins: string) => (await ok(actor, SPACE, { ins })).patient.personalSpace;
  const treatment = async (actor: string, ins: string, name: string) =>
    (await ok(actor, TREATMENT, { ins, name })).recordTreatment.id as string;

  // The patient on their own record, and a legal representative on the minor's.
  const WRITERS: [string, string, string][] = [
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:w-parent', MINOR],
  ];

  it.each(WRITERS)(
    '%s records an allergy with a comment and its treatments, edits it in place (links kept unless given), and the treatment sees it',
    async (_who, actor, ins) => {
      const antihistamine = await treatment(actor, ins, 'Aerius');
      const adrenaline = await treatment(actor, ins, 'Anapen');
      const made = (
        await ok(actor, ALLERGY, {
          ins,
          input: {
            substance: 'Arachide',
            severity: 'SEVERE',
            comment: 'Œdème de Quincke en 2015',
            treatmentIds: [antihistamine, adrenaline, antihistamine],
          },
        })
      ).recordAllergy;
      expect(made).toMatchObject({ substance: 'Arachide', comment: 'Œdème de Quincke en 2015' });
      expect(made.linkedTreatments.map((t: any) => t.name).sort()).toEqual(['Aerius', 'Anapen']);
      // Without treatmentIds the links stay; the comment is replaced like every other field.
      const edited = (
        await ok(actor, ALLERGY, { ins, id: made.id, input: { substance: 'Arachide', severity: 'SEVERE' } })
      ).recordAllergy;
      expect(edited).toMatchObject({ id: made.id, comment: null });
      expect(edited.linkedTreatments).toHaveLength(2);
      const fewer = (
        await ok(actor, ALLERGY, {
          ins,
          id: made.id,
          input: { substance: 'Arachide', severity: 'SEVERE', treatmentIds: [adrenaline] },
        })
      ).recordAllergy;
      expect(fewer.linkedTreatments).toEqual([{ name: 'Anapen' }]);
      const seen = await space(actor, ins);
      expect(seen.allergies).toEqual([
        { id: made.id, substance: 'Arachide', comment: null, linkedTreatments: [{ id: adrenaline, name: 'Anapen' }] },
      ]);
      // The same rows, seen from the treatment's side.
      const byId = new Map(seen.treatments.map((t: any) => [t.id, t.linkedAllergies]));
      expect([byId.get(adrenaline), byId.get(antihistamine)]).toEqual([[{ id: made.id }], []]);
      const none = (
        await ok(actor, ALLERGY, {
          ins,
          id: made.id,
          input: { substance: 'Arachide', severity: 'SEVERE', treatmentIds: [] },
        })
      ).recordAllergy;
      expect(none.linkedTreatments).toEqual([]);
      await ok(actor, REMOVE, { ins, kind: 'ALLERGY', id: made.id });
      const traces = (await ok(`patient:${ins}`, TRACES, { ins })).patient.accessTraces.nodes;
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['allergies'] });
    },
  );

  it.each(WRITERS)(
    '%s records a disease with partial dates, a comment and treatments, and a family antecedent with the relative',
    async (_who, actor, ins) => {
      const insulin = await treatment(actor, ins, 'Insuline');
      const disease = (
        await ok(actor, ANTECEDENT, {
          ins,
          input: {
            kind: 'MEDICAL',
            label: 'Diabète de type 1',
            start: '2019-04',
            comment: 'Découvert aux urgences',
            treatmentIds: [insulin],
          },
        })
      ).recordAntecedent;
      expect(disease).toMatchObject({
        sinceYear: 2019,
        start: { value: '2019-04', precision: 'MONTH' },
        end: null,
        comment: 'Découvert aux urgences',
        familyRelationship: null,
        linkedTreatments: [{ name: 'Insuline' }],
      });
      const ended = (
        await ok(actor, ANTECEDENT, {
          ins,
          id: disease.id,
          input: { kind: 'SURGICAL', label: 'Appendicite', start: '2019-04-12', end: '2019-05' },
        })
      ).recordAntecedent;
      expect(ended).toMatchObject({
        id: disease.id,
        kind: 'SURGICAL',
        start: { value: '2019-04-12', precision: 'DAY' },
        end: { value: '2019-05', precision: 'MONTH' },
        comment: null,
        linkedTreatments: [{ name: 'Insuline' }],
      });
      // A year alone, as before partial dates, is the year's partial date.
      const older = (await ok(actor, ANTECEDENT, { ins, input: { kind: 'MEDICAL', label: 'Asthme', sinceYear: 2001 } }))
        .recordAntecedent;
      expect(older).toMatchObject({ sinceYear: 2001, start: { value: '2001', precision: 'YEAR' } });
      const family = (
        await ok(actor, ANTECEDENT, {
          ins,
          input: {
            kind: 'FAMILY',
            label: 'Cancer du sein',
            familyRelationship: 'GREAT_GRANDMOTHER',
            comment: 'À 60 ans',
          },
        })
      ).recordAntecedent;
      expect(family).toMatchObject({
        familyRelationship: 'GREAT_GRANDMOTHER',
        familyRelationshipLabel: 'Arrière-grand-mère',
        comment: 'À 60 ans',
        start: null,
      });
      const aunt = (
        await ok(actor, ANTECEDENT, {
          ins,
          id: family.id,
          input: { kind: 'FAMILY', label: 'Cancer du sein', familyRelationship: 'AUNT' },
        })
      ).recordAntecedent;
      expect(aunt).toMatchObject({ id: family.id, familyRelationship: 'AUNT', familyRelationshipLabel: 'Tante' });
      // The most recent start first, undated last.
      const seen = (await space(actor, ins)).antecedents;
      expect(seen.map((a: any) => a.id)).toEqual([disease.id, older.id, family.id]);
      expect(seen[0].linkedTreatments).toEqual([{ id: insulin, name: 'Insuline' }]);
      for (const id of [disease.id, older.id, family.id]) await ok(actor, REMOVE, { ins, kind: 'ANTECEDENT', id });
    },
  );

  it.each(WRITERS)(
    '%s records a vaccination with its CIP13, dose, batch, vaccinator and comment, and edits it in place',
    async (_who, actor, ins) => {
      const made = (
        await ok(actor, VACCINATION, {
          ins,
          input: {
            vaccine: 'Boostrixtetra',
            administeredOn: '2021-03-02',
            lot: 'AC37B',
            cip13: '3400935955838',
            doseKind: 'BOOSTER',
            doseNumber: 2,
            performer: 'Dr Martin, pharmacie du Centre',
            comment: 'Bras gauche',
          },
        })
      ).recordVaccination;
      expect(made).toMatchObject({
        vaccine: 'Boostrixtetra',
        administeredOn: '2021-03-02',
        lot: 'AC37B',
        cip13: '3400935955838',
        doseKind: 'BOOSTER',
        doseKindLabel: 'Rappel',
        doseNumber: 2,
        performer: 'Dr Martin, pharmacie du Centre',
        comment: 'Bras gauche',
      });
      const edited = (
        await ok(actor, VACCINATION, {
          ins,
          id: made.id,
          input: { vaccine: 'Boostrixtetra', administeredOn: '2021-03-02', doseKind: 'INITIMMUNIZ', doseNumber: 1 },
        })
      ).recordVaccination;
      expect(edited).toEqual({
        id: made.id,
        vaccine: 'Boostrixtetra',
        administeredOn: '2021-03-02',
        lot: null,
        cip13: null,
        doseKind: 'INITIMMUNIZ',
        doseKindLabel: 'Primovaccination',
        doseNumber: 1,
        performer: null,
        comment: null,
      });
      expect((await space(actor, ins)).vaccinations).toEqual([edited]);
      await ok(actor, REMOVE, { ins, kind: 'VACCINATION', id: made.id });
    },
  );

  it.each(WRITERS)(
    '%s records a contact by first and last name with a coded relation, two numbers, an e-mail and an address',
    async (_who, actor, ins) => {
      const made = (
        await ok(actor, CONTACT, {
          ins,
          input: {
            firstName: 'Jeanne',
            lastName: 'Roux',
            relationCode: 'SPOUSE',
            phone: '+33612345678',
            otherPhone: '01 23 45 67 89',
            email: 'jeanne.roux@example.fr',
            address: { street: '3 rue des Lilas', postalCode: '75011', city: 'Paris' },
            isTrustedPerson: true,
          },
        })
      ).recordEmergencyContact;
      expect(made).toMatchObject({
        name: 'Jeanne Roux',
        relation: 'Conjoint(e), partenaire',
        relationCode: 'SPOUSE',
        relationLabel: 'Conjoint(e), partenaire',
        firstName: 'Jeanne',
        lastName: 'Roux',
        otherPhone: '01 23 45 67 89',
        email: 'jeanne.roux@example.fr',
        address: { street: '3 rue des Lilas', postalCode: '75011', city: 'Paris', country: null },
        isTrustedPerson: true,
      });
      // Updated in place: the words win over the code's label, and an address abroad takes its own postal code.
      const edited = (
        await ok(actor, CONTACT, {
          ins,
          id: made.id,
          input: {
            name: 'Jeanne Roux-Martin',
            relation: 'Épouse',
            relationCode: 'SPOUSE',
            phone: '+32470123456',
            address: { postalCode: 'B-1000', city: 'Bruxelles', country: 'Belgique' },
          },
        })
      ).recordEmergencyContact;
      expect(edited).toMatchObject({
        id: made.id,
        name: 'Jeanne Roux-Martin',
        relation: 'Épouse',
        relationLabel: 'Conjoint(e), partenaire',
        firstName: null,
        otherPhone: null,
        email: null,
        address: { street: null, postalCode: 'B-1000', city: 'Bruxelles', country: 'Belgique' },
        isTrustedPerson: false,
      });
      const seen = (await space(actor, ins)).emergencyContacts;
      expect(seen).toEqual([edited]);
      // An old client's contact (name and relation in words) has no address, not an empty one.
      const plain = (
        await ok(actor, CONTACT, { ins, input: { name: 'Paul Roux', relation: 'Frère', phone: '+33698765432' } })
      ).recordEmergencyContact;
      expect(plain).toMatchObject({ relationCode: null, relationLabel: null, address: null });
      for (const id of [made.id, plain.id]) await ok(actor, REMOVE, { ins, kind: 'EMERGENCY_CONTACT', id });
    },
  );

  const A = { substance: 'X', severity: 'MILD' };
  const D = { kind: 'MEDICAL', label: 'X' };
  const V = { vaccine: 'X', administeredOn: '2020-01-01' };
  const C = { name: 'X', relation: 'Y', phone: '+33612345678' };
  it.each<[string, string, object, string]>([
    ['a comment too long', ALLERGY, { input: { ...A, comment: 'x'.repeat(1001) } }, 'input.comment'],
    [
      'too many treatments',
      ALLERGY,
      { input: { ...A, treatmentIds: [...Array(21).keys()].map((i) => `t${i}`) } },
      'input.treatmentIds',
    ],
    [
      'a treatment id that is not one',
      ALLERGY,
      { input: { ...A, treatmentIds: ['no spaces'] } },
      'input.treatmentIds[0]',
    ],
    ['a treatment of no one', ALLERGY, { input: { ...A, treatmentIds: ['trt-nope'] } }, 'input.treatmentIds'],
    [
      'a treatment of no one, on a disease',
      ANTECEDENT,
      { input: { ...D, treatmentIds: ['trt-nope'] } },
      'input.treatmentIds',
    ],
    ['a start of 30 February', ANTECEDENT, { input: { ...D, start: '2019-02-30' } }, 'input.start'],
    ['a start in the future', ANTECEDENT, { input: { ...D, start: '2999' } }, 'input.start'],
    ['an end in the future', ANTECEDENT, { input: { ...D, end: '2999-01' } }, 'input.end'],
    ['an end before the start', ANTECEDENT, { input: { ...D, start: '2020-05', end: '2020-04' } }, 'input.end'],
    [
      'a year that is not the start’s',
      ANTECEDENT,
      { input: { ...D, start: '2019', sinceYear: 2018 } },
      'input.sinceYear',
    ],
    [
      'a relative on a disease of the patient',
      ANTECEDENT,
      { input: { ...D, familyRelationship: 'MOTHER' } },
      'input.familyRelationship',
    ],
    ['a CIP13 that is not one', VACCINATION, { input: { ...V, cip13: '1234567890123' } }, 'input.cip13'],
    ['a dose of rank 0', VACCINATION, { input: { ...V, doseNumber: 0 } }, 'input.doseNumber'],
    ['a dose of rank 21', VACCINATION, { input: { ...V, doseNumber: 21 } }, 'input.doseNumber'],
    ['a vaccinator’s name too long', VACCINATION, { input: { ...V, performer: 'x'.repeat(201) } }, 'input.performer'],
    ['a contact with no name at all', CONTACT, { input: { relation: 'Y', phone: '+33612345678' } }, 'input.name'],
    ['a contact with no relation at all', CONTACT, { input: { name: 'X', phone: '+33612345678' } }, 'input.relation'],
    ['a second number that is not one', CONTACT, { input: { ...C, otherPhone: 'le soir' } }, 'input.otherPhone'],
    ['an e-mail without a domain', CONTACT, { input: { ...C, email: 'jeanne@' } }, 'input.email'],
    [
      'a French postal code of four digits',
      CONTACT,
      { input: { ...C, address: { postalCode: '7501' } } },
      'input.address.postalCode',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_case, mutation, variables, field) => {
    const before = await space(`patient:${ADULT}`, ADULT);
    const answer = await (await graph.as(`patient:${ADULT}`))(mutation, { ins: ADULT, ...variables });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await space(`patient:${ADULT}`, ADULT)).toEqual(before);
  });

  it("links only the patient's own treatments; an authorised médecin reads the details; others read nothing", async () => {
    const theirs = await treatment('rep:w-parent', MINOR, 'Ventoline');
    const refused = await (
      await graph.as(`patient:${ADULT}`)
    )(ALLERGY, { ins: ADULT, input: { ...A, treatmentIds: [theirs] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.treatmentIds' });
    const mine = await treatment(`patient:${ADULT}`, ADULT, 'Doliprane');
    const allergy = (
      await ok(`patient:${ADULT}`, ALLERGY, {
        ins: ADULT,
        input: { substance: 'Pénicilline', severity: 'MODERATE', comment: 'Urticaire', treatmentIds: [mine] },
      })
    ).recordAllergy;
    const family = (
      await ok(`patient:${ADULT}`, ANTECEDENT, {
        ins: ADULT,
        input: { kind: 'FAMILY', label: 'Glaucome', familyRelationship: 'FATHER' },
      })
    ).recordAntecedent;
    const read = await space('ps:40000000002', ADULT);
    expect(read.allergies).toContainEqual({
      id: allergy.id,
      substance: 'Pénicilline',
      comment: 'Urticaire',
      linkedTreatments: [{ id: mine, name: 'Doliprane' }],
    });
    expect(read.antecedents).toContainEqual(
      expect.objectContaining({ id: family.id, familyRelationship: 'FATHER', familyRelationshipLabel: 'Père' }),
    );
    for (const reader of ['ps:40000000005', `patient:${OTHER}`]) {
      const answer = await (await graph.as(reader))(SPACE, { ins: ADULT });
      expect([reader, answer.errors?.[0].extensions.code]).toEqual([reader, 'NOT_FOUND']);
    }
    // A professional writes nothing here, with or without the new fields.
    const written = await (await graph.as('ps:40000000001'))(ALLERGY, { ins: ADULT, input: { ...A, comment: 'x' } });
    expect(written.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await ok(`patient:${ADULT}`, REMOVE, { ins: ADULT, kind: 'ALLERGY', id: allergy.id });
    await ok(`patient:${ADULT}`, REMOVE, { ins: ADULT, kind: 'ANTECEDENT', id: family.id });
  });
});
