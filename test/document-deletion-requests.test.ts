import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Deletion requests carried through (R1111-51; docs/law.md §4): the patient asks, the host's médecin reads the
 * queue and carries out or refuses each request with a reason, and the patient's side reads the outcome and is
 * notified. Carrying out erases every version at the source, for that patient only. Through the gateway.
 */
const ADULT = '284077511612365'; // h-plain (hospital), d-plain (pharmacy); médecin traitant 30000000001
const MINOR = '115036912304567'; // m-plain, another patient's document
const HOST = 'host:medecin';
const DOCTOR = 'ps:30000000001';
const ACCOUNTS = {
  version: 1,
  accounts: [{ id: HOST, kind: 'host_physician', displayName: "Médecin de l'hébergeur" }],
};

const REQUEST = gql`
  mutation ($ins: String!, $documentId: ID!, $source: DocumentSource!) {
    requestDocumentDeletion(
      ins: $ins
      documentId: $documentId
      source: $source
      reason: "Ce compte rendu concerne un autre patient."
    ) {
      id
      status
    }
  }
`;
const QUEUE = gql`
  query ($status: DeletionRequestStatus) {
    documentDeletionRequests(first: 100, status: $status) {
      totalCount
      nodes {
        id
        ins
        documentId
        source
        reason
        status
      }
    }
  }
`;
const DECIDE = gql`
  mutation ($requestId: ID!, $decision: DeletionDecision!, $reason: String) {
    decideDocumentDeletion(requestId: $requestId, decision: $decision, reason: $reason) {
      id
      status
      outcome
      erasedVersions
      decidedAt
    }
  }
`;
const DOCUMENTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
      dispensations(first: 100) {
        nodes {
          id
        }
      }
    }
  }
`;
const OUTCOMES = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      documentDeletionRequests {
        documentId
        status
        outcome
        erasedVersions
      }
      notifications(first: 100) {
        nodes {
          kind
        }
      }
      accessTraces(first: 100) {
        nodes {
          actorId
          source
          action
        }
      }
    }
  }
`;

