import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { nirKey } from '../domain/ins';
import { CALENDAR_SWEEP } from './support/calendar-sweep';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Family profiles (docs/law.md §3, "Family profiles"), through the gateway: a parent's list of the persons on
 * their Assurance maladie cover, each with what the policy says of it, and the opening of the minors' DMPs from
 * it, all or none, with the parent registered as their representative. Being on the cover gives no access.
 */
const nir = (nir13: string) => nir13 + nirKey(nir13);
const MAEL = '115036912304567'; // has a DMP, represented by rep:parent (visibility.json)
const LEA = nir('2190575056101'); // a minor on rep:family's cover, no DMP
const TOM = nir('1210913055102'); // another
const ADULT = nir('1000175056103'); // of age, no DMP
const WRONG_ACCOUNT_CHILD = nir('2200675056104'); // on rep:other's cover only

const person = (ins: string, firstName: string, birthDate: string, sex: 'F' | 'M') => ({
  ins,
  identity: { birthName: 'Martin-Diallo', firstName, sex, birthDate, birthplaceCode: ins.slice(5, 10) },
});
const MAEL_ON_COVER = {
  ins: MAEL,
  identity: { birthName: 'Lefèvre', firstName: 'Maël', sex: 'M', birthDate: '2015-03-01', birthplaceCode: '69123' },
};
const ACCOUNTS = {
  version: 1,
  accounts: [
    {
      id: 'rep:family',
      kind: 'representative',
      displayName: 'Parent of a family',
      beneficiaries: [
        person(TOM, 'Tom', '2021-09-14', 'M'),
        person(LEA, 'Léa', '2019-05-02', 'F'),
        person(ADULT, 'Noah', '2000-01-20', 'M'),
        MAEL_ON_COVER,
      ],
    },
    {
      id: 'rep:other',
      kind: 'representative',
      displayName: 'Another parent',
      beneficiaries: [person(WRONG_ACCOUNT_CHILD, 'Jade', '2020-06-03', 'F')],
    },
    {
      id: 'rep:parent-cover',
      kind: 'representative',
      displayName: 'Unused',
    },
  ],
};
// rep:parent (visibility.json) represents Maël: on its cover, his profile is ACTIVE.
const PARENT_COVER = {
  version: 1,
  accounts: [
    {
      id: 'rep:covered-parent',
      kind: 'representative',
      displayName: 'Covered parent',
      beneficiaries: [MAEL_ON_COVER],
    },
  ],
};

const LIST = gql`
  {
    viewer {
      familyProfiles {
        id
        firstName
        lastName
        birthDate
        status
        blockedBy
        patient {
          identity {
            firstName
          }
        }
      }
    }
  }
`;
const ACTIVATE = gql`
  mutation ($input: FamilyProfileActivationInput!) {
    activateFamilyProfiles(input: $input) {
      id
      firstName
      status
      blockedBy
      patient {
        identity {
          firstName
        }
      }
    }
  }
`;
const IDENTITY = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`;
const TRACES = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      accessTraces(first: 100) {
        nodes {
          actorId
          action
        }
      }
    }
  }
`;
const REPRESENTATION = { relation: 'Mère', basis: 'Livret de famille n° 2019-0502' };

