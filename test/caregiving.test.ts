import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { after } from '../domain/calendar';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Caregivers (aidants, docs/law.md §3 "Caregivers"), through the gateway. An adult patient invites a person by
 * their traits; only the person whose identity agrees with every trait sees the invitation, and the patient is
 * told the same whatever the traits match. Accepted, the caregiver reads the record for the patient, with
 * less than the patient sees, and acts on nothing; either side ends it, and the reads stop at once.
 */
const HELPED = '284077511612365'; // Hélène Lefèvre, 1984: masked, secret-to-no-one and invisible documents
const CAREGIVER = '170057505600172'; // Jean Martin, born 1970-05-12
const STRANGER = '262069935201704'; // Aïcha Ould Ahmed
const MINOR = '115036912304567'; // Maël, represented by rep:parent
const CLOSED = '290052A00412352'; // Marie-Ange Santoni, record closed
const UNKNOWN_INS = '185057800608491'; // a valid INS the registry does not hold
const JEAN = { ins: CAREGIVER, firstName: 'jean', familyName: 'MARTIN', birthDate: '1970-05-12' };

const INVITE = gql`
  mutation ($input: InviteCaregiverInput!) {
    inviteCaregiver(input: $input) {
      invitation {
        id
        status
        expiresAt
        invitee {
          ins
          firstName
          familyName
          birthDate
        }
      }
    }
  }
`;
const ANSWER = gql`
  mutation ($input: AnswerCaregivingInvitationInput!) {
    answerCaregivingInvitation(input: $input) {
      id
      status
      caregivingId
    }
  }
`;
const WITHDRAW = gql`
  mutation ($id: ID!) {
    withdrawCaregivingInvitation(input: { id: $id }) {
      status
    }
  }
`;
const END = gql`
  mutation ($id: ID!) {
    endCaregiving(input: { id: $id }) {
      id
      endedBy
    }
  }
`;
const RECEIVED = gql`
  {
    viewer {
      caregivingInvitations {
        id
        patientFirstName
        patientFamilyName
      }
      caregivingFor {
        id
        patient {
          id
          identity {
            firstName
          }
        }
      }
    }
  }
`;
const SENT = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      caregivingInvitations {
        id
        status
        answeredAt
      }
      caregivers(includeEnded: true) {
        id
        person {
          ins
          familyName
        }
        endedBy
      }
    }
  }
`;
const RECORD = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
      }
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
      oncologyRecords(first: 100) {
        nodes {
          id
          tumourSiteCode
        }
      }
    }
  }
`;

