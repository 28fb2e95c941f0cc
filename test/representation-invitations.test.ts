import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * A minor's second legal representative by invitation (docs/law.md §3), through the gateway: the registered
 * parent invites the other parent's account; the invitee sees who invited them and the child's first name,
 * nothing of the record, and is registered only by accepting with the child's birth date, within thirty days.
 * Refusal, withdrawal, wrong answers, expiry and majority close it; every other actor finds no invitation.
 */
const MINOR = '115036912304567'; // Maël, born 2015-03-01, represented by rep:parent (visibility.json)
const BIRTH_DATE = '2015-03-01';
const ADULT = '170057505600172';
const INVITEES = ['accepts', 'refuses', 'withdrawn', 'guesses', 'late', 'of-age', 'twice', 'stranger', 'seen'];
const ACCOUNTS = {
  version: 1,
  accounts: INVITEES.map((name) => ({ id: `rep:${name}`, kind: 'representative', displayName: `Parent ${name}` })),
};

const INVITE = gql`
  mutation ($ins: String!, $input: RepresentationInvitationInput!) {
    inviteLegalRepresentative(ins: $ins, input: $input) {
      id
      accountId
      inviteeName
      relation
      status
    }
  }
`;
const ANSWER = gql`
  mutation ($id: ID!, $accept: Boolean!, $childBirthDate: LocalDate) {
    answerRepresentationInvitation(id: $id, accept: $accept, childBirthDate: $childBirthDate) {
      id
      status
    }
  }
`;
const WITHDRAW = gql`
  mutation ($id: ID!) {
    withdrawRepresentationInvitation(id: $id) {
      status
    }
  }
`;
const RECEIVED = gql`
  {
    viewer {
      representationInvitations {
        id
        inviterName
        childFirstName
        relation
      }
      actingFor {
        relation
      }
    }
  }
`;
const SENT = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      representationInvitations {
        id
        accountId
        status
      }
    }
  }
`;
const IDENTITY = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`;

