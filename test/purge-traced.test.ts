import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { everywhere as storesMentioning } from './support/traces';

/**
 * A purge is a write, and no write stands without its trace (docs/law.md §4). The chain refuses the purge's
 * trace here (a trigger, as a full disk or a revoked grant would), and what the purge would have erased must
 * still be there; once the chain takes traces again, a resumption carries the deletion to its end, traced.
 */
const TO_DELETE = '158057505608888';
const CLOSED = '270057505600122';

const DELETE = gql`
  mutation ($ins: String!) {
    deleteRecord(ins: $ins) {
      status
      pendingPurges
    }
  }
`;
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

describe('a purge whose trace the chain refuses erases nothing', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const everywhere = (ins: string) => storesMentioning(graph, ins);
  /** The chain refuses the traces of purges made by `sources` (all of them when null). */
  async function refusePurgeTraces(sources: string[] | null): Promise<void> {
    const which = sources === null ? '' : `AND NEW.source IN (${sources.map((s) => `'${s}'`).join(', ')})`;
    await graph.auditStore.query(`
      CREATE OR REPLACE FUNCTION refuse_purge_trace() RETURNS trigger AS $$
      BEGIN
        IF NEW.action = 'purge' ${which} THEN RAISE EXCEPTION 'the chain is away'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await graph.auditStore.query(
      'CREATE TRIGGER refuse_purge_trace BEFORE INSERT ON access_trace FOR EACH ROW EXECUTE FUNCTION refuse_purge_trace()',
    );
  }
  const acceptTracesAgain = () => graph.auditStore.query('DROP TRIGGER refuse_purge_trace ON access_trace');
  /** Purge traces of a patient (the deletion's traces name the INS). */
  async function purgeTraces(ins: string): Promise<string[]> {
    const rows = await graph.auditStore.query<{ source: string }>(
      `SELECT source FROM access_trace WHERE patient_ref = $1 AND action = 'purge' ORDER BY source`,
      [ins],
    );
    return rows.map((r) => r.source);
  }
  const resume = async () => (await (await graph.as('ops:w-ops'))(RESUME)).data.resumeDeletions.records;

  it("a source's purge: its rows stay and it stays pending, then a resumption purges and traces it", async () => {
    const before = await everywhere(TO_DELETE);
    const sources = Object.keys(before).filter((s) => s !== 'patient' && s !== 'audit');
    expect(sources.length).toBeGreaterThan(1);

    await refusePurgeTraces(null);
    let deleted: { data: any; errors?: any[] };
    try {
      deleted = await (await graph.as(`patient:${TO_DELETE}`))(DELETE, { ins: TO_DELETE });
    } finally {
      await acceptTracesAgain();
    }
    // The deletion itself is traced and stands: nobody reads the record from now on.
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteRecord.status).toBe('DELETED');
    expect(deleted.data.deleteRecord.pendingPurges.length).toBeGreaterThan(0);
    // What no trace covers was not erased: every source that held the patient's rows still holds them.
    const after = await everywhere(TO_DELETE);
    for (const source of sources) expect(after[source]).toEqual(before[source]);
    expect(await purgeTraces(TO_DELETE)).toEqual([]);

    expect(await resume()).toEqual([{ ins: TO_DELETE, status: 'DELETED', pendingPurges: [] }]);
    expect(Object.keys(await everywhere(TO_DELETE))).toEqual(['audit']);
    expect(await purgeTraces(TO_DELETE)).toEqual(expect.arrayContaining([...sources, 'patient']));
  });

  it("the registry's own purge: the patient's row stays until its trace can be written, then goes, traced", async () => {
    await refusePurgeTraces(['patient']);
    let deleted: { data: any; errors?: any[] };
    try {
      deleted = await (await graph.as(`patient:${CLOSED}`))(DELETE, { ins: CLOSED });
      // Told the purge could not be traced; the record's row is still there, DELETED, unreadable.
      expect(deleted.errors?.map((e) => e.extensions.code)).toEqual(['AUDIT_UNAVAILABLE']);
      const [row] = await graph.stores.patient.query<{ dmp_status: string }>(
        'SELECT dmp_status FROM patient WHERE ins = $1',
        [CLOSED],
      );
      expect(row).toEqual({ dmp_status: 'DELETED' });
      expect(await purgeTraces(CLOSED)).not.toContain('patient');
      // A resumption while the chain still refuses leaves it unfinished: the row stays.
      expect(await resume()).toEqual([{ ins: CLOSED, status: 'DELETED', pendingPurges: [] }]);
      expect((await graph.stores.patient.query('SELECT 1 FROM patient WHERE ins = $1', [CLOSED])).length).toBe(1);
    } finally {
      await acceptTracesAgain();
    }
    expect(await resume()).toEqual([{ ins: CLOSED, status: 'DELETED', pendingPurges: [] }]);
    expect(await graph.stores.patient.query('SELECT 1 FROM patient WHERE ins = $1', [CLOSED])).toEqual([]);
    expect(await purgeTraces(CLOSED)).toContain('patient');
    expect(Object.keys(await everywhere(CLOSED))).toEqual(['audit']);
    // Nothing is left to resume.
    expect(await resume()).toEqual([]);
  });
});
