import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { parisDate, shiftDate } from '../domain/calendar';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Legal representatives managed through the graph (docs/law.md §3): a second parent added by the first, each
 * acting on their own and seeing only their own entry and accesses; a tutor registered by operations with the
 * measure's end; removal from the next request; a minor's DMP created by a representative. Through the gateway.
 */
const MINOR = '115036912304567'; // born 2015, represented by rep:parent (visibility.json)
const ADULT = '170057505600172'; // born 1970, no representative
const NEW_MINOR = '218067512345624';
const NEW_ADULT = '180067512345742';
const ACCOUNTS = {
  version: 1,
  accounts: [
    { id: 'rep:second-parent', kind: 'representative', displayName: 'Second parent' },
    { id: 'rep:tutor', kind: 'representative', displayName: 'Tuteur' },
    { id: 'rep:founder', kind: 'representative', displayName: 'Parent creating the DMP' },
  ],
};

const IDENTITY = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`;
const REPRESENTATIVES = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      legalRepresentatives {
        accountId
        relation
        basis
        until
      }
    }
  }
`;
const ADD = gql`
  mutation ($ins: String!, $input: LegalRepresentativeInput!) {
    addLegalRepresentative(ins: $ins, input: $input) {
      accountId
    }
  }
`;
const INVITE = gql`
  mutation ($ins: String!, $input: RepresentationInvitationInput!) {
    inviteLegalRepresentative(ins: $ins, input: $input) {
      id
    }
  }
`;
const ACCEPT = gql`
  mutation ($id: ID!, $childBirthDate: LocalDate) {
    answerRepresentationInvitation(id: $id, accept: true, childBirthDate: $childBirthDate) {
      status
    }
  }
`;
const REMOVE = gql`
  mutation ($ins: String!, $accountId: String!) {
    removeLegalRepresentative(ins: $ins, accountId: $accountId)
  }
`;

