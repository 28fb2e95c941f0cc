import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { depositLetter } from './support/letters';

/**
 * The notification inbox (issue 18, item 7): read marks and dismissals per reader, an unread count, and the
 * document a new-document notification is about. Through the gateway, as the patient, a minor and a parent.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const DOCTOR = 'ps:30000000001';
const INBOX = gql`
  query ($ins: String!, $unreadOnly: Boolean) {
    patient(ins: $ins) {
      unreadNotificationCount
      notifications(first: 100, unreadOnly: $unreadOnly) {
        totalCount
        nodes {
          id
          kind
          read
          document
        }
      }
    }
  }
`;
const MARK = gql`
  mutation ($ins: String!, $ids: [ID!]) {
    markNotificationsRead(ins: $ins, ids: $ids) {
      unreadNotificationCount
    }
  }
`;
const DISMISS = gql`
  mutation ($ins: String!, $ids: [ID!]!) {
    dismissNotifications(ins: $ins, ids: $ids) {
      unreadNotificationCount
    }
  }
`;

describe('the notification inbox', () => {
  let graph: TestGraph;
  let deposited = '';
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    const doctor = await graph.as(DOCTOR);
    deposited = await depositLetter(graph, DOCTOR, ADULT);
    // Two first accesses to the minor's record: the doctor's and the regulator's.
    await doctor(`query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`, { ins: MINOR });
    await (
      await graph.as('samu:13')
    )(`query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`, {
      ins: MINOR,
    });
  });
  afterAll(() => graph?.stop());

  const inbox = async (actor: string, ins: string, unreadOnly = false) => {
    const { data, errors } = await (await graph.as(actor))(INBOX, { ins, unreadOnly });
    expect(errors).toBeUndefined();
    return data.patient;
  };

  it('a new document is notified with the document it is about, which the patient opens by that id', async () => {
    const { notifications } = await inbox(`patient:${ADULT}`, ADULT);
    const news = notifications.nodes.find((n: { kind: string }) => n.kind === 'NEW_DOCUMENT');
    expect(news.read).toBe(false);
    const { data } = await (
      await graph.as(`patient:${ADULT}`)
    )(`query ($ins: String!, $id: ID!) { patient(ins: $ins) { document(id: $id) { documentId source } } }`, {
      ins: ADULT,
      id: news.document,
    });
    expect(data.patient.document).toEqual({ documentId: deposited, source: 'hospital' });
  });

  it('marked read one by one, or all at once, and unread again; the unread count and filter follow', async () => {
    const before = await inbox(`patient:${ADULT}`, ADULT);
    expect(before.unreadNotificationCount).toBe(before.notifications.totalCount);
    const [one] = before.notifications.nodes;
    const marked = await (await graph.as(`patient:${ADULT}`))(MARK, { ins: ADULT, ids: [one.id] });
    expect(marked.data.markNotificationsRead.unreadNotificationCount).toBe(before.unreadNotificationCount - 1);
    const unread = await inbox(`patient:${ADULT}`, ADULT, true);
    expect(unread.notifications.nodes.map((n: { id: string }) => n.id)).not.toContain(one.id);
    const all = await (await graph.as(`patient:${ADULT}`))(MARK, { ins: ADULT });
    expect(all.data.markNotificationsRead.unreadNotificationCount).toBe(0);
    expect((await inbox(`patient:${ADULT}`, ADULT)).notifications.nodes.every((n: { read: boolean }) => n.read)).toBe(
      true,
    );
    const unmarked = await (
      await graph.as(`patient:${ADULT}`)
    )(
      `mutation ($ins: String!, $ids: [ID!]!) { markNotificationsUnread(ins: $ins, ids: $ids) { unreadNotificationCount } }`,
      {
        ins: ADULT,
        ids: [one.id],
      },
    );
    expect(unmarked.data.markNotificationsUnread.unreadNotificationCount).toBe(1);
    expect((await inbox(`patient:${ADULT}`, ADULT, true)).notifications.nodes.map((n: { id: string }) => n.id)).toEqual(
      [one.id],
    );
  });

  it("each reader keeps their own marks: the parent's reading and dismissing leave the minor's inbox as it was", async () => {
    const minorBefore = await inbox(`patient:${MINOR}`, MINOR);
    expect(minorBefore.unreadNotificationCount).toBeGreaterThanOrEqual(2);
    const parent = await inbox('rep:parent', MINOR);
    const [first] = parent.notifications.nodes;
    const dismissed = await (await graph.as('rep:parent'))(DISMISS, { ins: MINOR, ids: [first.id] });
    expect(dismissed.errors).toBeUndefined();
    await (
      await graph.as('rep:parent')
    )(MARK, { ins: MINOR });
    const after = await inbox('rep:parent', MINOR);
    expect(after.notifications.totalCount).toBe(parent.notifications.totalCount - 1);
    expect(after.unreadNotificationCount).toBe(0);
    expect(await inbox(`patient:${MINOR}`, MINOR)).toEqual(minorBefore);
  });

  it("another record's notification ids mark nothing; bad ids are named; professionals have no inbox", async () => {
    const minor = await inbox(`patient:${MINOR}`, MINOR);
    const ids = minor.notifications.nodes.map((n: { id: string }) => n.id);
    await (
      await graph.as(`patient:${ADULT}`)
    )(MARK, { ins: ADULT, ids });
    expect(await inbox(`patient:${MINOR}`, MINOR)).toEqual(minor);
    for (const bad of [[], ['abc']]) {
      const answer = await (await graph.as(`patient:${ADULT}`))(MARK, { ins: ADULT, ids: bad });
      expect([errorCode(answer), answer.errors?.[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'ids']);
    }
    expect(errorCode(await (await graph.as(DOCTOR))(MARK, { ins: ADULT }))).toBe('FORBIDDEN');
  });
});
