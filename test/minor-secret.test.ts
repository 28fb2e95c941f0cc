import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { depositLetter } from './support/letters';

/**
 * The minor's secret kept everywhere (L1111-5, docs/law.md §3): what a minor keeps from their legal
 * representatives, at deposit or afterwards, is absent from the representatives' lists and counts, from their
 * history and from their notifications, while the minor and their doctors still see it. Through the gateway.
 */
const MINOR = '115036912304567'; // born 2015, rep:parent, médecin traitant 30000000001 (visibility.json)
const ADULT = '170057505600172';
const DOCTOR = 'ps:30000000001';
const PARENT = 'rep:parent';
const SELF = `patient:${MINOR}`;

const REPORTS = gql`
  query ($ins: String!, $first: Int) {
    patient(ins: $ins) {
      hospitalReports(first: $first) {
        totalCount
        nodes {
          id
          visibility
        }
      }
    }
  }
`;
// Without totalCount: a count is an access of its own, which the parent may see.
const PAGE = gql`
  query ($ins: String!, $first: Int) {
    patient(ins: $ins) {
      hospitalReports(first: $first) {
        nodes {
          id
        }
      }
    }
  }
`;
const KEEP = gql`
  mutation ($ins: String!, $documentId: ID!, $secret: Boolean!) {
    setDocumentSecretFromRepresentatives(ins: $ins, documentId: $documentId, source: hospital, secret: $secret) {
      ins
    }
  }
`;
const HISTORY = gql`
  query ($ins: String!, $actorId: String) {
    patient(ins: $ins) {
      accessTraces(first: 100, filter: { actorId: $actorId }) {
        totalCount
        nodes {
          source
          action
          touched
        }
      }
      notifications(first: 100) {
        totalCount
        nodes {
          kind
          actorId
        }
      }
    }
  }
`;

