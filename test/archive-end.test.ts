import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { parisDate, shiftDate } from '../domain/calendar';
import { archiveEnds } from '../policy/periods';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { everywhere as storesMentioning } from './support/traces';

/**
 * The archive's end (seeds 001, 002, 004; docs/time.md): a closed DMP is destroyed ten years after its closure,
 * and after a death ten years after the death, by the registry's retention job on the one clock or by
 * operations on demand. Destroyed as a deletion is: nothing of the patient is left but the destruction's traces.
 */
const CLOSED = '270057505600122'; // Martin: closed 30 days ago (writes.json)
const DEAD = '162069935201754'; // Ould Ahmed: closed by death, 10 days ago
const DEAD_TOO = '245017505609918'; // Dupont: closed by death, 5 days ago
const DEAD_LONG_AGO = '108016912309933'; // Petit: active; declared dead here, of a death two years back
const OPERATOR = 'ops:w-ops';
const SOURCES = ['hospital', 'oncology', 'patient', 'personal-space', 'pharmacy', 'reimbursement'];

const RESUME = gql`
  mutation {
    resumeDeletions {
      records {
        ins
        status
        pendingPurges
      }
    }
  }
`;

describe("the archive's end destroys the record", () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  const closedAt: Record<string, Date> = {};
  const diedOn: Record<string, string> = {};
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('writes.json'));
    const death = shiftDate(parisDate(start), { years: 2 }, -1);
    const declared = await (
      await graph.as(OPERATOR)
    )(`mutation ($ins: String!, $on: LocalDate!) { declareDeath(ins: $ins, deceasedOn: $on) { status } }`, {
      ins: DEAD_LONG_AGO,
      on: death,
    });
    expect(declared.errors).toBeUndefined();
    const rows = await graph.stores.patient.query<{ ins: string; dmp_closed_at: Date; deceased_on: string | null }>(
      'SELECT ins, dmp_closed_at, deceased_on::text AS deceased_on FROM patient WHERE ins = ANY($1::text[])',
      [[CLOSED, DEAD, DEAD_TOO, DEAD_LONG_AGO]],
    );
    for (const r of rows) {
      closedAt[r.ins] = r.dmp_closed_at;
      if (r.deceased_on) diedOn[r.ins] = r.deceased_on;
    }
  });
  afterAll(() => graph?.stop());

  /** Noon (UTC) on the day ten years after the death, or the day before: the same Paris day either way. */
  const tenYearsAfterDeath = (ins: string, daysBefore = 0) =>
    new Date(`${shiftDate(shiftDate(diedOn[ins], { years: 10 }, 1), { days: daysBefore }, -1)}T12:00:00Z`);
  const status = async (ins: string) =>
    (
      await graph.stores.patient.query<{ dmp_status: string }>('SELECT dmp_status FROM patient WHERE ins = $1', [ins])
    )[0]?.dmp_status ?? 'gone';
  const everywhere = (text: string) => storesMentioning(graph, text);
  /** Destroyed: no row of any store names the patient but the destruction's own traces, one per source. */
  const destroyed = async (ins: string, by: string) => {
    const traces = await graph.auditStore.query<{ action: string; source: string; actor_id: string }>(
      'SELECT DISTINCT action, source, actor_id FROM access_trace WHERE patient_ref = $1 ORDER BY action, source',
      [ins],
    );
    expect(traces).toEqual([
      { action: 'destroy', source: 'patient', actor_id: by },
      ...SOURCES.map((source) => ({ action: 'purge', source, actor_id: by })),
    ]);
    const [{ n }] = await graph.auditStore.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM access_trace WHERE patient_ref = $1',
      [ins],
    );
    expect(await everywhere(ins)).toEqual({ audit: { access_trace: n } });
  };

  it('a death declared late counts from the death, not from the closure: destroyed on the tenth anniversary', async () => {
    expect(closedAt[DEAD_LONG_AGO].getTime()).toBeGreaterThanOrEqual(start.getTime());
    clock.set(tenYearsAfterDeath(DEAD_LONG_AGO, 1));
    await graph.runRetention();
    expect(await status(DEAD_LONG_AGO)).toBe('CLOSED');
    clock.set(tenYearsAfterDeath(DEAD_LONG_AGO));
    const counts = await graph.runRetention();
    expect(counts.patient).toEqual([
      { table: 'patient:archive-ended', deleted: 1 },
      { table: 'patient:purges-pending', deleted: 0 },
      { table: 'record_copy', deleted: 0 },
      { table: 'patient:spoken-keys-written', deleted: 0 },
    ]);
    expect(await status(DEAD_LONG_AGO)).toBe('gone');
    await destroyed(DEAD_LONG_AGO, 'system:archive-end');
    for (const ins of [CLOSED, DEAD, DEAD_TOO]) expect(await status(ins)).toBe('CLOSED');
  });

  it('a closed record lasts ten years from its closure to the instant, then goes', async () => {
    const end = archiveEnds(closedAt[CLOSED]);
    clock.set(new Date(end.getTime() - 1000));
    await graph.runRetention();
    expect(await status(CLOSED)).toBe('CLOSED');
    // Within the archive, the patient may still reopen it; at its end, nobody may and it is destroyed.
    clock.set(end);
    await graph.runRetention();
    expect(await status(CLOSED)).toBe('gone');
    await destroyed(CLOSED, 'system:archive-end');
  });

  it('idempotent: a second run at the same instant destroys nothing', async () => {
    clock.set(tenYearsAfterDeath(DEAD));
    expect((await graph.runRetention()).patient?.[0]).toEqual({ table: 'patient:archive-ended', deleted: 1 });
    expect((await graph.runRetention()).patient?.[0]).toEqual({ table: 'patient:archive-ended', deleted: 0 });
    await destroyed(DEAD, 'system:archive-end');
  });

  it('operations end the archives on demand; nobody else does', async () => {
    clock.set(tenYearsAfterDeath(DEAD_TOO));
    expect(errorCode(await (await graph.as(`patient:${DEAD_TOO}`))(RESUME))).toBe('FORBIDDEN');
    expect(await status(DEAD_TOO)).toBe('CLOSED');
    const resumed = await (await graph.as(OPERATOR))(RESUME);
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.resumeDeletions.records).toEqual([{ ins: DEAD_TOO, status: 'DELETED', pendingPurges: [] }]);
    await destroyed(DEAD_TOO, OPERATOR);
  });
});
