import { gql } from 'graphql-request';
import { nirKey } from '../domain/ins';
import type { PatientSpec, Scenario } from '../scripts/scenario/scenario';
import { manualClock } from '../domain/clock';
import { startTestGraphWith, type TestGraph } from './support/test-graph';

/** The graph's clock stands still for the whole file: data, months and queries agree even across a midnight. */
const clock = manualClock(new Date());
const year = clock.now().getUTCFullYear();
/** The 5th of the month n months back (the same month in Paris as in UTC). */
const monthsAgo = (n: number) => {
  const d = clock.now();
  d.setUTCDate(5);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString();
};
const month = (n: number) => monthsAgo(n).slice(0, 7);

/**
 * Patients built so each cell of ATC3 × département is known: N02B 200 in 75 and 100 in 13, C09A 60 in 75 and
 * 5 in 13 (a small cell), A02B 30 in 75 and 40 in 13; 50 patients of 75 who did not consent also take N02B.
 * Four more N02B dispensations this month, in 75, make a differencing attack possible.
 */
function cohort(): { scenario: Scenario; consenting75: string[]; all: string[] } {
  let order = 0;
  const patients: PatientSpec[] = [];
  const make = (dept: '75' | '13', consent: boolean, atc: string[], thisMonth = false): PatientSpec => {
    order += 1;
    const nir13 = `2${String(year - 45).slice(2)}01${dept}056${String(order).padStart(3, '0')}`;
    const ins = nir13 + nirKey(nir13);
    const patient: PatientSpec = {
      ins,
      identity: {
        birthName: `Analyse${order}`,
        firstName: 'Anne',
        sex: 'F',
        birthDate: `${year - 45}-01-15`,
        birthplaceCode: `${dept}056`,
      },
      dmp: { secondaryUse: consent },
      dispensations: atc.map((code, i) => ({
        id: `disp-${order}-${i}`,
        typeCode: '60593-1',
        title: 'Dispensation',
        author: { rpps: '40000000003' },
        effectiveAt: thisMonth ? monthsAgo(0) : monthsAgo(2),
        cip13: '3400930000120',
        atc: code,
        productName: code,
        productCategory: 'STANDARD',
        quantity: 1,
        prescribed: true,
      })) as never,
      hospitalReports: [
        {
          id: `stay-${order}`,
          typeCode: '34112-3',
          title: 'CR',
          author: { rpps: '40000000001' },
          effectiveAt: monthsAgo(1),
          stayStart: monthsAgo(1).slice(0, 10),
          stayEnd: monthsAgo(1).slice(0, 10),
        },
      ] as never,
    };
    patients.push(patient);
    return patient;
  };
  const consenting75: string[] = [];
  for (let i = 0; i < 200; i++)
    consenting75.push(
      make('75', true, i < 60 ? ['N02BE01', 'C09AA05'] : i < 90 ? ['N02BE01', 'A02BC01'] : ['N02BE01']).ins,
    );
  for (let i = 0; i < 100; i++)
    make('13', true, i < 5 ? ['N02BE01', 'C09AA05'] : i < 45 ? ['N02BE01', 'A02BC01'] : ['N02BE01']);
  for (let i = 0; i < 50; i++) make('75', false, ['N02BE01']);
  for (let i = 0; i < 4; i++) make('75', true, ['N02BE01'], true);
  return {
    scenario: {
      version: 1,
      accounts: [
        { id: 'analyst:drees', kind: 'analyst', displayName: 'DREES' },
        { id: 'analyst:other', kind: 'analyst', displayName: 'Another team' },
        { id: 'analyst:third', kind: 'analyst', displayName: 'A third team' },
        { id: 'analyst:fourth', kind: 'analyst', displayName: 'A fourth team' },
        { id: 'analyst:fifth', kind: 'analyst', displayName: 'A fifth team' },
        { id: 'samu:13', kind: 'regulator', displayName: 'SAMU 13', attributes: { samuCentre: '13' } },
        { id: 'etab:130786049', kind: 'establishment', displayName: 'AP-HM', attributes: { finess: '130786049' } },
        {
          id: 'org:insurer',
          kind: 'forbidden_organisation',
          displayName: 'Insurer',
          attributes: { organisation: 'insurer' },
        },
        { id: 'ops:w', kind: 'operator', displayName: 'Ops' },
      ],
      professionals: [
        { rpps: '40000000001', familyName: 'Traitant', firstName: 'Claire', profession: '10', specialty: 'SM54' },
        { rpps: '40000000003', familyName: 'Pharma', firstName: 'Antoine', profession: '21' },
      ],
      patients,
    },
    consenting75,
    all: patients.map((p) => p.ins),
  };
}