describe("the minor's secret kept everywhere", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const reports = async (actor: string, first = 100) => {
    const answer = await (await graph.as(actor))(REPORTS, { ins: MINOR, first });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.hospitalReports as { totalCount: number; nodes: { id: string; visibility: string[] }[] };
  };
  const doctorReads = async (first: number) => {
    const answer = await (await graph.as(DOCTOR))(PAGE, { ins: MINOR, first });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.hospitalReports.nodes.map((n: { id: string }) => n.id);
  };
  const history = async (actor: string, actorId: string | null = DOCTOR) => {
    const answer = await (await graph.as(actor))(HISTORY, { ins: MINOR, actorId });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient;
  };
  const firstAccesses = (h: any) => h.notifications.nodes.filter((n: any) => n.kind === 'FIRST_ACCESS');

  it("a doctor's first access that read only the secret leaves no sign for the parent; the minor sees it whole", async () => {
    // Newest first: the one-item page holds only m-secret, deposited with INVISIBLE_REPRESENTANTS_LEGAUX.
    expect(await doctorReads(1)).toEqual(['m-secret']);
    const parent = await history(PARENT);
    expect(parent.accessTraces).toEqual({ totalCount: 0, nodes: [] });
    expect(firstAccesses(parent)).toEqual([]);
    const minor = await history(SELF);
    expect(minor.accessTraces.nodes).toContainEqual({
      source: 'hospital',
      action: 'read',
      touched: ['secret:m-secret'],
    });
    expect(minor.accessTraces.totalCount).toBe(2); // the registry's decision and the hospital's list
    expect(firstAccesses(minor)).toEqual([{ kind: 'FIRST_ACCESS', actorId: DOCTOR }]);
  });

  it('an access that also read what the parent may see stays in their history, without the secret', async () => {
    expect(await doctorReads(2)).toEqual(['m-secret', 'm-plain']);
    const parent = await history(PARENT);
    expect(parent.accessTraces.totalCount).toBe(2);
    expect(parent.accessTraces.nodes).toContainEqual({ source: 'hospital', action: 'read', touched: ['m-plain'] });
    expect(parent.accessTraces.nodes).toContainEqual({ source: 'patient', action: 'read', touched: [] });
    expect(JSON.stringify(parent)).not.toContain('m-secret');
  });

  it('the minor keeps an existing document secret: gone from the parent, labelled for the minor and the doctor', async () => {
    expect(await reports(PARENT)).toEqual({ totalCount: 1, nodes: [{ id: 'm-plain', visibility: [] }] });
    const mentions = async () => JSON.stringify(await history(PARENT, null)).split('m-plain').length - 1;
    const before = await mentions();
    const kept = await (await graph.as(SELF))(KEEP, { ins: MINOR, documentId: 'm-plain', secret: true });
    expect(kept.errors).toBeUndefined();
    expect(await reports(PARENT)).toEqual({ totalCount: 0, nodes: [] });
    for (const actor of [SELF, DOCTOR]) {
      const seen = await reports(actor);
      expect(seen.totalCount).toBe(2);
      expect(seen.nodes).toContainEqual({ id: 'm-plain', visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] });
    }
    // From now on the doctor's reads of it are the minor's secret, and so is the act itself. What the parent's
    // history held before (when the document was shared) stays as it was.
    expect(await doctorReads(2)).toEqual(['m-secret', 'm-plain']);
    expect(await mentions()).toBe(before);
    expect(JSON.stringify(await history(PARENT, null))).not.toContain('keep-secret');
    // The minor's own history names the secrets as such (secret:).
    const minor = await history(SELF, null);
    expect(minor.accessTraces.nodes).toContainEqual({
      source: 'patient',
      action: 'keep-secret',
      touched: ['secret:m-plain'],
    });
    expect(minor.accessTraces.nodes).toContainEqual({
      source: 'hospital',
      action: 'read',
      touched: ['secret:m-plain', 'secret:m-secret'],
    });
  });

  it('only the minor decides: the parent and the doctor are refused, and so is an adult', async () => {
    expect(errorCode(await (await graph.as(PARENT))(KEEP, { ins: MINOR, documentId: 'm-plain', secret: false }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await (await graph.as(DOCTOR))(KEEP, { ins: MINOR, documentId: 'm-plain', secret: false }))).toBe(
      'FORBIDDEN',
    );
    const adult = await (await graph.as(`patient:${ADULT}`))(KEEP, { ins: ADULT, documentId: 'a-plain', secret: true });
    expect(errorCode(adult)).toBe('FORBIDDEN');
    expect((await reports(PARENT)).totalCount).toBe(0);
  });

  it('the minor shares it again: the parent sees it from the next request; the label set at deposit stays', async () => {
    const shared = await (await graph.as(SELF))(KEEP, { ins: MINOR, documentId: 'm-plain', secret: false });
    expect(shared.errors).toBeUndefined();
    expect(await reports(PARENT)).toEqual({ totalCount: 1, nodes: [{ id: 'm-plain', visibility: [] }] });
    await (
      await graph.as(SELF)
    )(KEEP, { ins: MINOR, documentId: 'm-secret', secret: false });
    expect((await reports(PARENT)).nodes.map((n) => n.id)).toEqual(['m-plain']);
  });

  it('a secret deposited for the minor: no notification, no trace for the parent; the minor sees the deposit', async () => {
    const id = await depositLetter(graph, DOCTOR, MINOR, { visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] });
    const parent = await history(PARENT);
    expect(JSON.stringify(parent)).not.toContain(id);
    expect(parent.accessTraces.nodes.map((n: any) => n.action)).not.toContain('deposit-withheld');
    expect(parent.notifications.nodes.map((n: any) => n.kind)).not.toContain('NEW_DOCUMENT');
    const minor = await history(SELF);
    expect(minor.accessTraces.nodes).toContainEqual({
      source: 'hospital',
      action: 'deposit-withheld',
      touched: [`secret:${id}`],
    });
    expect((await reports(PARENT)).nodes.map((n) => n.id)).toEqual(['m-plain']);
  });
});
