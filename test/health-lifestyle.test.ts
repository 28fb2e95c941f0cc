import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { LIFESTYLE_SECTIONS } from '../subgraphs/personal-space/lifestyle.form';

/**
 * Lifestyle in the health profile (issue 18, item 6): the form is data (lifestyle.json) served without patient
 * data; the patient's side answers its items, each answer checked against the form and kept as the item's
 * history; a lifestyle section may be declared "not concerned" like the other profile sections.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const OTHER = '292037505607797';
const PATIENT = `patient:${ADULT}`;
const AUTHORISED = 'ps:40000000002';
const BLOCKED = 'ps:40000000005';

const ANSWER_FIELDS = `
  id section item itemLabel answeredAt
  values { field label choices choiceLabels number text formatted }
  recordedBy { kind actorId at }
`;
const RECORD = `mutation ($ins: String!, $input: LifestyleAnswerInput!, $id: ID) {
  recordLifestyleAnswer(ins: $ins, input: $input, id: $id) { ${ANSWER_FIELDS} }
}`;
const REMOVE = `mutation ($ins: String!, $id: ID!) { removeLifestyleAnswer(ins: $ins, id: $id) }`;
const LIFESTYLE = `query ($ins: String!, $sections: [LifestyleSection!]) {
  patient(ins: $ins) { personalSpace {
    lifestyle(sections: $sections) { section label lastChangedAt notConcerned declaredAt }
    currentLifestyleAnswers(sections: $sections) { ${ANSWER_FIELDS} }
  } }
}`;
const HISTORY = `query ($ins: String!, $section: LifestyleSection, $item: String, $first: Int, $after: String) {
  patient(ins: $ins) { personalSpace {
    lifestyleAnswers(section: $section, item: $item, first: $first, after: $after) {
      totalCount
      nodes { id item answeredAt values { field formatted } }
      pageInfo { hasNextPage endCursor }
    }
  } }
}`;
const FORM = `query ($sections: [LifestyleSection!]) {
  lifestyleForm(sections: $sections) {
    sections { section label guideline source items }
    items { item section label fields }
    fields {
      item field label type unit hint required min max decimals maxLength
      options { value label exclusive }
      displayOn { field values min max }
    }
  }
}`;
const NOT_CONCERNED = `mutation ($ins: String!, $section: ProfileSection!, $notConcerned: Boolean!) {
  setProfileSectionNotConcerned(ins: $ins, section: $section, notConcerned: $notConcerned) { section notConcerned declaredAt }
}`;
const TRACES = `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 100) { nodes { action touched } } } }`;

const drinking = (perWeek: number) => ({
  item: 'ALCOHOL_USE',
  values: [
    { field: 'ALCOHOL_STATUS', choices: ['CURRENT'] },
    { field: 'DRINKS_PER_WEEK', number: perWeek },
  ],
});
const sleep = (hours: number) => ({
  item: 'SLEEP_HABITS',
  values: [{ field: 'SLEEP_HOURS_PER_NIGHT', number: hours }],
});
const smoking = (...values: object[]) => ({ item: 'SMOKING', values });
const daily = { field: 'SMOKING_STATUS', choices: ['DAILY'] };

const stopped = { item: 'ALCOHOL_USE', values: [{ field: 'ALCOHOL_STATUS', choices: ['FORMER'] }] };

/** The smallest valid answer of each section: what the "not concerned" cases add and remove. */
const ONE_ANSWER: Record<string, object> = {
  FOOD: { item: 'FOOD_HABITS', values: [{ field: 'FRUIT_VEGETABLE_PORTIONS', number: 5 }] },
  PHYSICAL_ACTIVITY: { item: 'SEDENTARY_TIME', values: [{ field: 'SITTING_HOURS_PER_DAY', number: 7.5 }] },
  SLEEP: { item: 'SLEEP_HABITS', values: [{ field: 'SLEEP_HOURS_PER_NIGHT', number: 8 }] },
  SCREEN: { item: 'SCREEN_TIME', values: [{ field: 'LEISURE_SCREEN_HOURS_PER_DAY', number: 2 }] },
  ALCOHOL: stopped,
  TOBACCO: { item: 'VAPING', values: [{ field: 'VAPING_STATUS', choices: ['NEVER'] }] },
};