const TABLE = gql`
  query ($groupBy: [AnalyticsDimension!]!, $filter: AnalyticsFilter, $measure: AnalyticsMeasure!) {
    analytics {
      dispensations(measure: $measure, groupBy: $groupBy, filter: $filter) {
        dimensions
        cells {
          values
          count
          suppression
        }
        suppressedCells
      }
    }
  }
`;
const cellsOf = (table: any) =>
  Object.fromEntries(table.cells.map((c: any) => [c.values.join('/'), c.count ?? c.suppression]));

/**
 * Along every line of the table (all values but one dimension's shared) and over it all, never exactly one
 * hidden cell among several: a margin would give it back. (A line of one cell has a margin equal to it, hidden
 * in the coarser table as well.)
 */
function noLoneHiddenCell(table: { dimensions: string[]; cells: { values: string[]; count: number | null }[] }): void {
  const lines: (typeof table.cells)[] = [table.cells];
  table.dimensions.forEach((_, d) => {
    const byRest = new Map<string, typeof table.cells>();
    for (const cell of table.cells) {
      const k = cell.values.filter((_, i) => i !== d).join('|');
      byRest.set(k, [...(byRest.get(k) ?? []), cell]);
    }
    lines.push(...byRest.values());
  });
  for (const line of lines.filter((l) => l.length > 1)) expect(line.filter((c) => c.count === null).length).not.toBe(1);
}

