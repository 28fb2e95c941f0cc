import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { CALENDAR_SWEEP } from './support/calendar-sweep';
import { errorCode, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Masking by default of the documents still to come (issue 18, item 3; docs/law.md §4): the patient's side sets
 * it; what professionals deposit from then on is masked from professionals but its author, the médecin traitant
 * and the administrators; the patient always sees it. Through the gateway, on a clock of the test's own.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567'; // born 2015
const MT = 'ps:50000000001'; // médecin traitant
const AUTHOR = 'ps:50000000002'; // authorised, writes the documents
const OTHER = 'ps:50000000003'; // authorised médecin, not in the always-see set
const ADMIN = 'ps:50000000004'; // administrator the patient named
const PHARMA = 'ps:50000000005'; // authorised pharmacien
const PARENT = 'rep:dm-parent';
const SCENARIO = {
  version: 1,
  professionals: [
    { rpps: '50000000001', familyName: 'Traitant', firstName: 'Claire', profession: '10', specialty: 'SM54' },
    { rpps: '50000000002', familyName: 'Auteur', firstName: 'Karim', profession: '10', specialty: 'SM04' },
    { rpps: '50000000003', familyName: 'Autre', firstName: 'Inès', profession: '10', specialty: 'SM54' },
    { rpps: '50000000004', familyName: 'Admin', firstName: 'Marc', profession: '10', specialty: 'SM54' },
    { rpps: '50000000005', familyName: 'Pharma', firstName: 'Antoine', profession: '21' },
  ],
  accounts: [{ id: PARENT, kind: 'representative', displayName: 'Parent' }],
  patients: [
    {
      ins: ADULT,
      identity: {
        birthName: 'Lefèvre',
        firstName: 'Hélène',
        sex: 'F',
        birthDate: '1984-07-12',
        birthplaceCode: '75116',
      },
      careTeam: {
        medecinTraitant: '50000000001',
        administrators: ['50000000004'],
        authorised: ['50000000002', '50000000003', '50000000005'],
      },
      hospitalReports: [
        {
          id: 'dm-before',
          typeCode: '11490-0',
          title: 'before',
          author: { rpps: '50000000002' },
          effectiveAt: 'now-10d',
        },
      ],
    },
    {
      ins: MINOR,
      identity: { birthName: 'Lefèvre', firstName: 'Maël', sex: 'M', birthDate: '2015-03-01', birthplaceCode: '69123' },
      careTeam: { authorised: ['50000000002', '50000000003'] },
      representatives: [{ account: PARENT, relation: 'Mère' }],
    },
  ],
};

const SET = gql`
  mutation ($ins: String!, $masked: Boolean!, $applyToExisting: Boolean) {
    setDefaultDocumentMasking(ins: $ins, masked: $masked, applyToExisting: $applyToExisting) {
      documentMasking {
        maskedByDefault
        since
      }
    }
  }
`;
const STATE = `query ($ins: String!) { patient(ins: $ins) { documentMasking { maskedByDefault since } } }`;
const LIST = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      documents(first: 50) {
        nodes {
          id
          documentId
          visibility
          capabilities {
            canMask
            canUnmask
          }
        }
      }
    }
  }
`;
const DEPOSIT = gql`
  mutation ($input: HospitalReportDeposit!) {
    depositHospitalReport(input: $input) {
      documentId
    }
  }
`;
const MASK_ONE = gql`
  mutation ($ins: String!, $ids: [ID!], $masked: Boolean!) {
    setDocumentsMasked(ins: $ins, ids: $ids, masked: $masked) {
      ins
    }
  }
