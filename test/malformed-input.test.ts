import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { operationDocument, publicSchema, rootOperations } from './support/public-schema';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Malformed input answers 400 or a BAD_USER_INPUT naming what is wrong, before any SQL runs: never a 500,
 * never INTERNAL_SERVER_ERROR, and nothing changed.
 */
const ADULT = '284077511612365';
const NUL = 'a\u0000b';
/** Scalars that travel as JSON strings. */
const TEXT_SCALARS = new Set(['String', 'ID', 'LocalDate', 'DateTime', 'Ins']);

/** A value for an input type with a NUL in every text leaf (null where none can go). */
function hostile(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return hostile(type.ofType, depth);
  if (isListType(type)) return [hostile(type.ofType, depth)];
  if (isInputObjectType(type)) {
    if (depth > 2) return {};
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, hostile(f.type, depth + 1)]));
  }
  if (isScalarType(type) && TEXT_SCALARS.has(type.name)) return NUL;
  return null;
}
/** A valid value for an argument that holds no text (only its type matters: the guard runs first). */
function plain(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return plain(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) return type.name === 'Boolean' ? true : 1;
  return {};
}
const holdsText = (type: GraphQLInputType, depth = 0): boolean => {
  const named = getNamedType(type);
  if (isScalarType(named)) return TEXT_SCALARS.has(named.name);
  if (isInputObjectType(named) && depth <= 2)
    return Object.values(named.getFields()).some((f) => holdsText(f.type, depth + 1));
  return false;
};

describe('malformed input is refused with a code that names it, before anything runs', () => {
  let graph: TestGraph;
  let schema: GraphQLSchema;
  let token: string;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    token = await graph.token(`patient:${ADULT}`);
    schema = publicSchema();
  });
  afterAll(() => graph?.stop());

  async function post(body: object) {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: any[] } };
  }

  it.each<[string, object]>([
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }],
    [
      'an operationName that names neither',
      { query: 'query A { __typename } query B { __typename }', operationName: 'C' },
    ],
    ['an operationName for a document of one anonymous operation', { query: '{ __typename }', operationName: 'C' }],
    ['a subscription', { query: 'subscription { __typename }' }],
  ])('%s: HTTP 400, BAD_REQUEST', async (_label, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });

  /** Every field of the public graph with an argument that carries text, at any depth of its input type. */
  const fieldsTakingText = () =>
    rootOperations(schema).filter(({ field }) => field.args.some((arg) => holdsText(arg.type)));

  it('a NUL in the text arguments of any operation, as variables: 400, BAD_USER_INPUT naming one, no statement run', async () => {
    const fields = fieldsTakingText();
    const textArguments = fields.flatMap(({ field }) => field.args.filter((a) => holdsText(a.type)));
    // 23 when the issue was filed; the public graph only grows.
    expect(textArguments.length).toBeGreaterThanOrEqual(23);
    for (const operation of fields) {
      const { field } = operation;
      const statements = graph.statements();
      const answer = await post({
        query: operationDocument(operation),
        variables: Object.fromEntries(
          field.args.map((a) => [a.name, holdsText(a.type) ? hostile(a.type) : plain(a.type)]),
        ),
      });
      const where = field.name;
      expect([where, answer.status]).toEqual([where, 400]);
      expect([where, answer.body.errors?.[0].extensions.code]).toEqual([where, 'BAD_USER_INPUT']);
      expect([where, answer.body.errors?.[0].extensions.field]).toEqual([where, expect.stringMatching(/^\$/)]);
      expect([where, graph.statements()]).toEqual([where, statements]);
    }
  });

  it('a NUL in a string literal names the argument', async () => {
    const answer = await post({ query: `{ patient(ins: "2840775\\u000011612365") { ins } }` });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ins' });
  });

  it('a lone surrogate is not text either', async () => {
    const answer = await post({
      query: 'query ($t: IdentityTraits!) { searchPatients(traits: $t) { __typename } }',
      variables: { t: { birthDate: '1984-05-02', name: 'DUPONT\ud800' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$t.name' });
  });

  const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const page = (after: string) =>
    post({
      query: `query ($after: String) { patient(ins: "${ADULT}") { hospitalReports(first: 1, after: $after) { edges { cursor } } } }`,
      variables: { after },
    });

  it.each([
    ['one that decodes to ["1","x"]', cursor(['1', 'x'])],
    ['one holding 30 February', cursor(['2026-02-30T10:00:00.000Z', 'hosp-1'])],
    ['garbage', 'not-a-cursor'],
  ])('a crafted cursor (%s): BAD_USER_INPUT naming after', async (_label, after) => {
    const answer = await page(after);
    expect(answer.body.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    ]);
  });

  it("a cursor this list gave out works; the same cursor on another patient's or another filter's list does not", async () => {
    const first = await page(null as never);
    const given = (first.body.data as any).patient.hospitalReports.edges[0]?.cursor as string;
    expect(typeof given).toBe('string');
    expect((await page(given)).body.errors).toBeUndefined();
    const filtered = await post({
      query: `query ($after: String) { patient(ins: "${ADULT}") { hospitalReports(first: 1, after: $after, filter: { typeCodes: ["11490-0"] }) { totalCount } } }`,
      variables: { after: given },
    });
    expect(filtered.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const notifications = await post({
      query: `query ($after: String) { patient(ins: "${ADULT}") { notifications(first: 1, after: $after) { totalCount } } }`,
      variables: { after: given },
    });
    expect(notifications.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("a cursor from one patient's list is refused on another patient's, for a reader of both", async () => {
    const doctor = await graph.as('ps:30000000001');
    const list = (ins: string, after: string | null) =>
      doctor(
        `query ($after: String) { patient(ins: "${ins}") { hospitalReports(first: 1, after: $after) { edges { cursor } } } }`,
        { after },
      );
    const given = (await list(ADULT, null)).data.patient.hospitalReports.edges[0]?.cursor as string;
    expect(typeof given).toBe('string');
    expect((await list(ADULT, given)).errors).toBeUndefined();
    const other = await list('115036912304567', given);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