describe('family profiles: the persons on a parent’s cover, and opening their DMPs', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), ACCOUNTS);
  });
  afterAll(() => graph?.stop());
  afterEach(() => clock.set(start));

  const listOf = async (actor: string) => {
    const answer = await graph.ask(actor, LIST);
    expect(answer.errors).toBeUndefined();
    return answer.data.viewer.familyProfiles as any[];
  };
  const idOf = async (firstName: string) => (await listOf('rep:family')).find((p) => p.firstName === firstName).id;
  const activate = (actor: string, ids: string[], over: object = {}) =>
    graph.ask(actor, ACTIVATE, { input: { ids, representation: REPRESENTATION, expressConsent: true, ...over } });
  const tracesOf = async (ins: string) =>
    (await graph.ask(`patient:${ins}`, TRACES, { ins })).data.patient.accessTraces.nodes as {
      actorId: string;
      action: string;
    }[];
  const recordsOf = async (...ins: string[]) =>
    (
      await graph.stores.patient.query<{ ins: string }>('SELECT ins FROM patient WHERE ins = ANY($1) ORDER BY ins', [
        ins,
      ])
    ).map((r) => r.ins);

  it('lists the cover oldest first, each with its status, and no record to read', async () => {
    expect(await listOf('rep:family')).toEqual([
      expect.objectContaining({
        firstName: 'Noah',
        lastName: 'Martin-Diallo',
        birthDate: '2000-01-20',
        status: 'NOT_ACTIVABLE',
        blockedBy: 'OF_AGE',
        patient: null,
      }),
      expect.objectContaining({
        firstName: 'Maël',
        status: 'NOT_ACTIVABLE',
        blockedBy: 'RECORD_EXISTS',
        patient: null,
      }),
      expect.objectContaining({
        firstName: 'Léa',
        birthDate: '2019-05-02',
        status: 'TO_ACTIVATE',
        blockedBy: null,
        patient: null,
      }),
      expect.objectContaining({ firstName: 'Tom', status: 'TO_ACTIVATE', blockedBy: null, patient: null }),
    ]);
    // Being on a cover is no right: the record that exists stays unreadable to this parent.
    expect(errorCode(await graph.ask('rep:family', IDENTITY, { ins: MAEL }))).toBe('NOT_FOUND');
  });

  it("the profile of a child one represents is ACTIVE, with the child's record", async () => {
    await graph.load(PARENT_COVER);
    // rep:covered-parent is not rep:parent: on the cover, not a representative.
    expect((await listOf('rep:covered-parent')).map((p) => p.blockedBy)).toEqual(['RECORD_EXISTS']);
    const stores = graph.stores.patient;
    await stores.query(
      "INSERT INTO insurance_beneficiary (id, account_id, ins, birth_name, first_name, given_names, sex, birth_date, birthplace_code) VALUES (gen_random_uuid(), 'rep:parent', $1, 'Lefèvre', 'Maël', ARRAY['Maël'], 'M', '2015-03-01', '69123')",
      [MAEL],
    );
    expect(await listOf('rep:parent')).toEqual([
      expect.objectContaining({
        firstName: 'Maël',
        status: 'ACTIVE',
        blockedBy: null,
        patient: { identity: { firstName: 'Maël' } },
      }),
    ]);
  });

  it('is empty for a patient, a professional and a parent with no one on their cover', async () => {
    for (const actor of [`patient:${MAEL}`, 'ps:30000000001', 'rep:parent-cover'])
      expect(await listOf(actor)).toEqual([]);
  });

  it("reading the list is traced on the existing record, as this parent's", async () => {
    await listOf('rep:family');
    expect(await tracesOf(MAEL)).toContainEqual({ actorId: 'rep:family', action: 'read-family-profiles' });
  });

  it.each([
    ['no profile', async () => [], 'input.ids', undefined],
    ['an id that is not one', async () => ['not-an-id'], 'input.ids[0]', undefined],
    ['an id of no list', async () => ['6f1c1c9e-3f0a-4a57-9a55-0d3e6c1a2b3c'], 'input.ids[0]', undefined],
    ['a profile named twice', async () => [await idOf('Léa'), await idOf('Léa')], 'input.ids[1]', undefined],
    ['an adult', async () => [await idOf('Léa'), await idOf('Noah')], 'input.ids[1]', undefined],
    ['a child whose DMP exists', async () => [await idOf('Maël')], 'input.ids[0]', undefined],
    ['no consent', async () => [await idOf('Léa')], 'input.expressConsent', { expressConsent: false }],
    [
      'no basis',
      async () => [await idOf('Léa')],
      'input.representation',
      { representation: { relation: 'Mère', basis: ' ' } },
    ],
  ])('refuses %s, names the field, and opens nothing', async (_case, ids, field, over) => {
    const answer = await activate('rep:family', await ids(), over);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer.errors)).toContain(field);
    expect(await recordsOf(LEA, TOM, ADULT)).toEqual([]);
    expect((await listOf('rep:family')).filter((p) => p.status === 'TO_ACTIVATE').map((p) => p.firstName)).toEqual([
      'Léa',
      'Tom',
    ]);
  });

  it("another parent cannot name this family's profiles, nor a professional or the patient activate", async () => {
    const lea = await idOf('Léa');
    const other = await activate('rep:other', [lea]);
    expect(errorCode(other)).toBe('BAD_USER_INPUT');
    expect(other.errors![0].message).toContain('not a profile of your family list');
    for (const actor of ['ps:30000000001', `patient:${MAEL}`])
      expect(errorCode(await activate(actor, [lea]))).toBe('FORBIDDEN');
    expect(await recordsOf(LEA)).toEqual([]);
  });

  it('opens both minors at once, registers the parent, traces and notifies each', async () => {
    const ids = [await idOf('Tom'), await idOf('Léa')];
    const answer = await activate('rep:family', ids);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.activateFamilyProfiles).toEqual([
      { id: ids[0], firstName: 'Tom', status: 'ACTIVE', blockedBy: null, patient: { identity: { firstName: 'Tom' } } },
      { id: ids[1], firstName: 'Léa', status: 'ACTIVE', blockedBy: null, patient: { identity: { firstName: 'Léa' } } },
    ]);
    expect(await recordsOf(LEA, TOM)).toEqual([LEA, TOM].sort());
    for (const ins of [LEA, TOM]) {
      expect((await graph.ask('rep:family', IDENTITY, { ins })).data.patient.identity).toBeTruthy();
      const [rep] = await graph.stores.patient.query<any>(
        'SELECT account_id, relation, basis FROM legal_representative WHERE patient_ins = $1',
        [ins],
      );
      expect(rep).toEqual({ account_id: 'rep:family', relation: 'Mère', basis: REPRESENTATION.basis });
      const notified = await graph.auditStore.query('SELECT kind FROM notification_outbox WHERE patient_ins = $1', [
        ins,
      ]);
      expect(notified).toContainEqual({ kind: 'DMP_CREATED' });
      expect(await tracesOf(ins)).toContainEqual({ actorId: 'rep:family', action: 'create-record' });
    }
    // Once opened, a profile is not opened again.
    expect(errorCode(await activate('rep:family', [ids[0]!]))).toBe('BAD_USER_INPUT');
    // The other family's child is untouched.
    expect(await recordsOf(WRONG_ACCOUNT_CHILD)).toEqual([]);
  });
});