describe('legal representatives through the graph', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), ACCOUNTS);
  });
  afterAll(() => graph?.stop());
  afterEach(() => clock.set(start));

  const field = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions?.field;
  const reads = async (actor: string, ins: string) => {
    const answer = await (await graph.as(actor))(IDENTITY, { ins });
    return answer.errors ? errorCode(answer) : 'reads';
  };
  const second = { accountId: 'rep:second-parent', relation: 'Père', basis: 'Livret de famille n° 2015-114' };

  it('the first parent invites the second, on a stated basis; accepted, the second reads from the next request', async () => {
    expect(await reads('rep:second-parent', MINOR)).toBe('NOT_FOUND');
    const invited = await (await graph.as('rep:parent'))(INVITE, { ins: MINOR, input: second });
    expect(invited.errors).toBeUndefined();
    expect(await reads('rep:second-parent', MINOR)).toBe('NOT_FOUND');
    const accepted = await (
      await graph.as('rep:second-parent')
    )(ACCEPT, { id: invited.data.inviteLegalRepresentative.id, childBirthDate: '2015-03-01' });
    expect(accepted.errors).toBeUndefined();
    expect(await reads('rep:second-parent', MINOR)).toBe('reads');
  });

  it('each parent sees only their own entry; the minor sees both, with the basis', async () => {
    const seenBy = async (actor: string) =>
      (await (await graph.as(actor))(REPRESENTATIVES, { ins: MINOR })).data.patient.legalRepresentatives.map(
        (r: any) => r.accountId,
      );
    expect(await seenBy('rep:parent')).toEqual(['rep:parent']);
    expect(await seenBy('rep:second-parent')).toEqual(['rep:second-parent']);
    const { data } = await (await graph.as(`patient:${MINOR}`))(REPRESENTATIVES, { ins: MINOR });
    expect(data.patient.legalRepresentatives).toContainEqual({ ...second, until: null });
    expect(data.patient.legalRepresentatives.map((r: any) => r.accountId).sort()).toEqual([
      'rep:parent',
      'rep:second-parent',
    ]);
  });

  it("traced and notified to the patient's side; a parent does not learn who the other is from the history", async () => {
    await reads('rep:parent', MINOR);
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
    const minor = (await (await graph.as(`patient:${MINOR}`))(history, { ins: MINOR })).data.patient;
    expect(minor.accessTraces.nodes).toContainEqual({ actorId: 'rep:parent', action: 'invite-representative' });
    expect(minor.accessTraces.nodes).toContainEqual({ actorId: 'rep:second-parent', action: 'add-representative' });
    expect(minor.notifications.nodes).toContainEqual({ kind: 'REPRESENTATIVE_ADDED', actorId: 'rep:second-parent' });
    const other = (await (await graph.as('rep:second-parent'))(history, { ins: MINOR })).data.patient;
    expect(other.accessTraces.nodes.map((n: any) => n.actorId)).not.toContain('rep:parent');
    expect(other.notifications.nodes).toContainEqual({ kind: 'REPRESENTATIVE_ADDED', actorId: 'rep:second-parent' });
  });

  it('a parent does not remove the other; one withdraws themselves, refused from the next request', async () => {
    const asSecond = await graph.as('rep:second-parent');
    expect(errorCode(await asSecond(REMOVE, { ins: MINOR, accountId: 'rep:parent' }))).toBe('FORBIDDEN');
    expect(await reads('rep:parent', MINOR)).toBe('reads');
    expect((await asSecond(REMOVE, { ins: MINOR, accountId: 'rep:second-parent' })).errors).toBeUndefined();
    expect(await reads('rep:second-parent', MINOR)).toBe('NOT_FOUND');
    const { data } = await (
      await graph.as(`patient:${MINOR}`)
    )(`query ($ins: String!) { patient(ins: $ins) { notifications(first: 50) { nodes { kind } } } }`, { ins: MINOR });
    expect(data.patient.notifications.nodes).toContainEqual({ kind: 'REPRESENTATIVE_REMOVED' });
  });

  it("operations register an adult's tutor with the measure's end: read until that day, not on it", async () => {
    const ends = shiftDate(parisDate(start), { months: 6 }, 1);
    const tutor = {
      accountId: 'rep:tutor',
      relation: 'Tuteur',
      basis: 'Jugement de tutelle TJ Marseille 24/0172',
      measureEnds: ends,
    };
    expect((await (await graph.as('ops:watch'))(ADD, { ins: ADULT, input: tutor })).errors).toBeUndefined();
    expect(await reads('rep:tutor', ADULT)).toBe('reads');
    clock.set(new Date(`${shiftDate(ends, { days: 1 }, -1)}T12:00:00Z`));
    expect(await reads('rep:tutor', ADULT)).toBe('reads');
    clock.set(new Date(`${ends}T12:00:00Z`));
    expect(await reads('rep:tutor', ADULT)).toBe('NOT_FOUND');
  });

  it.each<[string, string, string, object, string, string]>([
    [
      "an adult's measure without its end",
      'ops:watch',
      ADULT,
      { ...second, accountId: 'rep:tutor' },
      'BAD_USER_INPUT',
      'input.measureEnds',
    ],
    [
      "a minor's representation with an end",
      'ops:watch',
      MINOR,
      { ...second, measureEnds: '2099-01-01' },
      'BAD_USER_INPUT',
      'input.measureEnds',
    ],
    ['a parent registering the other outright, not by invitation', 'rep:parent', MINOR, second, 'FORBIDDEN', ''],
    [
      'an account that is not a representative',
      'ops:watch',
      MINOR,
      { ...second, accountId: 'samu:13' },
      'BAD_USER_INPUT',
      'input.accountId',
    ],
    ['no basis', 'rep:parent', MINOR, { ...second, basis: ' ' }, 'BAD_USER_INPUT', 'input.basis'],
    [
      'a representative for an adult they do not represent',
      'rep:parent',
      ADULT,
      { ...second, measureEnds: '2099-01-01' },
      'NOT_FOUND',
      '',
    ],
    ['a professional', 'ps:30000000001', MINOR, second, 'FORBIDDEN', ''],
  ])('%s: %s gets %s', async (_case, actor, ins, input, expected, named) => {
    const registered = async () =>
      (await (await graph.as(`patient:${ins}`))(REPRESENTATIVES, { ins })).data.patient.legalRepresentatives;
    const before = await registered();
    const answer = await (await graph.as(actor))(ADD, { ins, input });
    expect(errorCode(answer)).toBe(expected);
    if (named) expect(field(answer)).toBe(named);
    expect(await registered()).toEqual(before);
  });

  it("a representative creates a minor's DMP and is registered as its representative; not an adult's", async () => {
    const create = gql`
      mutation ($input: RecordCreationInput!) {
        createRecord(input: $input) {
          ins
          status
        }
      }
    `;
    const person = (ins: string, birthDate: string, representation?: object) => ({
      ins,
      birthName: 'Nouveau',
      firstName: 'Léo',
      sex: 'M',
      birthDate,
      birthplaceCode: '75113',
      identityStatus: 'QUAL',
      expressConsent: true,
      ...(representation ? { representation } : {}),
    });
    const founder = await graph.as('rep:founder');
    const basis = { relation: 'Mère', basis: 'Acte de naissance, mairie du 13e' };
    const without = await founder(create, { input: person(NEW_MINOR, '2018-06-01') });
    expect(errorCode(without)).toBe('BAD_USER_INPUT');
    expect(field(without)).toBe('input.representation');
    expect(errorCode(await founder(create, { input: person(NEW_ADULT, '1980-06-01', basis) }))).toBe('FORBIDDEN');
    const created = await founder(create, { input: person(NEW_MINOR, '2018-06-01', basis) });
    expect(created.errors).toBeUndefined();
    expect(created.data.createRecord).toEqual({ ins: NEW_MINOR, status: 'ACTIVE' });
    const { data } = await founder(REPRESENTATIVES, { ins: NEW_MINOR });
    expect(data.patient.legalRepresentatives).toEqual([{ accountId: 'rep:founder', ...basis, until: null }]);
  });
});
