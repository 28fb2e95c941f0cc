import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { after } from '../domain/calendar';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Consent to the automatic processing of the record's documents (docs/law.md §4, "Automatic processing"), through
 * the gateway: the patient's side decides, nobody else reads or changes the decision, every change is traced,
 * and bad input changes nothing.
 */
const HELENE = '284077511612365';
const JEAN = '170057505600172';
const MINOR = '115036912304567'; // Maël, represented by rep:parent
const CLOSED = '290052A00412352';

const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      documentProcessingConsent {
        granted
        decidedAt
      }
    }
  }
`;
const SET = gql`
  mutation ($input: SetDocumentProcessingConsentInput!) {
    setDocumentProcessingConsent(input: $input) {
      documentProcessingConsent {
        granted
        decidedAt
      }
      patient {
        ins
      }
    }
  }
`;

describe('consent to the automatic processing of documents', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());
  afterEach(async () => {
    clock.set(start);
    await graph.stores.patient.query('DELETE FROM document_processing_consent');
  });

  const set = (actor: string, ins: string, granted: boolean) => graph.ask(actor, SET, { input: { ins, granted } });
  const rows = async () =>
    graph.stores.patient.query<{ patient_ins: string; granted: boolean }>(
      'SELECT patient_ins, granted FROM document_processing_consent ORDER BY patient_ins',
    );

  it('is undecided until the patient decides, so that nothing is processed by default', async () => {
    const answer = await graph.ask(`patient:${HELENE}`, READ, { ins: HELENE });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.patient.documentProcessingConsent).toEqual({ granted: null, decidedAt: null });
  });

  it('records a consent and its withdrawal at the instants of the clock, each traced as a consent', async () => {
    const given = await set(`patient:${HELENE}`, HELENE, true);
    expect(given.errors).toBeUndefined();
    expect(given.data.setDocumentProcessingConsent).toEqual({
      documentProcessingConsent: { granted: true, decidedAt: start.toISOString() },
      patient: { ins: HELENE },
    });
    // The same decision again is no new decision: it keeps the date it was given.
    clock.set(after(start, { days: 3 }));
    const again = await set(`patient:${HELENE}`, HELENE, true);
    expect(again.data.setDocumentProcessingConsent.documentProcessingConsent.decidedAt).toBe(start.toISOString());
    const withdrawnAt = after(start, { days: 10 });
    clock.set(withdrawnAt);
    await set(`patient:${HELENE}`, HELENE, false);
    expect(
      (await graph.ask(`patient:${HELENE}`, READ, { ins: HELENE })).data.patient.documentProcessingConsent,
    ).toEqual({
      granted: false,
      decidedAt: withdrawnAt.toISOString(),
    });
    const traces = (
      await graph.ask(
        `patient:${HELENE}`,
        `{ patient(ins: "${HELENE}") { accessTraces(first: 100) { nodes { action rule kind description } } } }`,
      )
    ).data.patient.accessTraces.nodes.filter((t: any) => t.action === 'set-document-processing');
    expect(traces).toHaveLength(3);
    expect(traces[0]).toMatchObject({
      rule: 'control.patient',
      kind: 'CONSENT',
      description: 'Choix sur le traitement automatique de vos documents',
    });
  });

  it('lets a legal representative decide for the minor they represent', async () => {
    const answer = await set('rep:parent', MINOR, true);
    expect(answer.errors).toBeUndefined();
    expect((await graph.ask('rep:parent', READ, { ins: MINOR })).data.patient.documentProcessingConsent.granted).toBe(
      true,
    );
  });

  it.each([
    ['the médecin traitant', 'ps:30000000001', 'FORBIDDEN'],
    ['an authorised professional', 'ps:30000000002', 'FORBIDDEN'],
    ['another patient', `patient:${JEAN}`, 'NOT_FOUND'],
    ['the parent of another child', 'rep:parent', 'NOT_FOUND'],
    ['an insurer', 'org:insurer', 'FORBIDDEN'],
    ['the centre 15', 'samu:13', 'FORBIDDEN'],
  ])('is neither read nor changed by %s', async (_label, actor, refusal) => {
    await set(`patient:${HELENE}`, HELENE, false);
    const read = await graph.ask(actor, READ, { ins: HELENE });
    expect(read.data?.patient?.documentProcessingConsent ?? null).toBeNull();
    expect(errorCode(await set(actor, HELENE, true))).toBe(refusal);
    expect(await rows()).toEqual([{ patient_ins: HELENE, granted: false }]);
  });

  it('cannot be given on a closed record, which no service processes', async () => {
    expect(errorCode(await set(`patient:${CLOSED}`, CLOSED, true))).toBe('FORBIDDEN');
    expect(await rows()).toEqual([]);
  });

  it.each([
    ['an INS with a wrong key', { ins: '284077511612366', granted: true }, 'input.ins'],
    ['an INS too short', { ins: '28407751161', granted: true }, 'input.ins'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, input, field) => {
    const answer = await graph.ask(`patient:${HELENE}`, SET, { input });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rows()).toEqual([]);
  });
});
