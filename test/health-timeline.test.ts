import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { after as later, before } from '../domain/calendar';
import { nirKey } from '../domain/ins';
import { retentionCutoff } from '../policy/periods';
import { encodeCursor } from '../runtime/graphql/connection';
import { toTrace, type TraceRow } from '../audit/trace-repo';
import type { PatientSpec, Scenario } from '../scripts/scenario/scenario';
import { CALENDAR_SWEEP } from './support/calendar-sweep';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { withIns } from './support/traces';

/**
 * The health-history timeline (Patient.healthTimeline): the care lines careLines lists, as days on the Paris
 * calendar, newest first, each with its lines grouped by kind of episode (subgraphs/reimbursement/
 * episode-kinds.json). The whole graph runs on a fixed instant, 12:00 in Paris on 10 March 2027, so that every
 * day of the scenario is known; the calendar sweep at the end moves the clock to each instant of the sweep.
 */
const NOW = new Date('2027-03-10T11:00:00Z');
const clock = manualClock(NOW);
const ADULT = '280017505612325';
const MINOR = '115036912345644';
const DOCTOR = 'ps:41000000001';
const NURSE = 'ps:41000000002';
const STRANGER = 'ps:41000000003';
const PARENT = 'rep:tl-parent';
const FEED = 'am:tl-feed';

/** Ten days a page: the gateway costs days × kinds × lines, and a page of a hundred would be refused as too costly. */
const TIMELINE = gql`
  query ($ins: String!, $after: String, $kinds: [HealthEpisodeKind!]) {
    patient(ins: $ins) {
      healthTimeline(first: 10, after: $after, kinds: $kinds) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          date
          episodeCount
          groups {
            kind
            label
            count
            episodes {
              id
            }
          }
        }
      }
      careLines(first: 100) {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

type Day = {
  date: string;
  episodeCount: number;
  groups: { kind: string; count: number; episodes: { id: string }[] }[];
};
/** A page of days as `{ day: { KIND: [ids] } }`, in the order the graph gave them (object keys keep it). */
/** Only the days, any page size (cheap enough for the gateway whatever `first` is). */
const DAYS = gql`
  query ($ins: String!, $first: Int, $after: String) {
    patient(ins: $ins) {
      healthTimeline(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          date
        }
      }
    }
  }
