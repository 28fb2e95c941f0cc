import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const MINOR = '115036912304567';
const OTHER = '292037505607797';
const CLOSED = '270057505600122';

const PROFILE = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      personalSpace {
        treatments {
          id
          name
          cip13
          dosage
          comment
          start {
            value
            precision
            year
            month
            day
          }
          end {
            value
            precision
          }
          linkedAllergies {
            id
            substance
          }
          linkedAntecedents {
            id
            label
          }
        }
        hospitalisations {
          id
          reason
          start {
            value
            precision
          }
          duration
          durationUnit
          durationUnitLabel
        }
        disabilities {
          id
          name
          kinds
          kindLabels
          rate
          rateLabel
          technicalHelp
          humanHelp
        }
        profileSections {
          section
          label
          notConcerned
          declaredAt
        }
      }
    }
  }
`;
const TREATMENT = gql`
  mutation ($ins: String!, $input: TreatmentInput!, $id: ID) {
    recordTreatment(ins: $ins, input: $input, id: $id) {
      id
      name
      cip13
      start {
        value
        precision
      }
      end {
        value
        precision
      }
      linkedAllergies {
        substance
      }
      linkedAntecedents {
        label
      }
    }
  }
`;
const HOSPITALISATION = gql`
  mutation ($ins: String!, $input: HospitalisationInput!, $id: ID) {
    recordHospitalisation(ins: $ins, input: $input, id: $id) {
      id
      reason
      start {
        value
        precision
      }
      duration
      durationUnit
      durationUnitLabel
    }
  }
`;
const DISABILITY = gql`
  mutation ($ins: String!, $input: DisabilityInput!, $id: ID) {
    recordDisability(ins: $ins, input: $input, id: $id) {
      id
      name
      kinds
      kindLabels
      rate
      rateLabel
    }
  }
`;
const NOT_CONCERNED = gql`
  mutation ($ins: String!, $section: ProfileSection!, $notConcerned: Boolean!) {
    setProfileSectionNotConcerned(ins: $ins, section: $section, notConcerned: $notConcerned) {
      section
      notConcerned
      declaredAt
    }
  }