describe('lifestyle in the health profile', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const ok = async (actor: string, query: string, variables: object = {}) => {
    const { data, errors } = await (await graph.as(actor))(query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const record = async (actor: string, ins: string, input: object, id?: string) =>
    (await ok(actor, RECORD, { ins, input, id })).recordLifestyleAnswer;
  /** Each section asked, with the current answers of its items. */
  const sections = async (actor: string, ins: string, asked?: string[]) => {
    const space = (await ok(actor, LIFESTYLE, { ins, sections: asked })).patient.personalSpace;
    return space.lifestyle.map((s: any) => ({
      ...s,
      current: space.currentLifestyleAnswers.filter((a: any) => a.section === s.section),
    }));
  };
  const history = async (actor: string, ins: string, variables: object = {}) =>
    (await ok(actor, HISTORY, { ins, ...variables })).patient.personalSpace.lifestyleAnswers;
  const rows = async () =>
    (
      await graph.stores['personal-space'].query<{ n: number }>(
        'SELECT ((SELECT count(*) FROM lifestyle_answer) + (SELECT count(*) FROM profile_section_declaration))::int AS n',
      )
    )[0].n;

  it('serves the form, every section of lifestyle.json, with options, bounds and displayOn, to any reader of a record', async () => {
    const form = (await ok(PATIENT, FORM)).lifestyleForm;
    expect(form.sections.map((s: any) => [s.section, s.label])).toEqual([
      ['FOOD', 'Alimentation'],
      ['PHYSICAL_ACTIVITY', 'Activité physique'],
      ['SLEEP', 'Sommeil'],
      ['SCREEN', 'Écrans'],
      ['ALCOHOL', 'Alcool'],
      ['TOBACCO', 'Tabac'],
    ]);
    for (const section of form.sections)
      expect([section.section, section.source]).toEqual([
        section.section,
        expect.stringMatching(/^(Santé publique France|Institut national du sommeil)/),
      ]);
    // The form is the file: every item and field of it is served, joined by their codes.
    expect(form.sections.flatMap((s: any) => s.items)).toEqual(
      LIFESTYLE_SECTIONS.flatMap((s) => s.items.map((i) => i.code)),
    );
    expect(form.items.map((i: any) => i.item)).toEqual(form.sections.flatMap((s: any) => s.items));
    expect(form.fields.map((f: any) => `${f.item}.${f.field}`)).toEqual(
      form.items.flatMap((i: any) => i.fields.map((f: string) => `${i.item}.${f}`)),
    );
    const field = (item: string, code: string) => form.fields.find((f: any) => f.item === item && f.field === code);
    expect(form.items.find((i: any) => i.item === 'ALCOHOL_USE')).toEqual({
      item: 'ALCOHOL_USE',
      section: 'ALCOHOL',
      label: "Consommation d'alcool",
      fields: ['ALCOHOL_STATUS', 'DRINKS_PER_WEEK', 'DRINKING_DAYS_PER_WEEK', 'MOST_DRINKS_ONE_OCCASION'],
    });
    expect(field('ALCOHOL_USE', 'ALCOHOL_STATUS')).toMatchObject({
      type: 'SINGLE_CHOICE',
      required: true,
      displayOn: null,
    });
    expect(field('ALCOHOL_USE', 'ALCOHOL_STATUS').options).toContainEqual({
      value: 'CURRENT',
      label: 'Oui',
      exclusive: false,
    });
    expect(field('ALCOHOL_USE', 'DRINKS_PER_WEEK')).toMatchObject({
      type: 'INTEGER',
      unit: 'verre(s) par semaine',
      min: 0,
      max: 200,
      decimals: 0,
      required: true,
      options: [],
      displayOn: { field: 'ALCOHOL_STATUS', values: ['CURRENT'], min: null, max: null },
    });
    expect(field('ACTIVITY_LEVEL', 'MINUTES_PER_ACTIVE_DAY').displayOn).toEqual({
      field: 'ACTIVE_DAYS_PER_WEEK',
      values: null,
      min: 1,
      max: 7,
    });
    // A year runs to this year, as the graph's clock says it in Paris.
    const parisYear = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()),
    );
    expect(field('SMOKING', 'STOPPED_YEAR')).toMatchObject({ type: 'YEAR', min: 1900, max: parisYear });
    expect(field('DIET', 'DIETS').options[0]).toEqual({ value: 'NONE', label: 'Aucun', exclusive: true });
    expect(field('DIET', 'OTHER_DIET')).toMatchObject({ type: 'TEXT', maxLength: 200, decimals: null });
    const sleep = (await ok(AUTHORISED, FORM, { sections: ['SLEEP'] })).lifestyleForm;
    expect([sleep.sections.map((s: any) => s.section), sleep.items.map((i: any) => i.item)]).toEqual([
      ['SLEEP'],
      ['SLEEP_HABITS'],
    ]);
    const refused = await (await graph.as('etab:130786049'))(FORM, {});
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['the patient', PATIENT, ADULT, 'PATIENT'],
    ['a legal representative', 'rep:w-parent', MINOR, 'REPRESENTATIVE'],
  ])(
    '%s answers an item, answers it again (history), corrects an answer in place and removes one; each write is traced',
    async (_who, actor, ins, kind) => {
      const first = await record(actor, ins, drinking(12));
      expect(first).toMatchObject({
        section: 'ALCOHOL',
        item: 'ALCOHOL_USE',
        itemLabel: "Consommation d'alcool",
        values: [
          {
            field: 'ALCOHOL_STATUS',
            label: "Buvez-vous de l'alcool ?",
            choices: ['CURRENT'],
            choiceLabels: ['Oui'],
            number: null,
            text: null,
            formatted: 'Oui',
          },
          { field: 'DRINKS_PER_WEEK', choices: null, number: 12, formatted: '12 verre(s) par semaine' },
        ],
        recordedBy: { kind, actorId: actor },
      });
      expect(first.recordedBy.at).toBe(first.answeredAt);
      const second = await record(actor, ins, stopped);
      let [alcohol] = await sections(actor, ins, ['ALCOHOL']);
      expect(alcohol).toMatchObject({ section: 'ALCOHOL', label: 'Alcool', notConcerned: false, declaredAt: null });
      expect(alcohol.current).toEqual([expect.objectContaining({ item: 'ALCOHOL_USE', id: second.id })]);
      expect(alcohol.lastChangedAt).toBe(second.recordedBy.at);
      const past = await history(actor, ins, { item: 'ALCOHOL_USE' });
      expect(past.totalCount).toBe(2);
      expect(past.nodes.map((a: any) => a.id)).toEqual([second.id, first.id]);
      // A correction keeps the answer's id and when it was given; the history keeps its order.
      const corrected = await record(actor, ins, drinking(8), first.id);
      expect(corrected).toMatchObject({ id: first.id, answeredAt: first.answeredAt });
      expect(corrected.values[1]).toMatchObject({ number: 8 });
      expect(new Date(corrected.recordedBy.at).getTime()).toBeGreaterThan(new Date(first.answeredAt).getTime());
      [alcohol] = await sections(actor, ins, ['ALCOHOL']);
      expect(alcohol.current.map((a: any) => a.id)).toEqual([second.id]);
      expect(alcohol.lastChangedAt).toBe(corrected.recordedBy.at);
      // Removing the latest makes the one before it current again.
      expect((await ok(actor, REMOVE, { ins, id: second.id })).removeLifestyleAnswer).toBe(second.id);
      [alcohol] = await sections(actor, ins, ['ALCOHOL']);
      expect(alcohol.current).toMatchObject([{ id: first.id, values: [{}, { number: 8 }] }]);
      await ok(actor, REMOVE, { ins, id: first.id });
      [alcohol] = await sections(actor, ins, ['ALCOHOL']);
      expect([alcohol.current, alcohol.lastChangedAt]).toEqual([[], null]);
      const traces = (await ok(`patient:${ins}`, TRACES, { ins })).patient.accessTraces.nodes;
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['lifestyle'] });
      expect(traces).toContainEqual({ action: 'write-personal-space', touched: ['remove:lifestyleAnswer'] });
    },
  );

  it('pages a history, the latest given first, and a cursor works only in its own history', async () => {
    const made = [];
    for (const hours of [6, 7, 8]) made.push(await record(PATIENT, ADULT, sleep(hours)));
    const page1 = await history(PATIENT, ADULT, { section: 'SLEEP', first: 2 });
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((a: any) => a.values[0].formatted)).toEqual(['8 heure(s) par nuit', '7 heure(s) par nuit']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await history(PATIENT, ADULT, { section: 'SLEEP', first: 2, after: page1.pageInfo.endCursor });
    expect(page2.nodes.map((a: any) => a.id)).toEqual([made[0].id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const elsewhere = await (
      await graph.as(PATIENT)
    )(HISTORY, { ins: ADULT, section: 'FOOD', after: page1.pageInfo.endCursor });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const answer of made) await ok(PATIENT, REMOVE, { ins: ADULT, id: answer.id });
  });

  it.each(
    Object.keys(ONE_ANSWER).flatMap((section) => [
      [section, 'the patient', `patient:${OTHER}`, OTHER],
      [section, 'a legal representative', 'rep:w-parent', MINOR],
    ]),
  )(
    '%s: %s declares it does not concern them through profileSections; an answer ends it; refused while answers exist',
    async (section, _who, actor, ins) => {
      const state = async () => (await sections(actor, ins, [section]))[0];
      const declared = (await ok(actor, NOT_CONCERNED, { ins, section, notConcerned: true }))
        .setProfileSectionNotConcerned;
      expect(declared).toMatchObject({ section, notConcerned: true });
      expect(await state()).toMatchObject({ notConcerned: true, declaredAt: declared.declaredAt });
      const profile = (
        await ok(
          actor,
          `query ($ins: String!) { patient(ins: $ins) { personalSpace { profileSections { section label notConcerned } } } }`,
          {
            ins,
          },
        )
      ).patient.personalSpace.profileSections;
      expect(profile.filter((s: any) => s.notConcerned).map((s: any) => s.section)).toEqual([section]);
      const answer = await record(actor, ins, ONE_ANSWER[section]);
      expect(await state()).toMatchObject({ notConcerned: false, declaredAt: null });
      const refused = await (await graph.as(actor))(NOT_CONCERNED, { ins, section, notConcerned: true });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'section' });
      await ok(actor, REMOVE, { ins, id: answer.id });
      expect(await state()).toMatchObject({ notConcerned: false });
    },
  );

  it.each<[string, object, string]>([
    ['an item not of the form', { input: { item: 'NOPE', values: [] } }, 'input.item'],
    ['no value', { input: { item: 'SLEEP_HABITS', values: [] } }, 'input.values'],
    [
      'a field not of the item',
      { input: { item: 'SLEEP_HABITS', values: [{ field: 'DRINKS', number: 1 }] } },
      'input.values[0].field',
    ],
    [
      'a field given twice',
      {
        input: {
          item: 'SLEEP_HABITS',
          values: [
            { field: 'SLEEP_HOURS_PER_NIGHT', number: 7 },
            { field: 'SLEEP_HOURS_PER_NIGHT', number: 8 },
          ],
        },
      },
      'input.values[1].field',
    ],
    ['a number for a choice', { input: smoking({ field: 'SMOKING_STATUS', number: 1 }) }, 'input.values[0]'],
    [
      'two shapes at once',
      { input: { item: 'SLEEP_HABITS', values: [{ field: 'SLEEP_HOURS_PER_NIGHT', number: 7, text: '7' }] } },
      'input.values[0]',
    ],
    [
      'an option the field does not have',
      { input: smoking({ field: 'SMOKING_STATUS', choices: ['SOMETIMES'] }) },
      'input.values[0].choices',
    ],
    [
      'two options of a single choice',
      { input: smoking({ field: 'SMOKING_STATUS', choices: ['DAILY', 'FORMER'] }) },
      'input.values[0].choices',
    ],
    ['no option chosen', { input: smoking({ field: 'SMOKING_STATUS', choices: [] }) }, 'input.values[0].choices'],
    [
      'an exclusive option with another',
      { input: { item: 'DIET', values: [{ field: 'DIETS', choices: ['NONE', 'VEGAN'] }] } },
      'input.values[0].choices',
    ],
    [
      'an option chosen twice',
      { input: { item: 'DIET', values: [{ field: 'DIETS', choices: ['VEGAN', 'VEGAN'] }] } },
      'input.values[0].choices',
    ],
    [
      'a part of a cigarette',
      { input: smoking(daily, { field: 'CIGARETTES_PER_DAY', number: 2.5 }) },
      'input.values[1].number',
    ],
    [
      'more than the bound',
      { input: smoking(daily, { field: 'CIGARETTES_PER_DAY', number: 201 }) },
      'input.values[1].number',
    ],
    [
      'less than the bound',
      { input: smoking(daily, { field: 'CIGARETTES_PER_DAY', number: 0 }) },
      'input.values[1].number',
    ],
    [
      'two decimals where one is taken',
      { input: { item: 'SLEEP_HABITS', values: [{ field: 'SLEEP_HOURS_PER_NIGHT', number: 7.25 }] } },
      'input.values[0].number',
    ],
    ['25 hours of sleep a night', { input: sleep(25) }, 'input.values[0].number'],
    [
      'a year to come',
      { input: smoking({ field: 'SMOKING_STATUS', choices: ['FORMER'] }, { field: 'STOPPED_YEAR', number: 2999 }) },
      'input.values[1].number',
    ],
    [
      'a year before 1900',
      { input: smoking({ field: 'SMOKING_STATUS', choices: ['FORMER'] }, { field: 'STOPPED_YEAR', number: 1899 }) },
      'input.values[1].number',
    ],
    [
      'a field asked only on another value',
      { input: smoking({ field: 'SMOKING_STATUS', choices: ['NEVER'] }, { field: 'CIGARETTES_PER_DAY', number: 5 }) },
      'input.values[1].field',
    ],
    [
      'a field asked on a range, out of it',
      {
        input: {
          item: 'ACTIVITY_LEVEL',
          values: [
            { field: 'ACTIVE_DAYS_PER_WEEK', number: 0 },
            { field: 'MINUTES_PER_ACTIVE_DAY', number: 30 },
          ],
        },
      },
      'input.values[1].field',
    ],
    ['a required field left out', { input: smoking(daily) }, 'input.values'],
    [
      'a required field asked on a choice, left out',
      { input: { item: 'DIET', values: [{ field: 'DIETS', choices: ['OTHER'] }] } },
      'input.values',
    ],
    [
      'an empty text',
      {
        input: {
          item: 'DIET',
          values: [
            { field: 'DIETS', choices: ['OTHER'] },
            { field: 'OTHER_DIET', text: '  ' },
          ],
        },
      },
      'input.values[1].text',
    ],
    [
      'a text too long',
      {
        input: {
          item: 'DIET',
          values: [
            { field: 'DIETS', choices: ['OTHER'] },
            { field: 'OTHER_DIET', text: 'x'.repeat(201) },
          ],
        },
      },
      'input.values[1].text',
    ],
    ['an answer not in this space', { id: 'lsa-nope', input: sleep(7) }, 'id'],
    ['an id that is not one', { id: 'not an id!', input: sleep(7) }, 'id'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, variables, field) => {
    const before = await rows();
    const answer = await (await graph.as(PATIENT))(RECORD, { ins: ADULT, ...variables });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toBe(before);
  });

  it('accepts what the form allows: a range condition met, an exclusive option alone, a text, one decimal, this year', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()),
    );
    const made = [
      await record(PATIENT, ADULT, {
        item: 'ACTIVITY_LEVEL',
        values: [
          { field: 'MINUTES_PER_ACTIVE_DAY', number: 45 },
          { field: 'ACTIVE_DAYS_PER_WEEK', number: 3 },
        ],
      }),
      await record(PATIENT, ADULT, { item: 'DIET', values: [{ field: 'DIETS', choices: ['NONE'] }] }),
      await record(PATIENT, ADULT, {
        item: 'DIET',
        values: [
          { field: 'DIETS', choices: ['OTHER', 'VEGETARIAN'] },
          { field: 'OTHER_DIET', text: ' Sans porc ' },
        ],
      }),
      await record(PATIENT, ADULT, sleep(7.5)),
      await record(
        PATIENT,
        ADULT,
        smoking({ field: 'SMOKING_STATUS', choices: ['FORMER'] }, { field: 'STOPPED_YEAR', number: year }),
      ),
    ];
    // Kept in the form's order whatever order they came in, labels beside codes.
    expect(made[0].values.map((v: any) => v.field)).toEqual(['ACTIVE_DAYS_PER_WEEK', 'MINUTES_PER_ACTIVE_DAY']);
    expect(made[2].values).toMatchObject([
      { choices: ['OTHER', 'VEGETARIAN'], choiceLabels: ['Autre', 'Végétarien'], formatted: 'Autre, Végétarien' },
      { text: 'Sans porc', formatted: 'Sans porc' },
    ]);
    expect(made[3].values[0].formatted).toBe('7,5 heure(s) par nuit');
    expect(made[4].values[1]).toMatchObject({ number: year, formatted: String(year) });
    const food = (await sections(PATIENT, ADULT, ['FOOD']))[0];
    // The current answer of each item answered: the latest DIET, no FOOD_HABITS.
    expect(food.current.map((a: any) => [a.item, a.id])).toEqual([['DIET', made[2].id]]);
    for (const answer of made) await ok(PATIENT, REMOVE, { ins: ADULT, id: answer.id });
  });

  it('a correction stays within its item, and no one corrects or removes another patient’s answer', async () => {
    const mine = await record(PATIENT, ADULT, sleep(6));
    const otherItem = await (await graph.as(PATIENT))(RECORD, { ins: ADULT, id: mine.id, input: stopped });
    expect(otherItem.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const elsewhere = await (await graph.as('rep:w-parent'))(RECORD, { ins: MINOR, id: mine.id, input: sleep(9) });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const removed = await (await graph.as('rep:w-parent'))(REMOVE, { ins: MINOR, id: mine.id });
    expect(removed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await history(PATIENT, ADULT, { item: 'SLEEP_HABITS' })).nodes).toEqual([
      expect.objectContaining({
        id: mine.id,
        values: [{ field: 'SLEEP_HOURS_PER_NIGHT', formatted: '6 heure(s) par nuit' }],
      }),
    ]);
    await ok(PATIENT, REMOVE, { ins: ADULT, id: mine.id });
  });

  it.each<[string, object]>([
    ['an item not of the form', { item: 'NOPE' }],
    ['an item of another section', { section: 'FOOD', item: 'SLEEP_HABITS' }],
  ])('a history refuses %s, naming `item`', async (_case, variables) => {
    const answer = await (await graph.as(PATIENT))(HISTORY, { ins: ADULT, ...variables });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'item' });
  });

  it('a médecin the patient authorised reads the answers; a blocked one and other patients do not; professionals write nothing', async () => {
    const mine = await record(PATIENT, ADULT, drinking(3));
    const read = await sections(AUTHORISED, ADULT, ['ALCOHOL']);
    expect(read[0].current).toMatchObject([{ id: mine.id, values: [{ formatted: 'Oui' }, { number: 3 }] }]);
    expect((await history(AUTHORISED, ADULT)).nodes.map((a: any) => a.id)).toEqual([mine.id]);
    for (const reader of [BLOCKED, `patient:${OTHER}`]) {
      const refused = await (await graph.as(reader))(LIFESTYLE, { ins: ADULT });
      expect([reader, refused.errors?.[0].extensions.code]).toEqual([reader, 'NOT_FOUND']);
    }
    for (const [writer, ins] of [
      ['ps:40000000001', ADULT],
      [AUTHORISED, ADULT],
      [PATIENT, MINOR],
      ['etab:130786049', ADULT],
    ]) {
      const before = await rows();
      const refused = await (await graph.as(writer))(RECORD, { ins, input: sleep(7) });
      expect([writer, refused.errors?.[0].extensions.code]).toEqual([writer, 'FORBIDDEN']);
      const removal = await (await graph.as(writer))(REMOVE, { ins, id: mine.id });
      expect([writer, removal.errors?.[0].extensions.code]).toEqual([writer, 'FORBIDDEN']);
      expect(await rows()).toBe(before);
    }
    await ok(PATIENT, REMOVE, { ins: ADULT, id: mine.id });
  });
});
