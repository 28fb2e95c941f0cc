import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Where a front end starts (issue 18, item 1): who is asking, their own record, the records they act for, each
 * with an opaque id a URL can carry instead of the INS. Through the gateway.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567'; // rep:parent is their mother (visibility.json)

const VIEWER = gql`
  {
    viewer {
      actorId
      kind
      displayName
      record {
        id
        ins
        identity {
          firstName
        }
      }
      actingFor {
        relation
        until
        patient {
          id
          ins
          identity {
            firstName
          }
        }
      }
    }
  }
`;
const BY_ID = gql`
  query ($id: ID!) {
    patientById(id: $id) {
      ins
      identity {
        firstName
      }
    }
  }
`;

describe('the viewer and opaque record ids', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const viewerOf = async (actor: string) => {
    const { data, errors } = await (await graph.as(actor))(VIEWER);
    expect(errors).toBeUndefined();
    return data.viewer;
  };
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('a patient: their own record, with an opaque id that is not the INS and stays the same', async () => {
    const viewer = await viewerOf(`patient:${ADULT}`);
    expect(viewer).toMatchObject({
      actorId: `patient:${ADULT}`,
      kind: 'patient',
      displayName: null,
      record: { ins: ADULT, identity: { firstName: 'Hélène' } },
      actingFor: [],
    });
    expect(viewer.record.id).toMatch(UUID);
    expect((await viewerOf(`patient:${ADULT}`)).record.id).toBe(viewer.record.id);
    expect((await viewerOf(`patient:${MINOR}`)).record.id).not.toBe(viewer.record.id);
  });

  it('a parent: no record of their own, and the child they act for', async () => {
    const viewer = await viewerOf('rep:parent');
    expect(viewer.record).toBeNull();
    expect(viewer.actingFor).toEqual([
      {
        relation: 'Mère',
        until: null,
        patient: { id: expect.stringMatching(UUID), ins: MINOR, identity: { firstName: 'Maël' } },
      },
    ]);
    expect(viewer.displayName).not.toBeNull();
  });

  it('a professional is named from the directory and acts for nobody', async () => {
    const viewer = await viewerOf('ps:30000000001');
    expect(viewer).toMatchObject({ kind: 'professional', record: null, actingFor: [] });
    expect(viewer.displayName).toMatch(/\S+ \S+/);
  });

  it('a record by its id, under the same rules as by INS: hidden answers like unknown, malformed is named', async () => {
    const id = (await viewerOf(`patient:${ADULT}`)).record.id;
    const own = await (await graph.as(`patient:${ADULT}`))(BY_ID, { id });
    expect(own.data.patientById).toEqual({ ins: ADULT, identity: { firstName: 'Hélène' } });
    const stranger = await (await graph.as(`patient:${MINOR}`))(BY_ID, { id });
    const unknown = await (await graph.as(`patient:${MINOR}`))(BY_ID, { id: '00000000-0000-4000-8000-000000000000' });
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    expect(stranger.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const malformed = await (await graph.as(`patient:${ADULT}`))(BY_ID, { id: ADULT });
    expect([errorCode(malformed), malformed.errors?.[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'id']);
  });
});
