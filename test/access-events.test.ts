import { gql } from 'graphql-request';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * The access history as a patient app shows it (issue 18, the app's professionals' accesses and own activity):
 * one entry per access whichever sources served it, who accessed each once with their last access and count,
 * and the reader's own accesses left out on request. Through the gateway, against accessTraces' own rows.
 */
const ADULT = '284077511612365'; // visibility.json: médecin traitant ps:30000000001
const PATIENT = `patient:${ADULT}`;
const DOCTOR = 'ps:30000000001';
const WHOLE_RECORD = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
      }
      hospitalReports {
        totalCount
      }
      dispensations {
        totalCount
      }
      careLines {
        totalCount
      }
    }
  }
`;
const EVENTS = gql`
  query ($ins: String!, $filter: AccessTraceFilter, $first: Int, $after: String) {
    patient(ins: $ins) {
      accessEvents(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          seq
          actorId
          actorName
          actorProfessionLabel
          action
          outcome
          sources
          kind
          description
        }
      }
    }
  }
`;
const TRACES = gql`
  query ($ins: String!, $filter: AccessTraceFilter) {
    patient(ins: $ins) {
      accessTraces(first: 100, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
        }
        nodes {
          actorId
          source
        }
      }
    }
  }
`;
const ACCESSORS = gql`
  query ($ins: String!, $filter: AccessTraceFilter, $first: Int) {
    patient(ins: $ins) {
      accessors(filter: $filter, first: $first) {
        actorId
        actorName
        actorProfessionLabel
        accesses
        lastAccessAt
      }
    }
  }
`;

describe('the access history, one entry per access, and who accessed', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    const doctor = await graph.as(DOCTOR);
    for (let i = 0; i < 3; i++) expect((await doctor(WHOLE_RECORD, { ins: ADULT })).errors).toBeUndefined();
    expect((await (await graph.as('samu:13'))(WHOLE_RECORD, { ins: ADULT })).errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  const ok = async (actor: string, query: string, variables: object) => {
    const { data, errors } = await (await graph.as(actor))(query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data.patient;
  };

  it("groups a request's traces from every source into one access, naming the sources", async () => {
    const traces = (await ok(PATIENT, TRACES, { ins: ADULT, filter: { actorId: DOCTOR } })).accessTraces;
    const events = (await ok(PATIENT, EVENTS, { ins: ADULT, filter: { actorId: DOCTOR }, first: 100 })).accessEvents;
    const reads = events.nodes.filter((e: any) => e.action === 'read');
    expect(reads).toHaveLength(3);
    for (const read of reads) {
      expect(read).toMatchObject({ actorName: expect.any(String), outcome: 'allowed', kind: 'CONSULTATION' });
      expect(read.sources.length).toBeGreaterThan(1);
    }
    // The same traces, as rows: one per source, so more rows than accesses.
    const sources = [...new Set(traces.nodes.map((t: any) => t.source))].sort();
    expect(sources).toEqual([...new Set(reads.flatMap((e: any) => e.sources))].sort());
    expect(traces.totalCount).toBeGreaterThan(events.totalCount);
    expect(events.totalCount).toBe(events.nodes.length);
  });

  it('pages accesses newest first with its own cursors; a cursor of accessTraces is refused', async () => {
    // Others' accesses only: the patient's own reading of the pages is traced as it goes.
    const filter = { excludeOwn: true };
    const all = (await ok(PATIENT, EVENTS, { ins: ADULT, filter, first: 100 })).accessEvents.nodes.map(
      (e: any) => e.seq,
    );
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await ok(PATIENT, EVENTS, { ins: ADULT, filter, first: 2, after })).accessEvents;
      seen.push(...page.nodes.map((e: any) => e.seq));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
    const foreign = (await ok(PATIENT, TRACES, { ins: ADULT })).accessTraces.pageInfo.endCursor;
    const refused = await (await graph.as(PATIENT))(EVENTS, { ins: ADULT, first: 2, after: foreign });
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("leaves out the reader's own accesses on request, in every view", async () => {
    await ok(PATIENT, EVENTS, { ins: ADULT });
    const actors = async (query: string, list: string) =>
      new Set(
        (
          (await ok(PATIENT, query, { ins: ADULT, filter: { excludeOwn: true } }))[list].nodes ??
          (await ok(PATIENT, query, { ins: ADULT, filter: { excludeOwn: true } }))[list]
        ).map((n: any) => n.actorId),
      );
    for (const [query, list] of [
      [EVENTS, 'accessEvents'],
      [TRACES, 'accessTraces'],
      [ACCESSORS, 'accessors'],
    ]) {
      const seen = await actors(query, list);
      expect([list, seen.has(PATIENT)]).toEqual([list, false]);
      expect([list, seen.has(DOCTOR)]).toEqual([list, true]);
    }
    const own = (await ok(PATIENT, EVENTS, { ins: ADULT, filter: { actorId: PATIENT }, first: 100 })).accessEvents;
    expect(own.nodes.length).toBeGreaterThan(0);
    expect(own.nodes.every((e: any) => e.actorId === PATIENT)).toBe(true);
  });

  it('names who accessed once each, with their last access and how many, the most recent first', async () => {
    const accessors = (await ok(PATIENT, ACCESSORS, { ins: ADULT, filter: { excludeOwn: true } })).accessors;
    const doctor = accessors.find((a: any) => a.actorId === DOCTOR);
    const doctorReads = (await ok(PATIENT, EVENTS, { ins: ADULT, filter: { actorId: DOCTOR }, first: 100 }))
      .accessEvents.totalCount;
    expect(doctor).toMatchObject({ actorName: expect.any(String), accesses: doctorReads });
    expect(accessors.filter((a: any) => a.actorId === DOCTOR)).toHaveLength(1);
    const times = accessors.map((a: any) => a.lastAccessAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(accessors.map((a: any) => a.actorId)).toContain('samu:13');
  });

  it.each([0, 101, -1])('refuses accessors(first: %s), naming the argument', async (first) => {
    const answer = await (await graph.as(PATIENT))(ACCESSORS, { ins: ADULT, first });
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/),
    });
  });

  it('is for the record administrators, as accessTraces: a professional who is not gets nothing of it', async () => {
    const answer = await (
      await graph.as('ps:30000000006')
    )(`query ($ins: String!) { patient(ins: $ins) { accessEvents { totalCount } accessors { actorId } } }`, {
      ins: ADULT,
    });
    expect(answer.data?.patient?.accessEvents ?? null).toBeNull();
    expect(answer.data?.patient?.accessors ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
  });
});