describe("a minor's second legal representative, by invitation", () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), ACCOUNTS);
  });
  afterAll(() => graph?.stop());
  afterEach(() => clock.set(start));

  const reads = async (actor: string) => {
    const answer = await graph.ask(actor, IDENTITY, { ins: MINOR });
    return answer.errors ? errorCode(answer) : 'reads';
  };
  const invite = async (invitee: string) => {
    const answer = await graph.ask('rep:parent', INVITE, {
      ins: MINOR,
      input: { accountId: `rep:${invitee}`, relation: 'Père', basis: 'Livret de famille n° 2015-114' },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data.inviteLegalRepresentative.id as string;
  };
  const statusOf = async (id: string, reader = `patient:${MINOR}`) =>
    (await graph.ask(reader, SENT, { ins: MINOR })).data.patient.representationInvitations.find((i: any) => i.id === id)
      ?.status;

  it('the invitee sees who invited them and the first name, not the record; accepted, they read from then on', async () => {
    const id = await invite('accepts');
    const received = (await graph.ask('rep:accepts', RECEIVED)).data.viewer;
    expect(received.representationInvitations).toEqual([
      { id, inviterName: 'Parent of the minor', childFirstName: 'Maël', relation: 'Père' },
    ]);
    expect(received.actingFor).toEqual([]);
    expect(await reads('rep:accepts')).toBe('NOT_FOUND');
    expect(errorCode(await graph.ask('rep:accepts', SENT, { ins: MINOR }))).toBe('NOT_FOUND');

    const accepted = await graph.ask('rep:accepts', ANSWER, { id, accept: true, childBirthDate: BIRTH_DATE });
    expect(accepted.data.answerRepresentationInvitation).toEqual({ id, status: 'ACCEPTED' });
    expect(await reads('rep:accepts')).toBe('reads');
    const after = (await graph.ask('rep:accepts', RECEIVED)).data.viewer;
    expect(after.representationInvitations).toEqual([]);
    expect(after.actingFor).toEqual([{ relation: 'Père' }]);
    expect(await statusOf(id)).toBe('ACCEPTED');
    expect(await statusOf(id, 'rep:parent')).toBe('ACCEPTED');
  });

  it("traced on the child's record, and the acceptance notified as a registration", async () => {
    const history = gql`
      query ($ins: String!) {
        patient(ins: $ins) {
          accessTraces(first: 100) {
            nodes {
              actorId
              action
            }
          }
          notifications(first: 50) {
            nodes {
              kind
              actorId
            }
          }
        }
      }
    `;
    const minor = (await graph.ask(`patient:${MINOR}`, history, { ins: MINOR })).data.patient;
    expect(minor.accessTraces.nodes).toContainEqual({ actorId: 'rep:parent', action: 'invite-representative' });
    expect(minor.accessTraces.nodes).toContainEqual({
      actorId: 'rep:accepts',
      action: 'read-representation-invitation',
    });
    expect(minor.accessTraces.nodes).toContainEqual({ actorId: 'rep:accepts', action: 'add-representative' });
    expect(minor.notifications.nodes).toContainEqual({ kind: 'REPRESENTATIVE_ADDED', actorId: 'rep:accepts' });
  });

  it('the invitee refuses; the inviter withdraws; neither can answer for the other', async () => {
    const refused = await invite('refuses');
    expect(errorCode(await graph.ask('rep:refuses', WITHDRAW, { id: refused }))).toBe('NOT_FOUND');
    expect(
      (await graph.ask('rep:refuses', ANSWER, { id: refused, accept: false })).data.answerRepresentationInvitation,
    ).toEqual({ id: refused, status: 'REFUSED' });
    expect(await statusOf(refused)).toBe('REFUSED');
    expect(await reads('rep:refuses')).toBe('NOT_FOUND');

    const withdrawn = await invite('withdrawn');
    expect(
      errorCode(await graph.ask('rep:parent', ANSWER, { id: withdrawn, accept: true, childBirthDate: BIRTH_DATE })),
    ).toBe('NOT_FOUND');
    expect((await graph.ask('rep:parent', WITHDRAW, { id: withdrawn })).data.withdrawRepresentationInvitation).toEqual({
      status: 'WITHDRAWN',
    });
    expect(
      errorCode(await graph.ask('rep:withdrawn', ANSWER, { id: withdrawn, accept: true, childBirthDate: BIRTH_DATE })),
    ).toBe('FORBIDDEN');
    expect(await reads('rep:withdrawn')).toBe('NOT_FOUND');
    expect((await graph.ask('rep:withdrawn', RECEIVED)).data.viewer.representationInvitations).toEqual([]);
  });

  it('a wrong birth date is refused and counted; the third closes the invitation for good', async () => {
    const id = await invite('guesses');
    for (const [guess, left] of [
      ['2015-01-03', '2 tries left'],
      ['2014-03-01', '1 try left'],
    ]) {
      const answer = await graph.ask('rep:guesses', ANSWER, { id, accept: true, childBirthDate: guess });
      expect(errorCode(answer)).toBe('FORBIDDEN');
      expect(answer.errors![0].message).toContain(left);
      expect(await statusOf(id)).toBe('WAITING');
    }
    expect(errorCode(await graph.ask('rep:guesses', ANSWER, { id, accept: true, childBirthDate: '2016-03-01' }))).toBe(
      'FORBIDDEN',
    );
    expect(await statusOf(id)).toBe('FAILED');
    expect(errorCode(await graph.ask('rep:guesses', ANSWER, { id, accept: true, childBirthDate: BIRTH_DATE }))).toBe(
      'FORBIDDEN',
    );
    expect(await reads('rep:guesses')).toBe('NOT_FOUND');
  });

  it('thirty days later it has run out: not shown, not accepted; it can be sent again', async () => {
    const id = await invite('late');
    clock.set(new Date(start.getTime() + 29 * 86_400_000));
    expect((await graph.ask('rep:late', RECEIVED)).data.viewer.representationInvitations.map((i: any) => i.id)).toEqual(
      [id],
    );
    clock.set(new Date(start.getTime() + 31 * 86_400_000));
    expect((await graph.ask('rep:late', RECEIVED)).data.viewer.representationInvitations).toEqual([]);
    expect(await statusOf(id)).toBe('EXPIRED');
    expect(errorCode(await graph.ask('rep:late', ANSWER, { id, accept: true, childBirthDate: BIRTH_DATE }))).toBe(
      'FORBIDDEN',
    );
    expect(await reads('rep:late')).toBe('NOT_FOUND');
    const again = await invite('late');
    expect(again).not.toBe(id);
  });

  it('a child who came of age meanwhile has no representative to accept', async () => {
    clock.set(new Date('2033-02-20T12:00:00Z'));
    const id = await invite('of-age');
    clock.set(new Date('2033-03-01T12:00:00Z'));
    expect(errorCode(await graph.ask('rep:of-age', ANSWER, { id, accept: true, childBirthDate: BIRTH_DATE }))).toBe(
      'FORBIDDEN',
    );
    clock.set(new Date('2033-02-28T12:00:00Z'));
    expect(await statusOf(id)).toBe('WAITING');
  });

  it.each<[string, string, string, object, string, string]>([
    ['the patient', `patient:${MINOR}`, MINOR, {}, 'FORBIDDEN', ''],
    ['a professional', 'ps:30000000001', MINOR, {}, 'FORBIDDEN', ''],
    ['a representative, for an adult they do not represent', 'rep:parent', ADULT, {}, 'NOT_FOUND', ''],
    ['operations (they register from a document)', 'ops:watch', MINOR, {}, 'FORBIDDEN', ''],
    ['an unknown account', 'rep:parent', MINOR, { accountId: 'rep:nobody' }, 'BAD_USER_INPUT', 'input.accountId'],
    [
      'not a representative account',
      'rep:parent',
      MINOR,
      { accountId: 'samu:13' },
      'BAD_USER_INPUT',
      'input.accountId',
    ],
    ['their own account', 'rep:parent', MINOR, { accountId: 'rep:parent' }, 'BAD_USER_INPUT', 'input.accountId'],
    ['no basis', 'rep:parent', MINOR, { basis: ' ' }, 'BAD_USER_INPUT', 'input.basis'],
  ])('inviting, %s: %s gets %s, nothing sent', async (_case, actor, ins, over, expected, named) => {
    const sent = async () =>
      (await graph.ask(`patient:${MINOR}`, SENT, { ins: MINOR })).data.patient.representationInvitations;
    const before = await sent();
    const answer = await graph.ask(actor, INVITE, {
      ins,
      input: { accountId: 'rep:stranger', relation: 'Père', basis: 'Livret de famille', ...over },
    });
    expect(errorCode(answer)).toBe(expected);
    if (named) expect(answer.errors![0].extensions.field).toBe(named);
    expect(await sent()).toEqual(before);
  });

  it('the same invitation twice is refused while it waits; bad ids and a missing date are bad input', async () => {
    const id = await invite('twice');
    const again = await graph.ask('rep:parent', INVITE, {
      ins: MINOR,
      input: { accountId: 'rep:twice', relation: 'Père', basis: 'Livret de famille' },
    });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const field = async (variables: object) =>
      (await graph.ask('rep:twice', ANSWER, variables)).errors?.[0]?.extensions?.field;
    expect(await field({ id: 'nope', accept: false })).toBe('id');
    expect(await field({ id, accept: true })).toBe('childBirthDate');
    expect(await statusOf(id)).toBe('WAITING');
    expect(errorCode(await graph.ask('rep:stranger', ANSWER, { id, accept: false }))).toBe('NOT_FOUND');
    expect(errorCode(await graph.ask(`patient:${MINOR}`, ANSWER, { id, accept: false }))).toBe('FORBIDDEN');
    expect(await statusOf(id)).toBe('WAITING');
  });

  it('a parent sees only the invitations they sent; the patient sees them all', async () => {
    const id = await invite('seen');
    const asParent = (await graph.ask('rep:parent', SENT, { ins: MINOR })).data.patient.representationInvitations;
    expect(asParent.map((i: any) => i.id)).toContain(id);
    await graph.ask('rep:accepts', IDENTITY, { ins: MINOR });
    const asOther = (await graph.ask('rep:accepts', SENT, { ins: MINOR })).data.patient.representationInvitations;
    expect(asOther).toEqual([]);
  });
});
