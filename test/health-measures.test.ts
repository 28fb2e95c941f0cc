import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { traceNames } from './support/traces';
import { eventually } from './support/eventually';
import { MEASURE_KINDS } from '../domain/measure-kinds';

/**
 * The health profile's measures and blood group (issue 18, item 6): the patient's side records them, checked
 * against domain/measure-kinds.json; whoever the matrix lets read the medical profile (DOCPAT08) reads them,
 * with the capability flags of their side; every read and write is traced.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const DECEASED = '162069935201754';
const PATIENT = `patient:${ADULT}`;
const TRAITANT = 'ps:40000000001';
const PHARMACIEN = 'ps:40000000003';
const BLOCKED = 'ps:40000000005';

const MEASURE_FIELDS = `
  id kind formattedValue takenAt context comment
  values { metric value unit ucum }
  recordedBy { kind actorId name at }
  permissions { add history update delete }
  document { id title }
`;
const RECORD = `mutation ($ins: String!, $input: MeasureInput!, $id: ID) {
  recordMeasure(ins: $ins, input: $input, id: $id) { ${MEASURE_FIELDS} }
}`;
const HISTORY = `query ($ins: String!, $kinds: [MeasureKind!], $first: Int, $after: String, $from: DateTime, $to: DateTime) {
  patient(ins: $ins) { personalSpace {
    measures(kinds: $kinds, first: $first, after: $after, from: $from, to: $to) {
      totalCount
      nodes { id kind takenAt formattedValue }
      pageInfo { hasNextPage endCursor }
    }
  } }
}`;
const PROFILE = `query ($ins: String!) {
  patient(ins: $ins) { personalSpace {
    lastMeasures { ${MEASURE_FIELDS} }
    measureTargets { id kind metric value unit }
    bloodGroup { group abo rhesus label recordedBy { kind actorId name } }
  } }
}`;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const weight = (kg: number, days: number, over: Record<string, unknown> = {}) => ({
  kind: 'WEIGHT',
  values: [{ value: kg, unit: 'kg' }],
  takenAt: daysAgo(days),
  ...over,
});
const pressure = (systolic: number, diastolic: number, days: number) => ({
  kind: 'BLOOD_PRESSURE',
  values: [
    { metric: 'SYSTOLIC_BLOOD_PRESSURE', value: systolic },
    { metric: 'DIASTOLIC_BLOOD_PRESSURE', value: diastolic, unit: 'mm[Hg]' },
  ],
  takenAt: daysAgo(days),
});

describe('measures and blood group in the health profile', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const as = (actor: string) => graph.as(actor);
  const ok = async (actor: string, query: string, variables: object = {}) => {
    const { data, errors } = await (await as(actor))(query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const record = async (input: object, actor = PATIENT, ins = ADULT) =>
    (await ok(actor, RECORD, { ins, input })).recordMeasure;
  const rows = async () =>
    (
      await graph.stores['personal-space'].query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM measure) + (SELECT count(*) FROM measure_target) + (SELECT count(*) FROM measure_tile) + (SELECT count(*) FROM blood_group))::int AS n`,
      )
    )[0].n;

  it('describes every kind of domain/measure-kinds.json: metrics, units, bounds, LOINC where there is one', async () => {
    const { measureKinds } = await ok(
      PATIENT,
      `{ measureKinds { kind label loincCode targetable metrics { metric unit ucum min max decimals loincCode } contexts { context label } } }`,
    );
    expect(measureKinds.map((k: any) => k.kind)).toEqual(MEASURE_KINDS.map((k) => k.code));
    const byKind = Object.fromEntries(measureKinds.map((k: any) => [k.kind, k]));
    expect(byKind.WEIGHT).toMatchObject({ loincCode: '29463-7', targetable: true });
    expect(byKind.WEIGHT.metrics).toEqual([
      { metric: 'WEIGHT', unit: 'kg', ucum: 'kg', min: 0.2, max: 400, decimals: 3, loincCode: null },
    ]);
    expect(byKind.BLOOD_PRESSURE.metrics.map((m: any) => [m.metric, m.loincCode, m.ucum])).toEqual([
      ['SYSTOLIC_BLOOD_PRESSURE', '8480-6', 'mm[Hg]'],
      ['DIASTOLIC_BLOOD_PRESSURE', '8462-4', 'mm[Hg]'],
    ]);
    expect(byKind.GLUCOSE.contexts.map((c: any) => c.context)).toContain('FASTING');
    expect(byKind.HEMOGLOBIN_GLYCATION_INDEX.loincCode).toBeNull();
    const one = await ok(TRAITANT, `{ measureKinds(kinds: [HEAD_CIRCUMFERENCE]) { kind loincCode } }`);
    expect(one.measureKinds).toEqual([{ kind: 'HEAD_CIRCUMFERENCE', loincCode: '8287-5' }]);
  });

  it('records measures; the last of each kind, a paged history per kind and several kinds at once', async () => {
    const first = await record(weight(74.2, 30));
    expect(first).toMatchObject({
      kind: 'WEIGHT',
      formattedValue: '74,2 kg',
      values: [{ metric: 'WEIGHT', value: 74.2, unit: 'kg', ucum: 'kg' }],
      recordedBy: { kind: 'PATIENT', actorId: PATIENT, name: 'Hélène Lefèvre' },
      permissions: { add: true, history: true, update: true, delete: true },
      document: null,
    });
    for (const [kg, days] of [
      [73.5, 20],
      [72.9, 10],
      [72.5, 1],
    ])
      await record(weight(kg, days));
    const bp = await record(pressure(128, 82, 2));
    expect(bp.formattedValue).toBe('128/82 mmHg');
    const steps = await record({ kind: 'STEPS_BY_DAY', values: [{ value: 8500 }], takenAt: daysAgo(1) });
    expect(steps.formattedValue).toBe('8\u202f500 pas/jour');

    const { personalSpace } = (await ok(PATIENT, PROFILE, { ins: ADULT })).patient;
    expect(personalSpace.lastMeasures.map((m: any) => [m.kind, m.formattedValue])).toEqual([
      ['WEIGHT', '72,5 kg'],
      ['BLOOD_PRESSURE', '128/82 mmHg'],
      ['STEPS_BY_DAY', '8\u202f500 pas/jour'],
    ]);

    // Paged newest first, without gap or repeat; a cursor works only in the list it came from.
    const page1 = (await ok(PATIENT, HISTORY, { ins: ADULT, kinds: ['WEIGHT'], first: 3 })).patient.personalSpace
      .measures;
    expect(page1.totalCount).toBe(4);
    expect(page1.nodes.map((m: any) => m.formattedValue)).toEqual(['72,5 kg', '72,9 kg', '73,5 kg']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await ok(PATIENT, HISTORY, { ins: ADULT, kinds: ['WEIGHT'], first: 3, after: page1.pageInfo.endCursor })
    ).patient.personalSpace.measures;
    expect(page2.nodes.map((m: any) => m.id)).toEqual([first.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const elsewhere = await (
      await as(PATIENT)
    )(HISTORY, { ins: ADULT, kinds: ['HEIGHT'], first: 3, after: page1.pageInfo.endCursor });
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    // A window of dates, and every kind at once.
    const window = (await ok(PATIENT, HISTORY, { ins: ADULT, kinds: ['WEIGHT'], from: daysAgo(15), to: daysAgo(5) }))
      .patient.personalSpace.measures;
    expect(window.nodes.map((m: any) => m.formattedValue)).toEqual(['72,9 kg']);
    const all = (await ok(PATIENT, HISTORY, { ins: ADULT })).patient.personalSpace.measures;
    expect(all.totalCount).toBe(6);

    // Several kinds at once, each with what it is; a history's cursor goes on in measures(kinds: [its kind]).
    const histories = (
      await ok(
        PATIENT,
        `query ($ins: String!) { patient(ins: $ins) { personalSpace {
          measureHistories(kinds: [BLOOD_PRESSURE, WEIGHT, HEIGHT], first: 2) {
            kind info { label metrics { metric } } permissions { add history update delete }
            measures { totalCount nodes { formattedValue } pageInfo { hasNextPage endCursor } }
          } } } }`,
        { ins: ADULT },
      )
    ).patient.personalSpace.measureHistories;
    expect(histories.map((h: any) => [h.kind, h.measures.totalCount, h.measures.nodes.length])).toEqual([
      ['BLOOD_PRESSURE', 1, 1],
      ['WEIGHT', 4, 2],
      ['HEIGHT', 0, 0],
    ]);
    expect(histories[0].info.metrics).toHaveLength(2);
    expect(histories[2].permissions).toEqual({ add: true, history: true, update: false, delete: false });
    const rest = (
      await ok(PATIENT, HISTORY, {
        ins: ADULT,
        kinds: ['WEIGHT'],
        first: 10,
        after: histories[1].measures.pageInfo.endCursor,
      })
    ).patient.personalSpace.measures;
    expect(rest.nodes.map((m: any) => m.formattedValue)).toEqual(['73,5 kg', '74,2 kg']);
  });

  it('updates a measure in place and removes it; an id of another space is named and changes nothing', async () => {
    const made = await record({
      kind: 'GLUCOSE',
      values: [{ value: 1.05, unit: 'g/L' }],
      takenAt: daysAgo(3),
      context: 'AFTER_MEAL',
      comment: 'Après le déjeuner',
    });
    const edited = await (
      await as(PATIENT)
    )(RECORD, {
      ins: ADULT,
      id: made.id,
      input: { kind: 'GLUCOSE', values: [{ value: 0.98 }], takenAt: daysAgo(3), context: 'FASTING' },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.recordMeasure).toMatchObject({
      id: made.id,
      formattedValue: '0,98 g/L',
      context: 'FASTING',
      comment: null,
    });
    const before = await rows();
    const foreign = await (await as(`patient:${MINOR}`))(RECORD, { ins: MINOR, id: made.id, input: weight(30, 1) });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const foreignRemove = await (
      await as(`patient:${MINOR}`)
    )(`mutation ($ins: String!, $id: ID!) { removeMeasure(ins: $ins, id: $id) }`, { ins: MINOR, id: made.id });
    expect(foreignRemove.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await rows()).toBe(before);
    const removed = await ok(PATIENT, `mutation ($ins: String!, $id: ID!) { removeMeasure(ins: $ins, id: $id) }`, {
      ins: ADULT,
      id: made.id,
    });
    expect(removed.removeMeasure).toBe(made.id);
    expect(await rows()).toBe(before - 1);
  });

  it.each<[string, object, string]>([
    ['a weight out of bounds', weight(612, 1), 'input.values[0].value'],
    ['a weight in grams', weight(72500, 1, { values: [{ value: 72500, unit: 'g' }] }), 'input.values[0].unit'],
    ['too many decimals', weight(72.51234, 1), 'input.values[0].value'],
    [
      'a pain score that is not whole',
      { kind: 'PAIN_SEVERITY', values: [{ value: 4.5 }], takenAt: daysAgo(1) },
      'input.values[0].value',
    ],
    [
      'a blood pressure without its diastolic',
      { kind: 'BLOOD_PRESSURE', values: [{ metric: 'SYSTOLIC_BLOOD_PRESSURE', value: 120 }], takenAt: daysAgo(1) },
      'input.values',
    ],
    [
      'a blood pressure value without its metric',
      { kind: 'BLOOD_PRESSURE', values: [{ value: 120 }, { value: 80 }], takenAt: daysAgo(1) },
      'input.values[0].metric',
    ],
    ['a diastolic above the systolic', pressure(80, 120, 1), 'input.values[1].value'],
    [
      'a metric of another kind',
      weight(72, 1, { values: [{ metric: 'HEIGHT', value: 172 }] }),
      'input.values[0].metric',
    ],
    ['a context the kind does not take', weight(72, 1, { context: 'FASTING' }), 'input.context'],
    ['a measure taken tomorrow', weight(72, -1), 'input.takenAt'],
    ['a comment too long', weight(72, 1, { comment: 'x'.repeat(501) }), 'input.comment'],
    ['a document not in this space', weight(72, 1, { documentId: 'a-h1' }), 'input.documentId'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, input, field) => {
    const before = await rows();
    const refused = await (await as(PATIENT))(RECORD, { ins: ADULT, input });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toBe(before);
  });

  it('links a measure to a document of the personal space, shown to the readers of that document only', async () => {
    const { writePersonalDocument } = await ok(
      PATIENT,
      `mutation ($input: PersonalDocumentWrite!) { writePersonalDocument(input: $input) { documentId } }`,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'glycemie-labo',
          typeCode: 'DOCPAT05',
          title: 'Bilan sanguin',
          effectiveAt: daysAgo(5),
          body: 'HbA1c 6,1 %',
        },
      },
    );
    await ok(
      PATIENT,
      `mutation ($ins: String!, $id: ID!) { setDocumentMasked(ins: $ins, documentId: $id, source: personal_space, masked: true) { ins } }`,
      { ins: ADULT, id: writePersonalDocument.documentId },
    );
    const linked = await record({
      kind: 'GLYCATED_HEMOGLOBIN',
      values: [{ value: 6.1, unit: '%' }],
      takenAt: daysAgo(5),
      documentId: writePersonalDocument.documentId,
    });
    const documentOf = async (actor: string) => {
      const data = await ok(
        actor,
        `query ($ins: String!) { patient(ins: $ins) { personalSpace { measures(kinds: [GLYCATED_HEMOGLOBIN]) { nodes { id document { id title } } } } } }`,
        { ins: ADULT },
      );
      return data.patient.personalSpace.measures.nodes.find((m: any) => m.id === linked.id).document;
    };
    expect(await documentOf(PATIENT)).toEqual({ id: writePersonalDocument.documentId, title: 'Bilan sanguin' });
    // The médecin traitant sees masked documents; the pharmacien, authorised, does not: the link is not shown.
    expect(await documentOf(TRAITANT)).toEqual({ id: writePersonalDocument.documentId, title: 'Bilan sanguin' });
    expect(await documentOf(PHARMACIEN)).toBeNull();
  });

  it('sets, updates and removes targets, one per metric, for the kinds that take one', async () => {
    const SET = `mutation ($ins: String!, $input: MeasureTargetInput!, $id: ID) { setMeasureTarget(ins: $ins, input: $input, id: $id) { id kind metric value unit } }`;
    const target = (await ok(PATIENT, SET, { ins: ADULT, input: { kind: 'WEIGHT', value: 68 } })).setMeasureTarget;
    expect(target).toMatchObject({ kind: 'WEIGHT', metric: 'WEIGHT', value: 68, unit: 'kg' });
    const updated = (await ok(PATIENT, SET, { ins: ADULT, id: target.id, input: { kind: 'WEIGHT', value: 70 } }))
      .setMeasureTarget;
    expect(updated).toMatchObject({ id: target.id, value: 70 });
    await ok(PATIENT, SET, {
      ins: ADULT,
      input: { kind: 'BLOOD_PRESSURE', metric: 'SYSTOLIC_BLOOD_PRESSURE', value: 130 },
    });
    const refusals: [object, string][] = [
      [{ kind: 'WEIGHT', value: 65 }, 'input.metric'],
      [{ kind: 'HEIGHT', value: 170 }, 'input.kind'],
      [{ kind: 'BLOOD_PRESSURE', value: 130 }, 'input.metric'],
      [{ kind: 'STEPS_BY_DAY', value: 1e7 }, 'input.value'],
    ];
    const before = await rows();
    for (const [input, field] of refusals) {
      const refused = await (await as(PATIENT))(SET, { ins: ADULT, input });
      expect([input, refused.errors?.[0].extensions]).toEqual([
        input,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await rows()).toBe(before);
    let targets = (await ok(PATIENT, PROFILE, { ins: ADULT })).patient.personalSpace.measureTargets;
    expect(targets.map((t: any) => [t.metric, t.value])).toEqual([
      ['SYSTOLIC_BLOOD_PRESSURE', 130],
      ['WEIGHT', 70],
    ]);
    await ok(PATIENT, `mutation ($ins: String!, $id: ID!) { removeMeasureTarget(ins: $ins, id: $id) }`, {
      ins: ADULT,
      id: target.id,
    });
    targets = (await ok(PATIENT, PROFILE, { ins: ADULT })).patient.personalSpace.measureTargets;
    expect(targets.map((t: any) => t.metric)).toEqual(['SYSTOLIC_BLOOD_PRESSURE']);
  });

  it("arranges the patient's dashboard: their order, the rest hidden; an empty list goes back to the default", async () => {
    const DASHBOARD = `query ($ins: String!) { patient(ins: $ins) { personalSpace { measureDashboard { kind position visible permissions { add } } } } }`;
    const ARRANGE = `mutation ($ins: String!, $tiles: [MeasureTileInput!]!) { arrangeMeasureDashboard(ins: $ins, tiles: $tiles) { kind position visible } }`;
    const shown = (tiles: any[]) => tiles.filter((t) => t.visible).map((t) => t.kind);
    const defaults = (await ok(PATIENT, DASHBOARD, { ins: ADULT })).patient.personalSpace.measureDashboard;
    expect(defaults.map((t: any) => t.kind)).toEqual(MEASURE_KINDS.map((k) => k.code));
    expect(shown(defaults)).toEqual(MEASURE_KINDS.filter((k) => k.shownByDefault).map((k) => k.code));
    expect(defaults[0].permissions).toEqual({ add: true });
    const arranged = (
      await ok(PATIENT, ARRANGE, {
        ins: ADULT,
        tiles: [
          { kind: 'GLUCOSE', visible: true },
          { kind: 'WEIGHT', visible: true },
          { kind: 'HEIGHT', visible: false },
        ],
      })
    ).arrangeMeasureDashboard;
    expect(arranged.slice(0, 3)).toEqual([
      { kind: 'GLUCOSE', position: 0, visible: true },
      { kind: 'WEIGHT', position: 1, visible: true },
      { kind: 'HEIGHT', position: 2, visible: false },
    ]);
    expect(arranged).toHaveLength(MEASURE_KINDS.length);
    const read = (await ok(PATIENT, DASHBOARD, { ins: ADULT })).patient.personalSpace.measureDashboard;
    expect(shown(read)).toEqual(['GLUCOSE', 'WEIGHT']);
    const twice = await (
      await as(PATIENT)
    )(ARRANGE, {
      ins: ADULT,
      tiles: [
        { kind: 'WEIGHT', visible: true },
        { kind: 'WEIGHT', visible: false },
      ],
    });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiles[1].kind' });
    await ok(PATIENT, ARRANGE, { ins: ADULT, tiles: [] });
    expect(shown((await ok(PATIENT, DASHBOARD, { ins: ADULT })).patient.personalSpace.measureDashboard)).toEqual(
      shown(defaults),
    );
    // The dashboard is the patient's own arrangement: not for the professionals who read the measures.
    const refused = await (await as(TRAITANT))(DASHBOARD, { ins: ADULT });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('states, changes and removes the blood group, with who recorded it; a representative for a minor', async () => {
    const SET = `mutation ($ins: String!, $group: BloodGroup!) { setBloodGroup(ins: $ins, group: $group) { group abo rhesus label recordedBy { kind actorId name } } }`;
    const REMOVE = `mutation ($ins: String!) { removeBloodGroup(ins: $ins) }`;
    expect((await ok(PATIENT, PROFILE, { ins: ADULT })).patient.personalSpace.bloodGroup).toBeNull();
    expect((await ok(PATIENT, SET, { ins: ADULT, group: 'APOS' })).setBloodGroup).toEqual({
      group: 'APOS',
      abo: 'A',
      rhesus: 'POSITIVE',
      label: 'A+',
      recordedBy: { kind: 'PATIENT', actorId: PATIENT, name: 'Hélène Lefèvre' },
    });
    await ok(PATIENT, SET, { ins: ADULT, group: 'ONEG' });
    expect((await ok(TRAITANT, PROFILE, { ins: ADULT })).patient.personalSpace.bloodGroup).toMatchObject({
      group: 'ONEG',
      label: 'O-',
    });
    expect((await ok(PATIENT, REMOVE, { ins: ADULT })).removeBloodGroup).toBe(true);
    const again = await (await as(PATIENT))(REMOVE, { ins: ADULT });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ins' });
    expect((await ok(PATIENT, PROFILE, { ins: ADULT })).patient.personalSpace.bloodGroup).toBeNull();

    const byParent = (await ok('rep:w-parent', SET, { ins: MINOR, group: 'BNEG' })).setBloodGroup;
    expect(byParent.recordedBy).toEqual({ kind: 'REPRESENTATIVE', actorId: 'rep:w-parent', name: null });
    const measure = await record(weight(31.4, 1), 'rep:w-parent', MINOR);
    expect(measure.recordedBy).toMatchObject({ kind: 'REPRESENTATIVE', actorId: 'rep:w-parent' });
    expect(measure.permissions).toEqual({ add: true, history: true, update: true, delete: true });
  });

  it('professionals read what the matrix lets them read, with no write capability; nobody else writes', async () => {
    await ok(PATIENT, `mutation ($ins: String!) { setBloodGroup(ins: $ins, group: ABPOS) { group } }`, { ins: ADULT });
    for (const reader of [TRAITANT, PHARMACIEN]) {
      const space = (await ok(reader, PROFILE, { ins: ADULT })).patient.personalSpace;
      expect([reader, space.bloodGroup.group]).toEqual([reader, 'ABPOS']);
      expect(space.lastMeasures.length).toBeGreaterThan(0);
      for (const m of space.lastMeasures)
        expect(m.permissions).toEqual({ add: false, history: true, update: false, delete: false });
    }
    const blocked = await (await as(BLOCKED))(PROFILE, { ins: ADULT });
    expect(blocked.errors?.[0].extensions.code).toBe('NOT_FOUND');
    // Heirs read the reports of the last care episodes, not the medical profile (policy/heir-access.json).
    const heir = await (
      await as('heir:w-heir')
    )(`query ($ins: String!) { patient(ins: $ins) { personalSpace { bloodGroup { group } lastMeasures { id } } } }`, {
      ins: DECEASED,
    });
    expect(heir.errors?.map((e: any) => [e.path.at(-1), e.extensions.code]).sort()).toEqual([
      ['bloodGroup', 'FORBIDDEN'],
      ['lastMeasures', 'FORBIDDEN'],
    ]);
    const before = await rows();
    for (const actor of [TRAITANT, PHARMACIEN, `patient:${MINOR}`]) {
      const write = await (await as(actor))(RECORD, { ins: ADULT, input: weight(70, 1) });
      expect([actor, write.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
      const group = await (
        await as(actor)
      )(`mutation ($ins: String!) { setBloodGroup(ins: $ins, group: ONEG) { group } }`, { ins: ADULT });
      expect([actor, group.errors?.[0].extensions.code]).toEqual([actor, 'FORBIDDEN']);
    }
    expect(await rows()).toBe(before);
  });

  it("the record's copy holds the measures, the targets and the blood group, as the requester reads them", async () => {
    const patient = await as(PATIENT);
    const asked = await patient(`mutation ($ins: String!) { requestRecordCopy(ins: $ins) { id } }`, { ins: ADULT });
    expect(asked.errors).toBeUndefined();
    let copy: any = null;
    for (let attempt = 0; attempt < 100 && !copy; attempt++) {
      const { data } = await patient(
        `query ($ins: String!) { patient(ins: $ins) { recordCopies { id status content } } }`,
        { ins: ADULT },
      );
      const mine = data.patient.recordCopies.find((c: any) => c.id === asked.data.requestRecordCopy.id);
      if (mine.status === 'READY') copy = JSON.parse(mine.content);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const space = copy.sources['personal-space'];
    const total = (await ok(PATIENT, HISTORY, { ins: ADULT })).patient.personalSpace.measures.totalCount;
    expect(space.measures).toHaveLength(total);
    expect(space.measures[0]).toMatchObject({ kind: expect.any(String), values: expect.any(Array) });
    expect(space.healthProfile.bloodGroup).toMatchObject({ group: 'ABPOS' });
    expect(space.healthProfile.measureTargets.map((t: any) => t.metric)).toEqual(['SYSTOLIC_BLOOD_PRESSURE']);
  });

  it('traces reads and writes as the rest of the personal space does', async () => {
    const names = await traceNames(graph.auditStore, ADULT);
    const [{ seq }] = await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head');
    await record(weight(71.8, 0));
    await ok(TRAITANT, PROFILE, { ins: ADULT });
    await eventually(async () => {
      const traces = await graph.auditStore.query<{ actor_id: string; action: string; touched: string[] }>(
        `SELECT actor_id, action, touched FROM access_trace WHERE seq > $1 AND patient_ref = ANY($2::text[]) AND outcome = 'allowed' ORDER BY seq`,
        [seq, names],
      );
      expect(traces).toContainEqual(expect.objectContaining({ action: 'write-personal-space', touched: ['measures'] }));
      const read = traces.filter((t) => t.actor_id === TRAITANT && t.action === 'read').flatMap((t) => t.touched);
      expect(read).toEqual(
        expect.arrayContaining([
          'personalSpace.bloodGroup',
          'personalSpace.lastMeasures',
          'personalSpace.measureTargets',
        ]),
      );
    });
  });
});