`;
const shape = (days: Day[]) =>
  days.map((d) => [d.date, Object.fromEntries(d.groups.map((g) => [g.kind, g.episodes.map((e) => e.id)]))]);
const idsOf = (days: Day[]) => days.flatMap((d) => d.groups.flatMap((g) => g.episodes.map((e) => e.id))).sort();

const ADULT_DAY_0309 = {
  CONSULTATION: ['tl-consult'],
  BIOLOGY: ['tl-glyc', 'tl-nfs'],
  IMAGING: ['tl-xray'],
  MEDICINE: ['tl-drug'],
  MEDICAL_DEVICE: ['tl-device'],
};
const ADULT_DAY_0301 = {
  DENTAL: ['tl-dental'],
  TECHNICAL_ACT: ['tl-ecg'],
  NURSING: ['tl-nurse'],
  OTHER: ['tl-midwife'],
};

/** Who reads which record, and the days each must see: what careLines shows them, no more, no less. */
const READERS: [string, string, string, [string, Record<string, string[]>][]][] = [
  [
    'the patient (not what awaits the consultation d’annonce; what they masked, yes)',
    `patient:${ADULT}`,
    ADULT,
    [
      ['2027-03-09', ADULT_DAY_0309],
      ['2027-03-08', { CONSULTATION: ['tl-late'] }],
      ['2027-03-01', ADULT_DAY_0301],
      ['2027-02-20', { CONSULTATION: ['tl-masked'] }],
      ['2025-03-11', { CONSULTATION: ['tl-old-in'] }],
    ],
  ],
  [
    'an authorised médecin, whose matrix reads REMB (not what the patient masked)',
    DOCTOR,
    ADULT,
    [
      ['2027-03-09', ADULT_DAY_0309],
      ['2027-03-08', { CONSULTATION: ['tl-late'] }],
      ['2027-03-05', { CONSULTATION: ['tl-annonce'] }],
      ['2027-03-01', ADULT_DAY_0301],
      ['2025-03-11', { CONSULTATION: ['tl-old-in'] }],
    ],
  ],
  ['an authorised infirmier, whose matrix does not read REMB: no day, none counted', NURSE, ADULT, []],
  [
    'a legal representative (not what the minor keeps secret)',
    PARENT,
    MINOR,
    [['2027-03-02', { CONSULTATION: ['tl-b-visit'] }]],
  ],
  [
    'the minor themselves',
    `patient:${MINOR}`,
    MINOR,
    [
      ['2027-03-03', { CONSULTATION: ['tl-b-secret'] }],
      ['2027-03-02', { CONSULTATION: ['tl-b-visit'] }],
    ],
  ],
];

describe('the health-history timeline', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('health-timeline.json'));
  });
  afterAll(() => graph?.stop());
  afterEach(() => clock.set(NOW));

  const read = async (actor: string, variables: object) => (await graph.as(actor))(TIMELINE, variables);
  const readDays = async (actor: string, variables: object) => (await graph.as(actor))(DAYS, variables);

  it.each(READERS)('%s sees exactly the days and lines careLines shows them', async (_label, actor, ins, expected) => {
    const { data, errors } = await read(actor, { ins });
    expect(errors).toBeUndefined();
    const timeline = data.patient.healthTimeline;
    expect(shape(timeline.nodes)).toEqual(expected);
    // The same lines as the list, under the same rules: a line hidden there is not counted or grouped here.
    expect(idsOf(timeline.nodes)).toEqual(data.patient.careLines.nodes.map((n: { id: string }) => n.id).sort());
    expect(timeline.totalCount).toBe(expected.length);
    for (const day of timeline.nodes as Day[]) {
      expect(day.episodeCount).toBe(day.groups.reduce((n, g) => n + g.episodes.length, 0));
      for (const group of day.groups) expect(group.count).toBe(group.episodes.length);
    }
  });

  it('refuses a professional without authorisation as careLines does, and says nothing of the record', async () => {
    const { data, errors } = await read(STRANGER, { ins: ADULT });
    expect(data?.patient ?? null).toBeNull();
    expect(errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it('names each kind in French, and the establishment where the care took place', async () => {
    const { data, errors } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            healthTimeline(first: 1) {
              nodes {
                groups {
                  kind
                  label
                  episodes {
                    id
                    actSystem
                    amountCents
                    establishment {
                      finess
                      name
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(errors).toBeUndefined();
    const groups = data.patient.healthTimeline.nodes[0].groups;
    expect(groups.map((g: { label: string }) => g.label)).toEqual([
      'Consultations et visites',
      'Biologie',
      'Imagerie',
      'Médicaments',
      'Dispositifs médicaux',
    ]);
    const line = (id: string) => groups.flatMap((g: any) => g.episodes).find((e: any) => e.id === id);
    // The name comes from the data: stated with the line, or the scenario's directory for that FINESS.
    expect(line('tl-consult').establishment).toEqual({ finess: '130783236', name: 'AP-HM Hôpital de la Timone' });
    expect(line('tl-nfs').establishment).toEqual({ finess: '750100018', name: 'Laboratoire Saint-Michel' });
    expect(line('tl-glyc').establishment).toBeNull();
    expect(line('tl-device')).toMatchObject({ actSystem: 'LPP', amountCents: 1500 });
  });

  it('applies the field rules of a care line to its episodes: a médecin reads no amount', async () => {
    const query = gql`
      query ($ins: String!) {
        patient(ins: $ins) {
          healthTimeline(first: 1) {
            nodes {
              groups {
                episodes {
                  id
                  amountCents
                  prescriber {
                    id
                  }
                }
              }
            }
          }
        }
      }
    `;
    const { data, errors } = await (await graph.as(DOCTOR))(query, { ins: ADULT });
    const episodes = data.patient.healthTimeline.nodes[0].groups.flatMap((g: any) => g.episodes);
    expect(episodes.length).toBe(6);
    expect(episodes.every((e: any) => e.amountCents === null)).toBe(true);
    expect(episodes.find((e: any) => e.id === 'tl-nfs').prescriber).toEqual({ id: '41000000001' });
    expect(new Set(errors?.map((e) => e.path.at(-1)))).toEqual(new Set(['amountCents']));
    expect(errors?.length).toBe(6);
  });

  it('pages days newest first, and each page follows the last without gap or repeat', async () => {
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const answer: { data: any; errors?: any[] } = await readDays(`patient:${ADULT}`, { ins: ADULT, first: 2, after });
      expect(answer.errors).toBeUndefined();
      const timeline = answer.data.patient.healthTimeline;
      pages.push(timeline.nodes.map((d: Day) => d.date));
      if (!timeline.pageInfo.hasNextPage) break;
      after = timeline.pageInfo.endCursor;
    }
    expect(pages).toEqual([['2027-03-09', '2027-03-08'], ['2027-03-01', '2027-02-20'], ['2025-03-11']]);
  });

  it('filters by kind in the database: a day without the kinds asked is not there, nor counted', async () => {
    const { data, errors } = await read(`patient:${ADULT}`, { ins: ADULT, kinds: ['IMAGING', 'BIOLOGY'] });
    expect(errors).toBeUndefined();
    expect(shape(data.patient.healthTimeline.nodes)).toEqual([
      ['2027-03-09', { BIOLOGY: ['tl-glyc', 'tl-nfs'], IMAGING: ['tl-xray'] }],
    ]);
    expect(data.patient.healthTimeline.totalCount).toBe(1);
  });

  it.each([
    ['a page size of 0', { first: 0 }, 'first'],
    ['a page size over 100', { first: 101 }, 'first'],
    ['a cursor that is not one', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
    [
      'a cursor of this list whose day is not a date',
      { after: encodeCursor({ at: '2027-03-01T00:00:00.000Z', id: '2027-02-30' }, scopeOf(ADULT, null)) },
      'after',
    ],
    [
      'a cursor of the same list asked with other kinds',
      { after: encodeCursor({ at: '2027-03-01T00:00:00.000Z', id: '2027-03-01' }, scopeOf(ADULT, ['BIOLOGY'])) },
      'after',
    ],
  ])('refuses %s as BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
    const { errors } = await readDays(`patient:${ADULT}`, { ins: ADULT, ...variables });
    expect(errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', field]]);
  });

  it('accepts a cursor it gave out, made again from its parts (the control case of the two above)', async () => {
    const after = encodeCursor({ at: '2027-03-08T00:00:00.000Z', id: '2027-03-08' }, scopeOf(ADULT, null));
    const { data, errors } = await readDays(`patient:${ADULT}`, { ins: ADULT, first: 1, after });
    expect(errors).toBeUndefined();
    expect(data.patient.healthTimeline.nodes.map((d: Day) => d.date)).toEqual(['2027-03-01']);
  });

  it('traces the lines that left, and never the one the minor keeps secret from their representative', async () => {
    const seq = async () =>
      Number((await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head WHERE id = 1'))[0].seq);
    const since = await seq();
    await (
      await graph.as(PARENT)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            healthTimeline {
              totalCount
              nodes {
                date
              }
            }
          }
        }
      `,
      { ins: MINOR },
    );
    const rows = await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1 ORDER BY seq', [
      since,
    ]);
    const traces = (await withIns(graph.auditStore, rows.map(toTrace))).filter((t) => t.source === 'reimbursement');
    expect(traces.map((t) => [t.patientIns, t.outcome, t.touched])).toEqual([
      [MINOR, 'allowed', ['care_line:count', 'tl-b-visit']],
    ]);
  });

  it('takes medical devices (LPP, 7 digits) and the establishment of care from the Assurance maladie feed', async () => {
    const FEED_LINE = gql`
      mutation ($input: CareLineDeposit!) {
        feedCareLine(input: $input) {
          documentId
        }
      }
    `;
    const feed = await graph.as(FEED);
    const line = (over: object) => ({
      ins: ADULT,
      idempotencyKey: `tl-feed-${JSON.stringify(over).length}-${Object.keys(over).join('-')}`,
      typeCode: 'REMB',
      title: 'Pansements',
      effectiveAt: '2027-03-10T09:00:00Z',
      actSystem: 'LPP',
      actCode: '1312560',
      actLabel: 'Pansements',
      amountCents: 1200,
      reimbursedCents: 720,
      establishment: { finess: '750100018', name: 'Pharmacie du Marché' },
      ...over,
    });
    for (const [over, field] of [
      [{ actCode: '131256' }, 'input.actCode'],
      [{ actCode: '13125600' }, 'input.actCode'],
      [{ boxes: 2 }, 'input.boxes'],
      [{ establishment: { finess: '75010001' } }, 'input.establishment.finess'],
    ] as const) {
      const refused = await feed(FEED_LINE, { input: line(over) });
      expect([over, refused.errors?.map((e) => [e.extensions.code, e.extensions.field])]).toEqual([
        over,
        [['BAD_USER_INPUT', field]],
      ]);
    }
    const fed = await feed(FEED_LINE, { input: line({}) });
    expect(fed.errors).toBeUndefined();
    const { data } = await (
      await graph.as(`patient:${ADULT}`)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            healthTimeline(first: 1) {
              nodes {
                date
                groups {
                  kind
                  episodes {
                    id
                    actCode
                    establishment {
                      finess
                      name
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(data.patient.healthTimeline.nodes[0]).toEqual({
      date: '2027-03-10',
      groups: [
        {
          kind: 'MEDICAL_DEVICE',
          episodes: [
            {
              id: fed.data.feedCareLine.documentId,
              actCode: '1312560',
              establishment: { finess: '750100018', name: 'Pharmacie du Marché' },
            },
          ],
        },
      ],
    });
  });

  /**
   * Grouping by Paris day is a rule of time, and the 24 months its window: at each instant of the sweep, a
   * patient of its own has a line a minute inside the window and one a minute outside, one at the instant and
   * one a minute before (the day before in Paris at midnight). Expected days come from Intl, not the product.
   */
  describe.each(CALENDAR_SWEEP.map(([label, at], sweep) => [label, at, sweep] as const))(
    'at %s',
    (_label, now, sweep) => {
      const nir13 = `2900${sweep + 1}75056001`;
      const ins = nir13 + nirKey(nir13);
      const cutoff = retentionCutoff('reimbursement', now);
      const lines = {
        edgeIn: later(cutoff, { minutes: 1 }),
        edgeOut: before(cutoff, { minutes: 1 }),
        atNow: now,
        minuteBefore: new Date(now.getTime() - 60_000),
      };
      const parisDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
      beforeAll(async () => {
        clock.set(now);
        const patient: PatientSpec = {
          ins,
          identity: {
            birthName: `Balayage${sweep}`,
            firstName: 'Dominique',
            sex: 'F',
            birthDate: '1990-06-15',
            birthplaceCode: '75056',
          },
          careLines: Object.entries(lines).map(([id, at]) => ({
            id: `sw${sweep}-${id}`,
            typeCode: 'REMB',
            title: id,
            author: { kind: 'ALIM_AM' },
            effectiveAt: at.toISOString(),
            actSystem: 'NGAP',
            actCode: 'G',
            actLabel: 'Consultation',
            amountCents: 3000,
            reimbursedCents: 2100,
          })),
        };
        await graph.load({ version: 1, patients: [patient] } satisfies Scenario);
      });
      afterAll(() => clock.set(NOW));

      it('groups by the Paris day and keeps exactly the 24 months', async () => {
        clock.set(now);
        const { data, errors } = await read(`patient:${ins}`, { ins });
        expect(errors).toBeUndefined();
        const expected = new Map<string, string[]>();
        for (const id of ['atNow', 'minuteBefore', 'edgeIn'] as const) {
          const day = parisDay(lines[id]);
          expected.set(day, [...(expected.get(day) ?? []), `sw${sweep}-${id}`]);
        }
        const days = [...expected.entries()].sort(([a], [b]) => (a < b ? 1 : -1));
        expect(shape(data.patient.healthTimeline.nodes)).toEqual(
          days.map(([day, ids]) => [day, { CONSULTATION: ids }]),
        );
        expect(data.patient.healthTimeline.totalCount).toBe(days.length);
        expect(idsOf(data.patient.healthTimeline.nodes)).toEqual(
          data.patient.careLines.nodes.map((n: { id: string }) => n.id).sort(),
        );
      });
    },
  );
});

/** The scope a timeline cursor is given out in (health-timeline.resolver.ts), to make one by hand. */
function scopeOf(ins: string, kinds: string[] | null) {
  return { list: 'care_line:timeline', args: [ins, kinds], id: 'text' as const };
}