describe('caregivers (aidants)', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());
  afterEach(async () => {
    clock.set(start);
    // Each test starts from no invitation and no caregiving.
    await graph.stores.patient.query('DELETE FROM caregiving_delegation');
    await graph.stores.patient.query('DELETE FROM caregiving_invitation');
  });

  const invite = async (caregiver: object = JEAN, from = HELPED) => {
    const answer = await graph.ask(`patient:${from}`, INVITE, { input: { ins: from, caregiver } });
    expect(answer.errors).toBeUndefined();
    return answer.data.inviteCaregiver.invitation as { id: string; status: string; expiresAt: string };
  };
  const received = async (actor: string) => (await graph.ask(actor, RECEIVED)).data.viewer;
  const answer = (actor: string, id: string, accept: boolean) => graph.ask(actor, ANSWER, { input: { id, accept } });
  const becomeCaregiver = async () => {
    const { id } = await invite();
    const accepted = await answer(`patient:${CAREGIVER}`, id, true);
    expect(accepted.errors).toBeUndefined();
    return accepted.data.answerCaregivingInvitation.caregivingId as string;
  };
  /** The patient's traces made after `seq` (the newest seq before the step looked at). */
  const historyOf = async (after = 0) =>
    (
      (
        await graph.ask(
          `patient:${HELPED}`,
          `{ patient(ins: "${HELPED}") { accessTraces(first: 100) { nodes { seq actorId action mode rule description } } } }`,
        )
      ).data.patient.accessTraces.nodes as any[]
    ).filter((t) => Number(t.seq) > after);
  const lastSeq = async () => Math.max(0, ...(await historyOf()).map((t) => Number(t.seq)));
  const invitationCount = async () =>
    Number(
      (await graph.stores.patient.query<{ n: number }>('SELECT count(*)::int AS n FROM caregiving_invitation'))[0].n,
    );

  it('reaches the person whose identity agrees with every trait, accents and case aside, and no one else', async () => {
    const invitation = await invite({ ...JEAN, familyName: 'Martín' });
    expect(invitation.status).toBe('WAITING');
    expect(invitation.expiresAt).toBe(after(start, { days: 30 }).toISOString());
    expect((await received(`patient:${CAREGIVER}`)).caregivingInvitations).toEqual([
      { id: invitation.id, patientFirstName: 'Hélène', patientFamilyName: 'Lefèvre' },
    ]);
    for (const other of [`patient:${STRANGER}`, `patient:${HELPED}`, 'rep:parent', 'ps:30000000001'])
      expect((await received(other)).caregivingInvitations).toEqual([]);
  });

  it.each([
    ['a wrong birth date', { ...JEAN, birthDate: '1970-12-05' }],
    ['a wrong first name', { ...JEAN, firstName: 'Jeanne' }],
    ['a wrong family name', { ...JEAN, familyName: 'Martine' }],
    ["another person's INS with Jean's names", { ...JEAN, ins: STRANGER }],
  ])('with %s, tells the patient the same and reaches nobody', async (_label, traits) => {
    const invitation = await invite(traits);
    expect(invitation.status).toBe('WAITING');
    expect((await received(`patient:${CAREGIVER}`)).caregivingInvitations).toEqual([]);
    expect((await received(`patient:${STRANGER}`)).caregivingInvitations).toEqual([]);
    // Answering it by its id is answering an invitation that does not exist.
    expect(errorCode(await answer(`patient:${CAREGIVER}`, invitation.id, true))).toBe('NOT_FOUND');
  });

  it('answers an INS nobody holds exactly as one that is held, and lets it run out as expired', async () => {
    const nobody = await invite({ ...JEAN, ins: UNKNOWN_INS });
    const jean = await invite();
    expect(Object.keys(nobody)).toEqual(Object.keys(jean));
    expect(nobody.status).toBe(jean.status);
    clock.set(after(start, { days: 30 }));
    const statuses = (
      await graph.ask(`patient:${HELPED}`, SENT, { ins: HELPED })
    ).data.patient.caregivingInvitations.map((i: any) => i.status);
    expect(statuses).toEqual(['EXPIRED', 'EXPIRED']);
    expect((await received(`patient:${CAREGIVER}`)).caregivingInvitations).toEqual([]);
    expect(errorCode(await answer(`patient:${CAREGIVER}`, jean.id, true))).toBe('FORBIDDEN');
  });

  it('lets the accepted caregiver read the record with less than the patient sees, traced as caregiver', async () => {
    expect(errorCode(await graph.ask(`patient:${CAREGIVER}`, RECORD, { ins: HELPED }))).toBe('NOT_FOUND');
    const before = await lastSeq();
    const caregivingId = await becomeCaregiver();
    const read = await graph.ask(`patient:${CAREGIVER}`, RECORD, { ins: HELPED });
    expect(read.errors).toBeUndefined();
    expect(read.data.patient.identity.firstName).toBe('Hélène');
    // Neither what the patient masked from professionals nor what waits for the consultation d'annonce.
    expect(read.data.patient.hospitalReports.nodes.map((d: any) => d.id).sort()).toEqual([
      'h-invisible-old',
      'h-plain',
    ]);
    expect(read.data.patient.oncologyRecords.nodes).toEqual([{ id: 'o-plain', tumourSiteCode: 'C50.9' }]);
    const own = await graph.ask(`patient:${HELPED}`, RECORD, { ins: HELPED });
    expect(own.data.patient.hospitalReports.nodes.length).toBeGreaterThan(2);

    const viewer = await received(`patient:${CAREGIVER}`);
    expect(viewer.caregivingFor).toMatchObject([{ id: caregivingId, patient: { identity: { firstName: 'Hélène' } } }]);
    // The patient's history shows their caregiver's reads as such; a patient's id is traced under a pseudonym.
    const traces = await historyOf(before);
    const byCaregiver = traces.filter((t) => t.rule === 'caregiver.delegated');
    expect(byCaregiver.length).toBeGreaterThan(0);
    expect(byCaregiver[0]).toMatchObject({
      action: 'read',
      mode: 'caregiver',
      description: 'Consultation du dossier par votre aidant',
    });
    expect(byCaregiver[0].actorId).not.toBe(`patient:${HELPED}`);
    expect(traces.filter((t) => t.action === 'accept-caregiving')).toEqual([
      expect.objectContaining({ actorId: byCaregiver[0].actorId, rule: 'caregiving.accept.invitee' }),
    ]);
    const sent = (await graph.ask(`patient:${HELPED}`, SENT, { ins: HELPED })).data.patient;
    expect(sent.caregivers).toEqual([
      { id: caregivingId, person: { ins: CAREGIVER, familyName: 'MARTIN' }, endedBy: null },
    ]);
    expect(sent.caregivingInvitations[0].status).toBe('ACCEPTED');
  });

  it.each([
    ['the access history', `{ patient(ins: "${HELPED}") { accessTraces(first: 5) { nodes { action } } } }`],
    ['the emergency consents', `{ patient(ins: "${HELPED}") { emergencyConsents { etreat } } }`],
    ['the caregivers', `{ patient(ins: "${HELPED}") { caregivers { id } } }`],
    ['the amounts of care lines', `{ patient(ins: "${HELPED}") { careLines(first: 5) { nodes { amountCents } } } }`],
  ])("gives the caregiver none of the patient's own: %s", async (_label, query) => {
    await becomeCaregiver();
    const answer = await graph.ask(`patient:${CAREGIVER}`, query);
    expect(errorCode(answer)).toBe('FORBIDDEN');
  });

  it.each([
    [
      'change the emergency consents',
      `mutation { setEmergencyConsents(ins: "${HELPED}", consents: { etreat: false }) { ins } }`,
    ],
    ['close the record', `mutation { closeRecord(ins: "${HELPED}") { status } }`],
    [
      'invite another caregiver',
      `mutation { inviteCaregiver(input: { ins: "${HELPED}", caregiver: { ins: "${STRANGER}", firstName: "Aïcha", familyName: "Ould Ahmed", birthDate: "1962-06-21" } }) { invitation { id } } }`,
    ],
  ])('lets the caregiver act on nothing: %s', async (_label, mutation) => {
    await becomeCaregiver();
    expect(errorCode(await graph.ask(`patient:${CAREGIVER}`, mutation))).toBe('FORBIDDEN');
    expect(
      (
        await graph.ask(
          `patient:${HELPED}`,
          `{ patient(ins: "${HELPED}") { emergencyConsents { etreat } dmp { status } } }`,
        )
      ).data.patient,
    ).toEqual({ emergencyConsents: { etreat: true }, dmp: { status: 'ACTIVE' } });
  });

  it.each([
    ['the patient', `patient:${HELPED}`, 'PATIENT'],
    ['the caregiver', `patient:${CAREGIVER}`, 'CAREGIVER'],
  ])('is ended by %s at once, and the reads stop', async (_label, actor, endedBy) => {
    const caregivingId = await becomeCaregiver();
    expect(errorCode(await graph.ask(`patient:${STRANGER}`, END, { id: caregivingId }))).toBe('NOT_FOUND');
    const ended = await graph.ask(actor, END, { id: caregivingId });
    expect(ended.data.endCaregiving).toEqual({ id: caregivingId, endedBy });
    expect(errorCode(await graph.ask(`patient:${CAREGIVER}`, RECORD, { ins: HELPED }))).toBe('NOT_FOUND');
    expect((await received(`patient:${CAREGIVER}`)).caregivingFor).toEqual([]);
    expect(errorCode(await graph.ask(actor, END, { id: caregivingId }))).toBe('FORBIDDEN');
    const { caregivers } = (await graph.ask(`patient:${HELPED}`, SENT, { ins: HELPED })).data.patient;
    expect(caregivers).toEqual([{ id: caregivingId, person: { ins: CAREGIVER, familyName: 'MARTIN' }, endedBy }]);
    expect(
      (await graph.ask(`patient:${HELPED}`, `{ patient(ins: "${HELPED}") { caregivers { id } } }`)).data.patient
        .caregivers,
    ).toEqual([]);
  });

  it('shows a refusal and a withdrawal, and closes the invitation to any further answer', async () => {
    const refused = await invite();
    expect((await answer(`patient:${CAREGIVER}`, refused.id, false)).data.answerCaregivingInvitation).toMatchObject({
      status: 'REFUSED',
      caregivingId: null,
    });
    expect(errorCode(await answer(`patient:${CAREGIVER}`, refused.id, true))).toBe('FORBIDDEN');
    clock.set(after(start, { minutes: 1 }));
    const withdrawn = await invite();
    expect(errorCode(await graph.ask(`patient:${CAREGIVER}`, WITHDRAW, { id: withdrawn.id }))).toBe('NOT_FOUND');
    expect(
      (await graph.ask(`patient:${HELPED}`, WITHDRAW, { id: withdrawn.id })).data.withdrawCaregivingInvitation,
    ).toEqual({
      status: 'WITHDRAWN',
    });
    expect((await received(`patient:${CAREGIVER}`)).caregivingInvitations).toEqual([]);
    const statuses = (
      await graph.ask(`patient:${HELPED}`, SENT, { ins: HELPED })
    ).data.patient.caregivingInvitations.map((i: any) => i.status);
    expect(statuses).toEqual(['WITHDRAWN', 'REFUSED']);
    expect(errorCode(await graph.ask(`patient:${CAREGIVER}`, RECORD, { ins: HELPED }))).toBe('NOT_FOUND');
  });

  it("keeps someone else's invitation out of reach of a stranger, untraced on the patient's record", async () => {
    const before = await lastSeq();
    const { id } = await invite();
    expect(errorCode(await answer(`patient:${STRANGER}`, id, true))).toBe('NOT_FOUND');
    expect(errorCode(await answer('ps:30000000001', id, true))).toBe('FORBIDDEN');
    // The stranger's tries are traced on no record: the patient's history shows no answer to this invitation.
    const traces = await historyOf(before);
    expect(traces.map((t) => t.action)).toContain('invite-caregiver');
    expect(traces.map((t) => t.action)).not.toContain('accept-caregiving');
    expect((await received(`patient:${CAREGIVER}`)).caregivingInvitations).toHaveLength(1);
  });

  it.each([
    ['a malformed INS of the patient', { ins: '12345', caregiver: JEAN }, 'input.ins'],
    [
      'a malformed INS of the caregiver',
      { ins: HELPED, caregiver: { ...JEAN, ins: '1700575056001' } },
      'input.caregiver.ins',
    ],
    ['an empty first name', { ins: HELPED, caregiver: { ...JEAN, firstName: '  ' } }, 'input.caregiver.firstName'],
    [
      'a family name without letters',
      { ins: HELPED, caregiver: { ...JEAN, familyName: '--' } },
      'input.caregiver.familyName',
    ],
    [
      'a caregiver under age',
      { ins: HELPED, caregiver: { ...JEAN, birthDate: '2015-03-01' } },
      'input.caregiver.birthDate',
    ],
    ["the patient's own INS", { ins: HELPED, caregiver: { ...JEAN, ins: HELPED } }, 'input.caregiver.ins'],
  ])('refuses %s, naming the field, and invites nobody', async (_label, input, field) => {
    const answer = await graph.ask(`patient:${HELPED}`, INVITE, { input });
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe(field);
    expect(await invitationCount()).toBe(0);
  });

  it('refuses a second invitation of the same person, a caregiver already, and a sixth waiting one', async () => {
    const bad = async (caregiver: object) => {
      const answer = await graph.ask(`patient:${HELPED}`, INVITE, { input: { ins: HELPED, caregiver } });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      return answer.errors?.[0].message as string;
    };
    const { id } = await invite();
    expect(await bad(JEAN)).toMatch(/already invited/);
    await answer(`patient:${CAREGIVER}`, id, true);
    expect(await bad(JEAN)).toMatch(/already your caregiver/);
    // Jean's invitation was accepted: five more may wait, not six.
    for (const ins of ['185057800608491', '279035121518989', '194037503600344', '255081416802538', '168127510412378'])
      await invite({ ...JEAN, ins });
    expect(await invitationCount()).toBe(6);
    expect(await bad({ ...JEAN, ins: '269054958815780' })).toMatch(/wait/);
  });

  it.each([
    ['a legal representative, for the minor', 'rep:parent', MINOR, 'FORBIDDEN'],
    ['the minor themself', `patient:${MINOR}`, MINOR, 'FORBIDDEN'],
    ['a patient whose record is closed', `patient:${CLOSED}`, CLOSED, 'FORBIDDEN'],
    ['another patient, for a record not theirs', `patient:${STRANGER}`, HELPED, 'NOT_FOUND'],
    ['a professional', 'ps:30000000001', HELPED, 'FORBIDDEN'],
  ])('refuses an invitation by %s', async (_label, actor, ins, expected) => {
    expect(errorCode(await graph.ask(actor, INVITE, { input: { ins, caregiver: JEAN } }))).toBe(expected);
    expect(await invitationCount()).toBe(0);
  });
});
