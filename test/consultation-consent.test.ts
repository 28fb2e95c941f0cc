import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * A consent recorded by the professional at a consultation (docs/law.md §3): the patient, present and informed,
 * consents to this professional's access. Through the gateway: the professional reads from the next request,
 * the patient sees who recorded it and until when, is notified, finds it in the access history, and revokes it.
 */
const ADULT = '284077511612365';
const NEWCOMER = 'ps:30000000006'; // a médecin with no relation to the patient
const BLOCKED = 'ps:30000000005';

const RECORD = gql`
  mutation ($ins: String!, $informed: Boolean!) {
    recordConsultationConsent(ins: $ins, patientInformed: $informed) {
      ins
      access {
        rule
      }
    }
  }
`;
const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports {
        totalCount
      }
    }
  }
`;
const PATIENT_VIEW = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      careTeam {
        kind
        since
        until
        consentRecordedBy
        professional {
          rpps
        }
      }
      notifications(first: 50) {
        nodes {
          kind
          actorId
        }
      }
      accessTraces(first: 100, filter: { actorId: "ps:30000000006" }) {
        nodes {
          action
          outcome
          rule
          at
        }
      }
    }
  }
`;

describe('consent recorded by the professional at a consultation', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const authorisationOf = (careTeam: any[], rpps: string) =>
    careTeam.filter((r) => r.kind === 'AUTHORISED' && r.professional.rpps === rpps);

  it('before: the professional reads nothing of the patient', async () => {
    expect(errorCode(await (await graph.as(NEWCOMER))(READ, { ins: ADULT }))).toBe('NOT_FOUND');
  });

  it('without the attestation that the patient is present and informed, nothing is recorded', async () => {
    const answer = await (await graph.as(NEWCOMER))(RECORD, { ins: ADULT, informed: false });
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe('patientInformed');
    expect(errorCode(await (await graph.as(NEWCOMER))(READ, { ins: ADULT }))).toBe('NOT_FOUND');
  });

  it('recorded: the professional reads per the matrix from the next request; the patient sees it, is notified, finds it traced', async () => {
    const doctor = await graph.as(NEWCOMER);
    const recorded = await doctor(RECORD, { ins: ADULT, informed: true });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordConsultationConsent).toEqual({
      ins: ADULT,
      access: { rule: 'professional.authorised' },
    });
    const read = await doctor(READ, { ins: ADULT });
    expect(read.errors).toBeUndefined();
    expect(read.data.patient.hospitalReports.totalCount).toBeGreaterThan(0);

    const { data, errors } = await (await graph.as(`patient:${ADULT}`))(PATIENT_VIEW, { ins: ADULT });
    expect(errors).toBeUndefined();
    const [authorisation] = authorisationOf(data.patient.careTeam, '30000000006');
    expect(authorisation.consentRecordedBy).toBe('30000000006');
    const now = graph.config.clock.now().getTime();
    expect(new Date(authorisation.since).getTime()).toBeLessThanOrEqual(now);
    // One year from when it was recorded (policy/periods.json; its calendar is tested in the calendar sweep).
    const days = (new Date(authorisation.until).getTime() - new Date(authorisation.since).getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
    expect(data.patient.notifications.nodes).toContainEqual({ kind: 'CONSENT_RECORDED', actorId: NEWCOMER });
    expect(data.patient.accessTraces.nodes).toContainEqual(
      expect.objectContaining({
        action: 'record-consent',
        outcome: 'allowed',
        rule: 'control.consent-at-consultation',
      }),
    );
  });

  it('an authorisation the patient gave themselves names no recorder', async () => {
    const { data } = await (await graph.as(`patient:${ADULT}`))(PATIENT_VIEW, { ins: ADULT });
    expect(authorisationOf(data.patient.careTeam, '30000000002')).toEqual([
      expect.objectContaining({ consentRecordedBy: null }),
    ]);
  });

  it('the patient revokes it: the professional reads nothing from the next request', async () => {
    const revoked = await (
      await graph.as(`patient:${ADULT}`)
    )(
      gql`
        mutation ($ins: String!) {
          revokeProfessional(ins: $ins, rpps: "30000000006") {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(revoked.errors).toBeUndefined();
    expect(errorCode(await (await graph.as(NEWCOMER))(READ, { ins: ADULT }))).toBe('NOT_FOUND');
  });

  it.each([
    ['a professional the patient blocked', BLOCKED, ADULT],
    ['a record that does not exist', NEWCOMER, '180017512345660'],
  ])('%s: the same NOT_FOUND, nothing recorded', async (_case, actor, ins) => {
    const before = await graph.auditStore.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification_outbox WHERE kind = 'CONSENT_RECORDED'",
    );
    const answer = await (await graph.as(actor))(RECORD, { ins, informed: true });
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(answer.errors?.[0].message).toBe('No DMP found for this INS');
    const after = await graph.auditStore.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification_outbox WHERE kind = 'CONSENT_RECORDED'",
    );
    expect(after[0].n).toBe(before[0].n);
    const relations = await graph.stores.patient.query(
      'SELECT 1 FROM care_relation WHERE patient_ins = $1 AND consent_recorded_by = $2',
      [ins, actor.slice(3)],
    );
    expect(relations).toEqual([]);
  });

  it.each(['samu:13', 'etab:130786049', `patient:${ADULT}`, 'org:insurer'])(
    '%s, not a professional, records no consent (FORBIDDEN by the field policy)',
    async (actor) => {
      expect(errorCode(await (await graph.as(actor))(RECORD, { ins: ADULT, informed: true }))).toBe('FORBIDDEN');
    },
  );
});