`;
const AUTHORISE = `mutation ($ins: String!, $rpps: String!) { authoriseProfessional(ins: $ins, rpps: $rpps) { ins } }`;
const HISTORY = `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 100, filter: { kinds: [CONSENT] }) { nodes { description } } } }`;

describe('masking by default the documents still to come', () => {
  const clock = manualClock(new Date());
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, SCENARIO);
    // The default is about what comes after it: a minute after the scenario's deposits.
    clock.advance(60_000);
  });
  afterAll(() => graph?.stop());

  const field = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions?.field;
  const set = async (ins: string, masked: boolean, applyToExisting?: boolean, actor = `patient:${ins}`) =>
    (await graph.as(actor))(SET, { ins, masked, ...(applyToExisting === undefined ? {} : { applyToExisting }) });
  const setOk = async (ins: string, masked: boolean, applyToExisting?: boolean, actor = `patient:${ins}`) => {
    const answer = await set(ins, masked, applyToExisting, actor);
    expect(answer.errors).toBeUndefined();
    return answer.data.setDefaultDocumentMasking.documentMasking;
  };
  let key = 0;
  const deposit = async (ins: string, title: string) => {
    const answer = await (
      await graph.as(AUTHOR)
    )(DEPOSIT, {
      input: {
        ins,
        idempotencyKey: `dm-${++key}`,
        typeCode: '11490-0',
        title,
        effectiveAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data.depositHospitalReport.documentId as string;
  };
  const seenBy = async (actor: string, ins: string) => {
    const answer = await (await graph.as(actor))(LIST, { ins });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.documents.nodes as {
      id: string;
      documentId: string;
      visibility: string[];
      capabilities: { canMask: boolean; canUnmask: boolean };
    }[];
  };
  const sees = async (actor: string, ins: string, documentId: string) =>
    (await seenBy(actor, ins)).some((d) => d.documentId === documentId);

  it('off until set; the patient sets it, and it reads back with the instant it was set', async () => {
    const before = await (await graph.as(`patient:${ADULT}`))(STATE, { ins: ADULT });
    expect(before.data.patient.documentMasking).toEqual({ maskedByDefault: false, since: null });
    const set = await setOk(ADULT, true);
    expect(set).toEqual({ maskedByDefault: true, since: clock.now().toISOString() });
    const history = await (await graph.as(`patient:${ADULT}`))(HISTORY, { ins: ADULT });
    expect(history.data.patient.accessTraces.nodes.map((n: any) => n.description)).toContain(
      'Masquage aux professionnels des documents à venir',
    );
  });

  let during = '';
  it.each([
    ['the patient', `patient:${ADULT}`, true],
    ['the author', AUTHOR, true],
    ['the médecin traitant', MT, true],
    ['an administrator', ADMIN, true],
    ['another authorised médecin', OTHER, false],
    ['an authorised pharmacien', PHARMA, false],
  ])('a document a professional deposits now: %s sees it: %s', async (_who, actor, visible) => {
    if (!during) {
      clock.advance(1_000);
      during = await deposit(ADULT, 'during');
    }
    expect(await sees(actor as string, ADULT, during)).toBe(visible);
    // What was there before the default stays as it was.
    expect(await sees(actor as string, ADULT, 'dm-before')).toBe(true);
  });

  it('the patient sees it masked, with the capability to unmask it, and the professionals cannot read the default', async () => {
    const mine = (await seenBy(`patient:${ADULT}`, ADULT)).find((d) => d.documentId === during)!;
    expect(mine.visibility).toContain('MASQUE_PS');
    expect(mine.capabilities).toEqual({ canMask: false, canUnmask: true });
    const before = (await seenBy(`patient:${ADULT}`, ADULT)).find((d) => d.documentId === 'dm-before')!;
    expect(before.visibility).not.toContain('MASQUE_PS');
    const byDoctor = await (await graph.as(MT))(STATE, { ins: ADULT });
    expect(byDoctor.data?.patient?.documentMasking ?? null).toBeNull();
  });

  it('unset: later deposits are not masked, what came while it was on stays masked until unmasked by hand', async () => {
    clock.advance(1_000);
    expect(await setOk(ADULT, false)).toEqual({ maskedByDefault: false, since: clock.now().toISOString() });
    clock.advance(1_000);
    const after = await deposit(ADULT, 'after');
    expect(await sees(OTHER, ADULT, after)).toBe(true);
    expect(await sees(OTHER, ADULT, during)).toBe(false);
    const id = (await seenBy(`patient:${ADULT}`, ADULT)).find((d) => d.documentId === during)!.id;
    const unmasked = await (await graph.as(`patient:${ADULT}`))(MASK_ONE, { ins: ADULT, ids: [id], masked: false });
    expect(unmasked.errors).toBeUndefined();
    expect(await sees(OTHER, ADULT, during)).toBe(true);
  });

  it('applyToExisting masks every document there now, and unmasks them all with the default off', async () => {
    clock.advance(1_000);
    await setOk(ADULT, true, true);
    expect(await seenBy(OTHER, ADULT)).toEqual([]);
    expect((await seenBy(MT, ADULT)).length).toBeGreaterThanOrEqual(3);
    clock.advance(1_000);
    await setOk(ADULT, false, true);
    const mine = await seenBy(`patient:${ADULT}`, ADULT);
    expect(mine.some((d) => d.visibility.includes('MASQUE_PS'))).toBe(false);
    expect((await seenBy(OTHER, ADULT)).map((d) => d.documentId).sort()).toEqual(mine.map((d) => d.documentId).sort());
  });

  it("a representative sets it for a minor: the minor's new document is masked from other professionals", async () => {
    clock.advance(1_000);
    expect(await setOk(MINOR, true, false, PARENT)).toMatchObject({ maskedByDefault: true });
    clock.advance(1_000);
    const doc = await deposit(MINOR, 'minor');
    expect(await sees(OTHER, MINOR, doc)).toBe(false);
    expect(await sees(AUTHOR, MINOR, doc)).toBe(true);
    expect(await sees(PARENT, MINOR, doc)).toBe(true);
    expect(await sees(`patient:${MINOR}`, MINOR, doc)).toBe(true);
    await setOk(MINOR, false, false, PARENT);
  });

  it('only the patient side sets it; bad input is named and changes nothing', async () => {
    expect(errorCode(await set(ADULT, true, false, MT))).toBe('FORBIDDEN');
    expect(errorCode(await set(MINOR, true, false, PHARMA))).toBe('NOT_FOUND');
    expect(errorCode(await set(ADULT, true, false, PARENT))).toBe('NOT_FOUND');
    const bad = await set('123', true, false, `patient:${ADULT}`);
    expect([errorCode(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'ins']);
    const state = await (await graph.as(`patient:${ADULT}`))(STATE, { ins: ADULT });
    expect(state.data.patient.documentMasking.maskedByDefault).toBe(false);
  });

  it.each(CALENDAR_SWEEP)('at %s: masked from the instant it is set, not after it is lifted', async (_label, at) => {
    clock.set(at);
    // An authorisation lasts a year: renewed at this instant so that both read as authorised médecins.
    for (const rpps of ['50000000002', '50000000003'])
      expect((await (await graph.as(`patient:${ADULT}`))(AUTHORISE, { ins: ADULT, rpps })).errors).toBeUndefined();
    await setOk(ADULT, true);
    const atOnce = await deposit(ADULT, 'at the instant');
    clock.advance(1);
    await setOk(ADULT, false);
    const lifted = await deposit(ADULT, 'at the lifting');
    expect(await sees(OTHER, ADULT, atOnce)).toBe(false);
    expect(await sees(OTHER, ADULT, lifted)).toBe(true);
    expect(await sees(MT, ADULT, atOnce)).toBe(true);
  });
});
