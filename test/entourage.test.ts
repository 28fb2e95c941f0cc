import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const MINOR = '115036912304567';

const PERSON = `
  id
  prefix
  firstName
  lastName
  name
  relationCode
  relationLabel
  phone
  otherPhone
  email
  address {
    street
    postalCode
    city
    country
  }
  types
  isTrustedPerson
`;
const ENTOURAGE = gql`
  query ($ins: String!, $types: [ContactType!]) {
    patient(ins: $ins) {
      personalSpace {
        entourage(types: $types) { ${PERSON} }
        trustedPerson {
          id
        }
        organDonationStatement {
          informed
          at
        }
      }
    }
  }
`;
const RECORD = gql`
  mutation ($ins: String!, $input: EmergencyContactInput!, $id: ID) {
    recordEmergencyContact(ins: $ins, input: $input, id: $id) { ${PERSON} }
  }
`;
const REMOVE = gql`
  mutation ($ins: String!, $id: ID!) {
    removePersonalEntry(ins: $ins, kind: EMERGENCY_CONTACT, id: $id)
  }
`;
const INFORMED = gql`
  mutation ($ins: String!, $input: OrganDonationInformedInput!) {
    setOrganDonationInformed(ins: $ins, input: $input) {
      informed
      at
    }
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

const JEANNE = {
  prefix: 'Madame',
  firstName: 'Jeanne',
  lastName: 'Roux',
  relationCode: 'SPOUSE',
  phone: '+33612345678',
  otherPhone: '01 23 45 67 89',
  email: 'jeanne.roux@example.fr',
  address: { street: '3 rue des Lilas', postalCode: '75011', city: 'Paris' },
  types: ['EMERGENCY_CONTACT', 'TRUSTED_PERSON', 'CAREGIVER'],
};

describe('the entourage: roles, the one personne de confiance, the organ-donation statement', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const call = async (actor: string, query: string, variables: object) => (await graph.as(actor))(query, variables);
  const ok = async (actor: string, query: string, variables: object) => {
    const { data, errors } = await call(actor, query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const space = async (actor: string, ins: string, types?: string[]) =>
    (await ok(actor, ENTOURAGE, { ins, types })).patient.personalSpace;

  const WRITERS: [string, string, string][] = [
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:w-parent', MINOR],
  ];

  it.each(WRITERS)(
    '%s names a person with several roles, edits them in place, and a new personne de confiance takes that role alone',
    async (_who, actor, ins) => {
      const jeanne = (await ok(actor, RECORD, { ins, input: JEANNE })).recordEmergencyContact;
      expect(jeanne).toMatchObject({
        prefix: 'Madame',
        name: 'Jeanne Roux',
        relationLabel: 'Conjoint(e), partenaire',
        types: ['EMERGENCY_CONTACT', 'CAREGIVER', 'TRUSTED_PERSON'],
        isTrustedPerson: true,
      });
      const helped = (
        await ok(actor, RECORD, {
          ins,
          input: {
            firstName: 'Louis',
            lastName: 'Roux',
            relationCode: 'FATHER',
            phone: '+33698765432',
            types: ['HELPED_PERSON'],
          },
        })
      ).recordEmergencyContact;
      expect(helped).toMatchObject({ types: ['HELPED_PERSON'], isTrustedPerson: false, prefix: null });
      const byRole = async (types: string[]) => (await space(actor, ins, types)).entourage.map((p: any) => p.id);
      expect(await byRole(['CAREGIVER'])).toEqual([jeanne.id]);
      expect(await byRole(['HELPED_PERSON'])).toEqual([helped.id]);
      expect((await byRole(['CAREGIVER', 'HELPED_PERSON'])).sort()).toEqual([jeanne.id, helped.id].sort());

      // Louis becomes the personne de confiance: Jeanne keeps her other roles, loses that one (L1111-6).
      const edited = (
        await ok(actor, RECORD, {
          ins,
          id: helped.id,
          input: {
            prefix: 'Monsieur',
            firstName: 'Louis',
            lastName: 'Roux',
            relationCode: 'FATHER',
            phone: '+33698765432',
            types: ['HELPED_PERSON', 'TRUSTED_PERSON'],
          },
        })
      ).recordEmergencyContact;
      expect(edited).toMatchObject({ id: helped.id, prefix: 'Monsieur', types: ['HELPED_PERSON', 'TRUSTED_PERSON'] });
      const seen = await space(actor, ins);
      expect(seen.trustedPerson).toEqual({ id: helped.id });
      expect(seen.entourage.find((p: any) => p.id === jeanne.id)).toMatchObject({
        types: ['EMERGENCY_CONTACT', 'CAREGIVER'],
        isTrustedPerson: false,
      });
      expect(await byRole(['TRUSTED_PERSON'])).toEqual([helped.id]);
      // A personne de confiance with no other role who is replaced stays someone to call.
      const only = (
        await ok(actor, RECORD, {
          ins,
          input: { name: 'Anne Petit', relation: 'Amie', phone: '+33611111111', types: ['TRUSTED_PERSON'] },
        })
      ).recordEmergencyContact;
      expect(only.types).toEqual(['TRUSTED_PERSON']);
      await ok(actor, RECORD, { ins, id: jeanne.id, input: JEANNE });
      const after = (await space(actor, ins)).entourage.find((p: any) => p.id === only.id);
      expect(after).toMatchObject({ types: ['EMERGENCY_CONTACT'], isTrustedPerson: false });

      const traces = (await ok(`patient:${ins}`, TRACES, { ins })).patient.accessTraces.nodes;
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['emergencyContacts'] });
      for (const id of [jeanne.id, helped.id, only.id]) await ok(actor, REMOVE, { ins, id });
      expect((await space(actor, ins)).entourage).toEqual([]);
    },
  );

  it.each(WRITERS)(
    '%s states being informed of the rules on organ donation, then withdraws it',
    async (_who, actor, ins) => {
      expect((await space(actor, ins)).organDonationStatement).toEqual({ informed: false, at: null });
      const stated = (await ok(actor, INFORMED, { ins, input: { informed: true } })).setOrganDonationInformed;
      expect(stated.informed).toBe(true);
      expect(Number.isNaN(Date.parse(stated.at))).toBe(false);
      expect((await space(actor, ins)).organDonationStatement).toEqual(stated);
      const withdrawn = (await ok(actor, INFORMED, { ins, input: { informed: false } })).setOrganDonationInformed;
      expect(withdrawn).toEqual({ informed: false, at: null });
      const traces = (await ok(`patient:${ins}`, TRACES, { ins })).patient.accessTraces.nodes;
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['organDonationStatement'] });
    },
  );

  const BASE = { name: 'X', relation: 'Y', phone: '+33612345678' };
  it.each<[string, object, string]>([
    ['no role', { ...BASE, types: [] }, 'input.types'],
    ['a role twice', { ...BASE, types: ['CAREGIVER', 'CAREGIVER'] }, 'input.types'],
    ['the flag without the role', { ...BASE, isTrustedPerson: true, types: ['CAREGIVER'] }, 'input.isTrustedPerson'],
    ['a prefix too long', { ...BASE, prefix: 'x'.repeat(21) }, 'input.prefix'],
    ['a bad e-mail', { ...BASE, email: 'not-an-address' }, 'input.email'],
    ['a French postal code that is not one', { ...BASE, address: { postalCode: '7501' } }, 'input.address.postalCode'],
  ])('%s is refused, naming the field, and nothing is written', async (_case, input, field) => {
    for (const [, actor, ins] of WRITERS) {
      const { errors } = await call(actor, RECORD, { ins, input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect((await space(actor, ins)).entourage).toEqual([]);
    }
  });

  it('an unknown role is refused by the schema', async () => {
    // GraphQL refuses the variable itself (HTTP 400): the resolver is never reached.
    await expect(
      call(`patient:${ADULT}`, RECORD, { ins: ADULT, input: { ...BASE, types: ['NEIGHBOUR'] } }),
    ).rejects.toThrow(/BAD_USER_INPUT/);
    expect((await space(`patient:${ADULT}`, ADULT)).entourage).toEqual([]);
  });

  it('a professional sees the entourage as the matrix lets them read EXPPAT_1, and writes nothing', async () => {
    const jeanne = (await ok(`patient:${ADULT}`, RECORD, { ins: ADULT, input: JEANNE })).recordEmergencyContact;
    await ok(`patient:${ADULT}`, INFORMED, { ins: ADULT, input: { informed: true } });
    // A médecin authorised by the patient reads EXPPAT_1: the entourage and the statement.
    const doctor = await space('ps:40000000002', ADULT);
    expect(doctor.entourage).toEqual([jeanne]);
    expect(doctor.trustedPerson).toEqual({ id: jeanne.id });
    expect(doctor.organDonationStatement.informed).toBe(true);
    // A pédicure-podologue, authorised too, does not: none of it reaches them.
    const podiatrist = await call('ps:40000000004', ENTOURAGE, { ins: ADULT });
    const seen = podiatrist.data?.patient?.personalSpace;
    expect([seen?.entourage ?? null, seen?.trustedPerson ?? null, seen?.organDonationStatement ?? null]).toEqual([
      null,
      null,
      null,
    ]);
    // A blocked professional gets what absence gets.
    expect((await call('ps:40000000005', ENTOURAGE, { ins: ADULT })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    for (const [query, variables] of [
      [RECORD, { ins: ADULT, input: BASE }],
      [INFORMED, { ins: ADULT, input: { informed: false } }],
    ] as const) {
      const { errors } = await call('ps:40000000002', query, variables);
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await space(`patient:${ADULT}`, ADULT)).organDonationStatement.informed).toBe(true);
    await ok(`patient:${ADULT}`, REMOVE, { ins: ADULT, id: jeanne.id });
  });
});