describe('family profiles at majority, at every instant of the calendar sweep', () => {
  const clock = manualClock(CALENDAR_SWEEP[0][1]);
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock });
  });
  afterAll(() => graph?.stop());

  it.each(CALENDAR_SWEEP.map(([label, at], sweep) => [label, at, sweep] as const))(
    'at %s, the one of age today cannot be opened, the one of age tomorrow can',
    async (_label, now, sweep) => {
      clock.set(now);
      // Born eighteen years ago today, and a day later, worked out here without the product's calendar code.
      const [y, m, d] = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }).split('-').map(Number) as [
        number,
        number,
        number,
      ];
      const born = new Date(Date.UTC(y - 18, m - 1, d));
      const adultToday = born.getUTCMonth() === m - 1 ? born : new Date(Date.UTC(y - 18, m - 1, d - 1));
      const minorTomorrow = new Date(adultToday.getTime() + 86_400_000);
      const day = (date: Date) => date.toISOString().slice(0, 10);
      const account = `rep:sweep-${sweep}`;
      await graph.load({
        version: 1,
        accounts: [
          {
            id: account,
            kind: 'representative',
            displayName: 'Parent',
            beneficiaries: [
              person(nir(`1${day(adultToday).slice(2, 4)}0${(sweep % 9) + 1}75056201`), 'Adult', day(adultToday), 'M'),
              person(
                nir(`2${day(minorTomorrow).slice(2, 4)}0${(sweep % 9) + 1}75056202`),
                'Minor',
                day(minorTomorrow),
                'F',
              ),
            ],
          },
        ],
      });
      const answer = await (await graph.as(account))(LIST);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.viewer.familyProfiles.map((p: any) => [p.firstName, p.status, p.blockedBy])).toEqual([
        ['Adult', 'NOT_ACTIVABLE', 'OF_AGE'],
        ['Minor', 'TO_ACTIVATE', null],
      ]);
    },
  );
});