describe('analytics: aggregates over consenting patients, with no way back to a person', () => {
  let graph: TestGraph;
  let data: ReturnType<typeof cohort>;
  beforeAll(async () => {
    data = cohort();
    graph = await startTestGraphWith({ clock }, data.scenario);
  });
  afterAll(() => graph?.stop());

  it('answers "dispensations by ATC level 3 and age band per quarter, by département" in one query, with no cell from 1 to 10 and no lone hidden cell on any line', async () => {
    const { data: answer, errors } = await (
      await graph.as('analyst:drees')
    )(gql`
      {
        analytics {
          dispensations(measure: EVENTS, groupBy: [ATC3, AGE_BAND, QUARTER, DEPARTEMENT]) {
            dimensions
            cells {
              values
              count
              suppression
            }
            suppressedCells
          }
          hospitalStays(measure: EVENTS, groupBy: [DEPARTEMENT]) {
            cells {
              values
              count
            }
          }
          patients(measure: PATIENTS, groupBy: [DEPARTEMENT, SEX]) {
            cells {
              values
              count
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const table = answer.analytics.dispensations;
    expect(table.dimensions).toEqual(['ATC3', 'AGE_BAND', 'QUARTER', 'DEPARTEMENT']);
    for (const cell of table.cells) {
      expect(cell.count === null || cell.count === 0 || cell.count >= 11).toBe(true);
      expect(cell.count === null).toBe(cell.suppression !== null);
      expect(cell.values[2]).toMatch(/^\d{4}-Q[1-4]$/);
    }
    expect(table.suppressedCells).toBeGreaterThan(0);
    noLoneHiddenCell(table);
    expect(answer.analytics.hospitalStays.cells).toEqual([
      { values: ['13'], count: 100 },
      { values: ['75'], count: 204 },
    ]);
    expect(answer.analytics.patients.cells).toEqual([
      { values: ['13', 'F'], count: 100 },
      { values: ['75', 'F'], count: 204 },
    ]);
    // Nothing that names a person leaves: no INS, no name, no day.
    const text = JSON.stringify(answer);
    for (const ins of data.all.slice(0, 50)) expect(text).not.toContain(ins);
    expect(text).not.toMatch(/Analyse\d|\d{4}-\d{2}-\d{2}/);
  });

  it('counts consenting patients only, and hides the small cell with its complements', async () => {
    const { data: answer } = await (
      await graph.as('analyst:drees')
    )(TABLE, { measure: 'PATIENTS', groupBy: ['ATC3', 'DEPARTEMENT'], filter: { to: month(1) } });
    expect(cellsOf(answer.analytics.dispensations)).toEqual({
      'A02B/13': 'SECONDARY',
      'A02B/75': 'SECONDARY',
      'C09A/13': 'SMALL_CELL',
      'C09A/75': 'SECONDARY',
      'N02B/13': 100,
      'N02B/75': 200,
    });
  });

  it('a withdrawal holds from the next query', async () => {
    const analyst = await graph.as('analyst:other');
    const before = await analyst(TABLE, {
      measure: 'PATIENTS',
      groupBy: ['ATC3'],
      filter: { atc: ['N02B'], departements: ['75'], to: month(1) },
    });
    expect(cellsOf(before.data.analytics.dispensations)).toEqual({ N02B: 200 });
    const patient = await graph.as(`patient:${data.consenting75[199]}`);
    const withdrawn = await patient(
      gql`
        mutation ($ins: String!) {
          setSecondaryUseConsent(ins: $ins, consent: false) {
            secondaryUse
          }
        }
      `,
      { ins: data.consenting75[199] },
    );
    expect(withdrawn.data.setSecondaryUseConsent.secondaryUse).toBe(false);
    // Another client, so its history does not hide the change: the patient is gone from the count.
    const after = await (
      await graph.as('analyst:third')
    )(TABLE, { measure: 'PATIENTS', groupBy: ['ATC3'], filter: { atc: ['N02B'], departements: ['75'], to: month(1) } });
    expect(cellsOf(after.data.analytics.dispensations)).toEqual({ N02B: 199 });
    // The first client sees a difference of one with what it was given: hidden, not disclosed.
    const again = await analyst(TABLE, {
      measure: 'PATIENTS',
      groupBy: ['ATC3'],
      filter: { atc: ['N02B'], departements: ['75'], to: month(1) },
    });
    expect(cellsOf(again.data.analytics.dispensations)).toEqual({ N02B: 'DIFFERENCING' });
  });

  it('a withdrawal holds even while a source cannot be told: the registry leaves the patient out until it hears', async () => {
    const pharmacy = graph.subgraphUrls.pharmacy;
    const ins = data.consenting75[198];
    graph.subgraphUrls.pharmacy = 'http://127.0.0.1:9/graphql';
    try {
      await (
        await graph.as(`patient:${ins}`)
      )(
        gql`
          mutation ($ins: String!) {
            setSecondaryUseConsent(ins: $ins, consent: false) {
              ins
            }
          }
        `,
        { ins },
      );
      const queued = await graph.stores.patient.query(
        `SELECT 1 FROM cohort_outbox WHERE patient_ins = $1 AND source = 'pharmacy'`,
        [ins],
      );
      expect(queued).toHaveLength(1);
      const stored = await graph.stores.pharmacy.query('SELECT 1 FROM analytics_subject WHERE patient_ins = $1', [ins]);
      expect(stored).toHaveLength(1);
      // A client with no history: what it is given is the count without the patient.
      const answer = await (
        await graph.as('analyst:fourth')
      )(TABLE, { measure: 'PATIENTS', groupBy: ['DEPARTEMENT'], filter: { atc: ['N02B'], to: month(1) } });
      expect(cellsOf(answer.data.analytics.dispensations)['75']).toBe(198);
    } finally {
      graph.subgraphUrls.pharmacy = pharmacy;
    }
  });

  it('defends against differencing: two periods that differ by a few people do not both come out', async () => {
    // A client of its own: what it is refused depends only on what it was given here, not on the calendar
    // position of cells another test released (in a quarter's last month, the first test's quarter cell
    // already contains this range).
    const analyst = await graph.as('analyst:fifth');
    const wide = await analyst(TABLE, {
      measure: 'EVENTS',
      groupBy: ['ATC3'],
      filter: { atc: ['N02B'], regions: ['11'], from: month(2) },
    });
    expect(wide.errors).toBeUndefined();
    const n = cellsOf(wide.data.analytics.dispensations).N02B;
    expect(n).toBeGreaterThanOrEqual(11);
    // The same question without this month: four dispensations fewer, which would name them.
    const narrow = await analyst(TABLE, {
      measure: 'EVENTS',
      groupBy: ['ATC3'],
      filter: { atc: ['N02B'], regions: ['11'], from: month(2), to: month(1) },
    });
    expect(cellsOf(narrow.data.analytics.dispensations)).toEqual({ N02B: 'DIFFERENCING' });
  });

  it('publishes nothing for a cohort too small', async () => {
    const answer = await (
      await graph.as('analyst:drees')
    )(TABLE, { measure: 'PATIENTS', groupBy: ['ATC3'], filter: { departements: ['2A'] } });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COHORT_TOO_SMALL' });
  });

  it.each<[string, object, string]>([
    ['no dimension', { groupBy: [] }, 'groupBy'],
    ['two dimensions on one axis', { groupBy: ['MONTH', 'YEAR'] }, 'groupBy'],
    ['a dimension the source does not have', { groupBy: ['CCAM_CHAPTER'] }, 'groupBy'],
    ['a day instead of a month', { groupBy: ['ATC3'], filter: { from: '2026-01-15' } }, 'filter.from'],
    ['an ATC code that is none', { groupBy: ['ATC3'], filter: { atc: ['paracetamol'] } }, 'filter.atc'],
    ['an unknown département', { groupBy: ['ATC3'], filter: { departements: ['00'] } }, 'filter.departements'],
  ])('refuses %s, naming the argument', async (_label, variables, field) => {
    const answer = await (await graph.as('analyst:drees'))(TABLE, { measure: 'EVENTS', ...variables });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each(['patient', 'ps:40000000001', 'samu:13', 'etab:130786049', 'org:insurer', 'ops:w'])(
    '%s gets no aggregate',
    async (who) => {
      const actor = who === 'patient' ? `patient:${data.all[0]}` : who;
      const answer = await (
        await graph.as(actor)
      )(gql`
        {
          analytics {
            patients(measure: PATIENTS, groupBy: [SEX]) {
              cells {
                count
              }
            }
          }
        }
      `);
      expect(answer.data?.analytics ?? null).toBeNull();
      expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    },
  );

  it('the analyst reads no person, and each aggregate leaves one trace, with what was asked and hidden, and no per-patient trace', async () => {
    const analyst = await graph.as('analyst:drees');
    const person = await analyst(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            ins
          }
        }
      `,
      { ins: data.all[0] },
    );
    expect(person.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [{ max }] = await graph.auditStore.query<{ max: string }>(
      'SELECT COALESCE(max(seq), 0) AS max FROM access_trace',
    );
    await analyst(gql`
      {
        analytics {
          dispensations(measure: PATIENTS, groupBy: [ATC3, DEPARTEMENT]) {
            suppressedCells
          }
          hospitalStays(measure: EVENTS, groupBy: [YEAR]) {
            suppressedCells
          }
        }
      }
    `);
    const traces = await graph.auditStore.query<{
      source: string;
      action: string;
      patient_ref: string | null;
      touched: string[];
    }>('SELECT source, action, patient_ref, touched FROM access_trace WHERE seq > $1 ORDER BY source', [max]);
    expect(traces.map((t) => [t.source, t.action, t.patient_ref])).toEqual([
      ['hospital', 'aggregate', null],
      ['pharmacy', 'aggregate', null],
    ]);
    expect(traces[1].touched).toEqual(
      expect.arrayContaining([
        'measure:dispensations:PATIENTS',
        'groupBy:ATC3,DEPARTEMENT',
        expect.stringMatching(/^suppressed:[1-9]/),
      ]),
    );
  });
});