`;
const REMOVE = gql`
  mutation ($ins: String!, $kind: ProfileEntryKind!, $id: ID!) {
    removeProfileEntry(ins: $ins, kind: $kind, id: $id)
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

describe("the health profile's declared sections: treatments, hospitalisations, disabilities, not concerned", () => {
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
  const profile = async (actor: string, ins: string) => (await ok(actor, PROFILE, { ins })).patient.personalSpace;

  // The patient on their own record, and a legal representative on the minor's.
  const WRITERS: [string, string, string][] = [
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:w-parent', MINOR],
  ];

  it.each(WRITERS)(
    '%s records a treatment with partial dates, a CIP13 and links, edits it in place and removes it; each write is traced',
    async (_who, actor, ins) => {
      const allergy = (
        await ok(
          actor,
          'mutation ($ins: String!) { recordAllergy(ins: $ins, input: { substance: "Aspirine", severity: MODERATE }) { id } }',
          { ins },
        )
      ).recordAllergy.id;
      const disease = (
        await ok(
          actor,
          'mutation ($ins: String!) { recordAntecedent(ins: $ins, input: { kind: MEDICAL, label: "Hypertension" }) { id } }',
          { ins },
        )
      ).recordAntecedent.id;
      const made = (
        await ok(actor, TREATMENT, {
          ins,
          input: {
            name: 'Doliprane 1000 mg',
            cip13: '3400935955838',
            dosage: '1 comprimé si douleur',
            start: '2019-04',
            allergyIds: [allergy],
            antecedentIds: [disease],
          },
        })
      ).recordTreatment;
      expect(made).toMatchObject({
        name: 'Doliprane 1000 mg',
        cip13: '3400935955838',
        start: { value: '2019-04', precision: 'MONTH' },
        end: null,
        linkedAllergies: [{ substance: 'Aspirine' }],
        linkedAntecedents: [{ label: 'Hypertension' }],
      });
      const edited = (
        await ok(actor, TREATMENT, {
          ins,
          id: made.id,
          input: { name: 'Doliprane 500 mg', start: '2019', end: '2020-02-29', antecedentIds: [disease] },
        })
      ).recordTreatment;
      expect(edited).toMatchObject({
        id: made.id,
        name: 'Doliprane 500 mg',
        cip13: null,
        start: { value: '2019', precision: 'YEAR' },
        end: { value: '2020-02-29', precision: 'DAY' },
        linkedAllergies: [],
        linkedAntecedents: [{ label: 'Hypertension' }],
      });
      const seen = (await profile(actor, ins)).treatments;
      expect(seen).toEqual([
        expect.objectContaining({
          id: made.id,
          name: 'Doliprane 500 mg',
          start: { value: '2019', precision: 'YEAR', year: 2019, month: null, day: null },
        }),
      ]);
      // Removing the antecedent removes the link, not the treatment.
      await ok(
        actor,
        'mutation ($ins: String!, $id: ID!) { removePersonalEntry(ins: $ins, kind: ANTECEDENT, id: $id) }',
        {
          ins,
          id: disease,
        },
      );
      expect((await profile(actor, ins)).treatments[0].linkedAntecedents).toEqual([]);
      expect((await ok(actor, REMOVE, { ins, kind: 'TREATMENT', id: made.id })).removeProfileEntry).toBe(made.id);
      expect((await profile(actor, ins)).treatments).toEqual([]);
      await ok(actor, 'mutation ($ins: String!, $id: ID!) { removePersonalEntry(ins: $ins, kind: ALLERGY, id: $id) }', {
        ins,
        id: allergy,
      });
      const traces = (await ok(`patient:${ins}`, TRACES, { ins })).patient.accessTraces.nodes;
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['treatments'] });
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['remove:treatment'] });
    },
  );

  it.each(WRITERS)(
    '%s records a hospitalisation and a disability with labels beside codes, edits each in place, removes them',
    async (_who, actor, ins) => {
      const stay = (
        await ok(actor, HOSPITALISATION, {
          ins,
          input: { reason: 'Appendicite', start: '2012-07', duration: 3, durationUnit: 'DAY' },
        })
      ).recordHospitalisation;
      expect(stay).toMatchObject({
        reason: 'Appendicite',
        start: { value: '2012-07', precision: 'MONTH' },
        duration: 3,
        durationUnit: 'DAY',
        durationUnitLabel: 'jour(s)',
      });
      const longer = (
        await ok(actor, HOSPITALISATION, {
          ins,
          id: stay.id,
          input: { reason: 'Appendicite', start: '2012-07-14', duration: 2, durationUnit: 'WEEK' },
        })
      ).recordHospitalisation;
      expect(longer).toMatchObject({
        id: stay.id,
        start: { value: '2012-07-14', precision: 'DAY' },
        durationUnit: 'WEEK',
      });
      const disability = (
        await ok(actor, DISABILITY, {
          ins,
          input: { name: 'Surdité', kinds: ['HEARING', 'HEARING'], rate: 'FROM_50_TO_79', technicalHelp: true },
        })
      ).recordDisability;
      expect(disability).toMatchObject({
        kinds: ['HEARING'],
        kindLabels: ['Handicap auditif'],
        rate: 'FROM_50_TO_79',
        rateLabel: 'De 50 à 79 %',
      });
      const edited = (
        await ok(actor, DISABILITY, { ins, id: disability.id, input: { name: 'Surdité', kinds: ['HEARING', 'MOTOR'] } })
      ).recordDisability;
      expect(edited).toMatchObject({ id: disability.id, kinds: ['HEARING', 'MOTOR'], rate: null });
      const seen = await profile(actor, ins);
      expect(seen.hospitalisations.map((h: any) => [h.id, h.duration])).toEqual([[stay.id, 2]]);
      expect(seen.disabilities).toEqual([
        expect.objectContaining({ id: disability.id, kinds: ['HEARING', 'MOTOR'], technicalHelp: null }),
      ]);
      await ok(actor, REMOVE, { ins, kind: 'HOSPITALISATION', id: stay.id });
      await ok(actor, REMOVE, { ins, kind: 'DISABILITY', id: disability.id });
      const after = await profile(actor, ins);
      expect([after.hospitalisations, after.disabilities]).toEqual([[], []]);
    },
  );

  // Each section, with the write that adds an entry to it and the one that removes it again.
  const add: Record<string, (actor: string, ins: string) => Promise<[string, string]>> = {
    ALLERGIES: async (actor, ins) => [
      'ALLERGY',
      (
        await ok(
          actor,
          'mutation ($ins: String!) { recordAllergy(ins: $ins, input: { substance: "Latex", severity: MILD }) { id } }',
          { ins },
        )
      ).recordAllergy.id,
    ],
    MEDICAL_HISTORY: async (actor, ins) => [
      'ANTECEDENT',
      (
        await ok(
          actor,
          'mutation ($ins: String!) { recordAntecedent(ins: $ins, input: { kind: SURGICAL, label: "Fracture" }) { id } }',
          { ins },
        )
      ).recordAntecedent.id,
    ],
    FAMILY_HISTORY: async (actor, ins) => [
      'ANTECEDENT',
      (
        await ok(
          actor,
          'mutation ($ins: String!) { recordAntecedent(ins: $ins, input: { kind: FAMILY, label: "Diabète" }) { id } }',
          { ins },
        )
      ).recordAntecedent.id,
    ],
    TREATMENTS: async (actor, ins) => [
      'TREATMENT',
      (await ok(actor, TREATMENT, { ins, input: { name: 'Ventoline' } })).recordTreatment.id,
    ],
    HOSPITALISATIONS: async (actor, ins) => [
      'HOSPITALISATION',
      (await ok(actor, HOSPITALISATION, { ins, input: { reason: 'Naissance' } })).recordHospitalisation.id,
    ],
    DISABILITIES: async (actor, ins) => [
      'DISABILITY',
      (await ok(actor, DISABILITY, { ins, input: { name: 'Cécité' } })).recordDisability.id,
    ],
  };
  const remove = (actor: string, ins: string, kind: string, id: string) =>
    ['ALLERGY', 'ANTECEDENT'].includes(kind)
      ? ok(actor, `mutation ($ins: String!, $id: ID!) { removePersonalEntry(ins: $ins, kind: ${kind}, id: $id) }`, {
          ins,
          id,
        })
      : ok(actor, REMOVE, { ins, kind, id });
  const stateOf = async (actor: string, ins: string, section: string) =>
    (await profile(actor, ins)).profileSections.find((s: any) => s.section === section);

  it.each(
    Object.keys(add).flatMap((section) => [
      [section, 'the patient', `patient:${OTHER}`, OTHER],
      [section, 'a legal representative', 'rep:w-parent', MINOR],
    ]),
  )(
    '%s: %s declares it does not concern them; an entry ends it; it is refused while entries exist; withdrawn',
    async (section, _who, actor, ins) => {
      expect(await stateOf(actor, ins, section)).toMatchObject({ notConcerned: false, declaredAt: null });
      const declared = (await ok(actor, NOT_CONCERNED, { ins, section, notConcerned: true }))
        .setProfileSectionNotConcerned;
      expect(declared).toMatchObject({ section, notConcerned: true });
      expect(await stateOf(actor, ins, section)).toEqual(
        expect.objectContaining({ notConcerned: true, declaredAt: declared.declaredAt }),
      );
      const [kind, id] = await add[section](actor, ins);
      expect(await stateOf(actor, ins, section)).toMatchObject({ notConcerned: false, declaredAt: null });
      const refused = await (await graph.as(actor))(NOT_CONCERNED, { ins, section, notConcerned: true });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'section' });
      expect(await stateOf(actor, ins, section)).toMatchObject({ notConcerned: false });
      await remove(actor, ins, kind, id);
      // Nothing comes back by itself once the entry is gone: never filled in is not "not concerned".
      expect(await stateOf(actor, ins, section)).toMatchObject({ notConcerned: false });
      await ok(actor, NOT_CONCERNED, { ins, section, notConcerned: true });
      const others = (await profile(actor, ins)).profileSections
        .filter((s: any) => s.notConcerned)
        .map((s: any) => s.section);
      expect(others).toEqual([section]);
      const withdrawn = (await ok(actor, NOT_CONCERNED, { ins, section, notConcerned: false }))
        .setProfileSectionNotConcerned;
      expect(withdrawn).toEqual({ section, notConcerned: false, declaredAt: null });
      expect(await stateOf(actor, ins, section)).toMatchObject({ notConcerned: false });
    },
  );

  it.each<[string, string, object, string]>([
    ['a month 13', TREATMENT, { input: { name: 'X', start: '2026-13' } }, 'input.start'],
    ['30 February', TREATMENT, { input: { name: 'X', start: '2026-02-30' } }, 'input.start'],
    ['29 February of a common year', TREATMENT, { input: { name: 'X', end: '2019-02-29' } }, 'input.end'],
    ['a month written with one digit', TREATMENT, { input: { name: 'X', start: '2019-4' } }, 'input.start'],
    ['a year before 1900', TREATMENT, { input: { name: 'X', start: '1899' } }, 'input.start'],
    ['a start in the future', TREATMENT, { input: { name: 'X', start: '2999' } }, 'input.start'],
    ['an end before the start', TREATMENT, { input: { name: 'X', start: '2020-05', end: '2020-04-30' } }, 'input.end'],
    ['a CIP13 that is not one', TREATMENT, { input: { name: 'X', cip13: '1234567890123' } }, 'input.cip13'],
    ['an empty name', TREATMENT, { input: { name: '  ' } }, 'input.name'],
    ['an allergy of no one', TREATMENT, { input: { name: 'X', allergyIds: ['alg-nope'] } }, 'input.allergyIds'],
    ['a treatment not in this space', TREATMENT, { id: 'trt-nope', input: { name: 'X' } }, 'id'],
    ['a stay starting in the future', HOSPITALISATION, { input: { reason: 'X', start: '2999-01' } }, 'input.start'],
    ['a duration without its unit', HOSPITALISATION, { input: { reason: 'X', duration: 3 } }, 'input.durationUnit'],
    ['a unit without a duration', HOSPITALISATION, { input: { reason: 'X', durationUnit: 'DAY' } }, 'input.duration'],
    [
      'a duration of nothing',
      HOSPITALISATION,
      { input: { reason: 'X', duration: 0, durationUnit: 'DAY' } },
      'input.duration',
    ],
    ['a disability not in this space', DISABILITY, { id: 'dis-nope', input: { name: 'X' } }, 'id'],
    ['an entry not there', REMOVE, { kind: 'DISABILITY', id: 'dis-nope' }, 'id'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, mutation, variables, field) => {
    const before = await profile(`patient:${ADULT}`, ADULT);
    const answer = await (await graph.as(`patient:${ADULT}`))(mutation, { ins: ADULT, ...variables });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await profile(`patient:${ADULT}`, ADULT)).toEqual(before);
  });

  it("takes a leap day, and no one edits or removes another patient's entry", async () => {
    const mine = (
      await ok(`patient:${ADULT}`, TREATMENT, { ins: ADULT, input: { name: 'Levothyrox', start: '2020-02-29' } })
    ).recordTreatment;
    expect(mine.start).toEqual({ value: '2020-02-29', precision: 'DAY' });
    const elsewhere = await (
      await graph.as('rep:w-parent')
    )(TREATMENT, { ins: MINOR, id: mine.id, input: { name: 'X' } });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const removed = await (await graph.as('rep:w-parent'))(REMOVE, { ins: MINOR, kind: 'TREATMENT', id: mine.id });
    expect(removed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await profile(`patient:${ADULT}`, ADULT)).treatments.map((t: any) => t.name)).toEqual(['Levothyrox']);
    await ok(`patient:${ADULT}`, REMOVE, { ins: ADULT, kind: 'TREATMENT', id: mine.id });
  });

  it('a médecin the patient authorised reads the sections; a blocked one, other patients and a professional writing do not', async () => {
    await ok(`patient:${ADULT}`, HOSPITALISATION, { ins: ADULT, input: { reason: 'Bronchiolite', start: '1985' } });
    await ok(`patient:${ADULT}`, NOT_CONCERNED, { ins: ADULT, section: 'DISABILITIES', notConcerned: true });
    const read = await profile('ps:40000000002', ADULT);
    expect(read.hospitalisations.map((h: any) => h.reason)).toEqual(['Bronchiolite']);
    expect(read.profileSections.find((s: any) => s.section === 'DISABILITIES').notConcerned).toBe(true);
    for (const reader of ['ps:40000000005', `patient:${OTHER}`]) {
      const refused = await (await graph.as(reader))(PROFILE, { ins: ADULT });
      expect([reader, refused.errors?.[0].extensions.code]).toEqual([reader, 'NOT_FOUND']);
    }
    for (const [writer, ins] of [
      ['ps:40000000001', ADULT],
      [`patient:${ADULT}`, MINOR],
      ['etab:130786049', ADULT],
    ]) {
      const refused = await (await graph.as(writer))(NOT_CONCERNED, { ins, section: 'TREATMENTS', notConcerned: true });
      expect([writer, refused.errors?.[0].extensions.code]).toEqual([writer, 'FORBIDDEN']);
    }
    // A closed record takes no write, as the rest of the personal space.
    const closed = await (await graph.as(`patient:${CLOSED}`))(TREATMENT, { ins: CLOSED, input: { name: 'X' } });
    expect(closed.errors?.[0].extensions.code).toBeDefined();
    expect(closed.data?.recordTreatment ?? null).toBeNull();
  });
});
