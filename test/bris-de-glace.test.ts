import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { toTrace, type TraceRow } from '../audit/trace-repo';
import { traceNames } from './support/traces';

const ADULT = '284077511612365';
/** Born in Algeria (99352), refused bris de glace. */
const REFUSED_BTG = '262069935201704';
const CLOSED = '290052A00412352';
const JUSTIFICATION = 'Patiente inconsciente aux urgences, suspicion de surdosage médicamenteux';
const DECLARE = gql`
  mutation ($ins: String!, $why: String!) {
    declareEmergency(ins: $ins, justification: $why) {
      expiresAt
      patient {
        access {
          mode
          rule
        }
        hospitalReports(first: 100) {
          nodes {
            id
          }
        }
      }
    }
  }
`;
const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      access {
        mode
      }
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
    }
  }
`;
const ids = (connection: { nodes: { id: string }[] }) => connection.nodes.map((n) => n.id).sort();

describe('bris de glace', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());
  const as = (actor: string) => graph.as(actor);

  it('opens a time-limited grant: the matrix applies, masked documents stay hidden without MASKED, every access is traced with the justification and notified', async () => {
    const stranger = await as('ps:30000000006');
    expect((await stranger(READ, { ins: ADULT })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const before = Number((await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head'))[0].seq);
    const declared = await stranger(DECLARE, { ins: ADULT, why: JUSTIFICATION });
    expect(declared.errors).toBeUndefined();
    const minutes = (Date.parse(declared.data.declareEmergency.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(declared.data.declareEmergency.patient.access).toEqual({
      mode: 'bris_de_glace',
      rule: 'professional.bris-de-glace',
    });
    // The médecin column of the matrix; the masked documents (MASKED not given) stay hidden.
    expect(ids(declared.data.declareEmergency.patient.hospitalReports)).toEqual([
      'h-invisible-new',
      'h-invisible-old',
      'h-plain',
    ]);
    const read = await stranger(READ, { ins: ADULT });
    expect(read.data.patient.access.mode).toBe('bris_de_glace');

    const traces = (
      await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1 ORDER BY seq', [before])
    ).map(toTrace);
    expect(traces.find((t) => t.action === 'break-glass')).toMatchObject({
      outcome: 'allowed',
      mode: 'bris_de_glace',
      justification: JUSTIFICATION,
    });
    const hospitalReads = traces.filter((t) => t.source === 'hospital');
    expect(hospitalReads.length).toBe(2);
    for (const t of hospitalReads)
      expect(t).toMatchObject({ mode: 'bris_de_glace', justification: JUSTIFICATION, actorId: 'ps:30000000006' });
    // Every trace of the access names its justification, the registry's own read included.
    const reads = traces.filter((t) => t.outcome === 'allowed' && t.mode === 'bris_de_glace');
    expect(reads.map((t) => t.source)).toContain('patient');
    for (const t of reads) expect([t.source, t.action, t.justification]).toEqual([t.source, t.action, JUSTIFICATION]);
    const notified = await graph.auditStore.query<{ kind: string }>(
      `SELECT kind FROM notification_outbox WHERE patient_ins = $1 AND actor_id = 'ps:30000000006' AND kind = 'EMERGENCY_ACCESS'`,
      [ADULT],
    );
    expect(notified.length).toBe(2);
  });

  it('shows masked documents when the patient allows MASKED', async () => {
    await (
      await as(`patient:${ADULT}`)
    )(
      gql`
        mutation ($ins: String!) {
          setEmergencyConsents(ins: $ins, consents: { masked: true }) {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    const read = await (await as('ps:30000000006'))(READ, { ins: ADULT });
    expect(ids(read.data.patient.hospitalReports)).toEqual([
      'h-invisible-new',
      'h-invisible-old',
      'h-masked',
      'h-plain',
    ]);
  });

  it('expires: after its time the record is closed to that professional again', async () => {
    await graph.stores.patient.query(
      `UPDATE emergency_grant SET expires_at = now() - interval '1 second' WHERE rpps = '30000000006'`,
    );
    const read = await (await as('ps:30000000006'))(READ, { ins: ADULT });
    expect(read.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it.each([
    ['ps:30000000005', 'a professional the patient blocked', ADULT, 'deny.blocked'],
    ['ps:30000000006', 'a patient who refused BTG', REFUSED_BTG, 'deny.btg-refused'],
    ['ps:30000000006', 'a closed DMP', CLOSED, 'deny.dmp-not-active'],
    ['ps:30000000006', 'a record that does not exist', '184127645108946', 'deny.no-such-record'],
  ])('%s (%s) is refused with the same answer, and the rule is traced', async (actor, _case, ins, rule) => {
    const result = await (await as(actor))(DECLARE, { ins, why: JUSTIFICATION });
    expect(result.data.declareEmergency).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: 'Bris de glace is not possible for this record',
      extensions: { code: 'FORBIDDEN' },
    });
    const [trace] = (
      await graph.auditStore.query<TraceRow>(
        `SELECT * FROM access_trace WHERE action = 'break-glass' AND patient_ref = ANY($1::text[]) AND actor_id = $2 ORDER BY seq DESC LIMIT 1`,
        [await traceNames(graph.auditStore, ins), actor],
      )
    ).map(toTrace);
    expect(trace).toMatchObject({ outcome: 'denied', rule, justification: JUSTIFICATION });
    expect(
      (
        await graph.stores.patient.query(
          'SELECT 1 FROM emergency_grant WHERE patient_ins = $1 AND rpps = $2 AND expires_at > now()',
          [ins, actor.slice(3)],
        )
      ).length,
    ).toBe(0);
  });

  it.each([
    ['an empty justification', ''],
    ['a placeholder', 'urgence'],
    ['too few words', 'urgence vitale immédiate!!!!!!'],
  ])('refuses %s with BAD_USER_INPUT and opens nothing', async (_case, why) => {
    const result = await (await as('ps:30000000006'))(DECLARE, { ins: ADULT, why });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' });
    expect(
      (
        await graph.stores.patient.query(
          `SELECT 1 FROM emergency_grant WHERE rpps = '30000000006' AND expires_at > now()`,
        )
      ).length,
    ).toBe(0);
  });

  it.each([[`patient:${ADULT}`], ['samu:13'], ['org:insurer']])('%s may not break the glass', async (actor) => {
    const result = await (await as(actor))(DECLARE, { ins: ADULT, why: JUSTIFICATION });
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