describe("deletion requests carried through by the host's médecin", () => {
  let graph: TestGraph;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    graph = await startTestGraphWith({}, scenarioFile('visibility.json'), ACCOUNTS);
    const asPatient = await graph.as(`patient:${ADULT}`);
    for (const [documentId, source] of [
      ['h-plain', 'hospital'],
      ['d-plain', 'pharmacy'],
      ['m-plain', 'hospital'],
    ]) {
      const made = await asPatient(REQUEST, { ins: ADULT, documentId, source });
      expect(made.errors).toBeUndefined();
      expect(made.data.requestDocumentDeletion.status).toBe('PENDING');
      ids[documentId] = made.data.requestDocumentDeletion.id;
    }
  });
  afterAll(() => graph?.stop());

  const field = (answer: { errors?: any[] }) => answer.errors?.[0]?.extensions?.field;
  const decide = async (requestId: string, decision: string, reason?: string, actor = HOST) =>
    (await graph.as(actor))(DECIDE, { requestId, decision, reason });
  const documents = async (actor: string, ins = ADULT) => {
    const { data } = await (await graph.as(actor))(DOCUMENTS, { ins });
    return [...data.patient.hospitalReports.nodes, ...(data.patient.dispensations?.nodes ?? [])].map((n) => n.id);
  };

  it("the host's médecin reads the queue, oldest first, with the patient and the stated reason", async () => {
    const { data, errors } = await (await graph.as(HOST))(QUEUE, {});
    expect(errors).toBeUndefined();
    expect(data.documentDeletionRequests.totalCount).toBe(3);
    expect(data.documentDeletionRequests.nodes[0]).toEqual({
      id: ids['h-plain'],
      ins: ADULT,
      documentId: 'h-plain',
      source: 'hospital',
      reason: 'Ce compte rendu concerne un autre patient.',
      status: 'PENDING',
    });
  });

  it.each([
    ['an operator', 'ops:watch'],
    ['the médecin traitant', DOCTOR],
    ['the patient', `patient:${ADULT}`],
  ])('%s neither reads the queue nor decides', async (_who, actor) => {
    expect(errorCode(await (await graph.as(actor))(QUEUE, {}))).toBe('FORBIDDEN');
    expect(errorCode(await decide(ids['h-plain'], 'CARRY_OUT', undefined, actor))).toBe('FORBIDDEN');
  });

  it('bad input is named and changes nothing', async () => {
    const refusedBare = await decide(ids['d-plain'], 'REFUSE');
    expect([errorCode(refusedBare), field(refusedBare)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const shortReason = await decide(ids['d-plain'], 'REFUSE', 'Non.');
    expect([errorCode(shortReason), field(shortReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const notAnId = await decide('h-plain', 'CARRY_OUT');
    expect([errorCode(notAnId), field(notAnId)]).toEqual(['BAD_USER_INPUT', 'requestId']);
    expect(errorCode(await decide('999999', 'CARRY_OUT'))).toBe('NOT_FOUND');
    const { data } = await (await graph.as(HOST))(QUEUE, { status: 'PENDING' });
    expect(data.documentDeletionRequests.totalCount).toBe(3);
  });

  it('carried out: the document is erased at its source for everyone, and is decided once', async () => {
    expect(await documents(DOCTOR)).toContain('h-plain');
    const done = await decide(ids['h-plain'], 'CARRY_OUT');
    expect(done.errors).toBeUndefined();
    expect(done.data.decideDocumentDeletion).toMatchObject({ status: 'CARRIED_OUT', outcome: null, erasedVersions: 1 });
    expect(await documents(DOCTOR)).not.toContain('h-plain');
    expect(await documents(`patient:${ADULT}`)).not.toContain('h-plain');
    const again = await decide(ids['h-plain'], 'REFUSE', 'Décidé une seconde fois.');
    expect([errorCode(again), field(again)]).toEqual(['BAD_USER_INPUT', 'requestId']);
  });

  it('refused with a reason: the document stays', async () => {
    const refused = await decide(ids['d-plain'], 'REFUSE', 'Ce document est nécessaire à la continuité des soins.');
    expect(refused.data.decideDocumentDeletion).toMatchObject({
      status: 'REFUSED',
      outcome: 'Ce document est nécessaire à la continuité des soins.',
      erasedVersions: null,
    });
    expect(await documents(DOCTOR)).toContain('d-plain');
  });

  it("an order names its patient: another patient's document id erases nothing", async () => {
    const done = await decide(ids['m-plain'], 'CARRY_OUT', 'Aucun document de ce patient ne porte cet identifiant.');
    expect(done.data.decideDocumentDeletion).toMatchObject({ status: 'CARRIED_OUT', erasedVersions: 0 });
    expect(await documents(DOCTOR, MINOR)).toContain('m-plain');
  });

  it('the patient reads each outcome, is notified of each decision, and the history names who decided', async () => {
    const { data, errors } = await (await graph.as(`patient:${ADULT}`))(OUTCOMES, { ins: ADULT });
    expect(errors).toBeUndefined();
    expect(data.patient.documentDeletionRequests).toEqual([
      { documentId: 'm-plain', status: 'CARRIED_OUT', outcome: expect.any(String), erasedVersions: 0 },
      {
        documentId: 'd-plain',
        status: 'REFUSED',
        outcome: 'Ce document est nécessaire à la continuité des soins.',
        erasedVersions: null,
      },
      { documentId: 'h-plain', status: 'CARRIED_OUT', outcome: null, erasedVersions: 1 },
    ]);
    const kinds = data.patient.notifications.nodes.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k === 'DOCUMENT_DELETION_DECIDED')).toHaveLength(3);
    expect(data.patient.accessTraces.nodes).toContainEqual({
      actorId: HOST,
      source: 'patient',
      action: 'decide-document-deletion',
    });
    expect(data.patient.accessTraces.nodes).toContainEqual({
      actorId: HOST,
      source: 'hospital',
      action: 'erase-document',
    });
    expect(data.patient.accessTraces.nodes).toContainEqual({
      actorId: HOST,
      source: 'patient',
      action: 'read-deletion-requests',
    });
  });
});
