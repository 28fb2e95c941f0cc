import fc from 'fast-check';
import { isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { operationDocument, publicSchema, rootOperations, type RootOperation } from './support/public-schema';
import { mintToken } from '../gateway/local-issuer';
import { ISSUER_KEY, loadOrCreateKeyPair } from '../runtime/keys';
import type { SourceName } from '../domain/sources';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Every argument of every operation of the public graph, filled with random and hostile values, sent by each
 * kind of actor: never a 5xx, never INTERNAL_SERVER_ERROR, and a refused mutation changes nothing.
 * Bounded for the normal suite; FUZZ_RUNS=5000 (and FUZZ_SEED to replay a failure) for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const HOSTILE_TEXT = [
  '',
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  '😀',
  "'; DROP TABLE patient; --",
  '%00',
  '../../etc/passwd',
  '284077511612365',
  '115036912304567',
  '30000000001',
  '1984-05-02',
  'DUPONT',
  '2840775116123650',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-11-01T10:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '-1',
  '1e400',
  'null',
  'x'.repeat(70_000),
];
const EXTREME_NUMBERS = [
  0,
  -1,
  1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -0,
  0.5,
];
const WRONG = fc.constantFrom<unknown>({}, [], 'x', 1, true, null, { a: { b: ['c'] } });

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** Values of the loaded data, for arguments named like them: a request that names a real patient goes deeper. */
const KNOWN: [RegExp, string[]][] = [
  [/^ins$/i, ['284077511612365', '115036912304567', '170057505600172']],
  [/rpps$/i, ['30000000001', '30000000002', '30000000004', '30000000005', '30000000006']],
  [/^birthDate$/, ['1984-05-02', '2010-01-01']],
];
const named = (name: string, otherwise: fc.Arbitrary<unknown>) => {
  const known = KNOWN.find(([pattern]) => pattern.test(name))?.[1];
  return known
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: otherwise })
    : otherwise;
};

/**
 * A value for an input type. Shaped: of the type, required fields present, with hostile text and numbers
 * inside, so that it passes coercion and reaches the resolvers. Chaotic: anything, of any type, anywhere.
 */
function valueOf(type: GraphQLInputType, chaotic: boolean, depth = 0): fc.Arbitrary<unknown> {
  const wrongly = (arbitrary: fc.Arbitrary<unknown>) =>
    chaotic ? fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: WRONG }) : arbitrary;
  if (isNonNullType(type)) {
    const inner = valueOf(type.ofType, chaotic, depth);
    return chaotic ? fc.oneof({ weight: 9, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
  }
  if (isListType(type))
    return wrongly(fc.array(valueOf(type.ofType, chaotic, depth + 1), { minLength: chaotic ? 0 : 1, maxLength: 3 }));
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return wrongly(
      fc.record(Object.fromEntries(fields.map((f) => [f.name, named(f.name, valueOf(f.type, chaotic, depth + 1))])), {
        requiredKeys: chaotic ? [] : fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      }),
    );
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((v) => v.name));
    return chaotic ? wrongly(fc.oneof(values, text)) : values;
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return chaotic
        ? wrongly(
            fc.oneof(
              fc.constantFrom(...EXTREME_NUMBERS),
              fc.integer(),
              fc.double({ noNaN: true, noDefaultInfinity: true }),
            ),
          )
        : fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, -1, 2 ** 31 - 1));
    case 'Boolean':
      return wrongly(fc.boolean());
    default:
      return wrongly(text);
  }
}

describe('fuzzing every operation of the public graph as every kind of actor', () => {
  let graph: TestGraph;
  let operations: RootOperation[];
  let tokens: Record<string, string>;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    operations = rootOperations(publicSchema());
    const ids = [
      'patient:284077511612365',
      'rep:parent',
      'ps:30000000001',
      'ps:30000000005',
      'samu:13',
      'etab:130786049',
      'analyst:cnam',
      'heir:one',
      'org:insurer',
      'ops:watch',
    ];
    tokens = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await graph.token(id)] as const)));
    const issuer = await loadOrCreateKeyPair(graph.config.keysDir, ISSUER_KEY);
    tokens['unrecognised ps:39999999999'] = await mintToken(
      issuer.privateKey,
      {
        kind: 'professional',
        id: 'ps:39999999999',
        rpps: '39999999999',
        profession: '10' as never,
        specialty: null,
        finess: null,
      },
      graph.config.auth,
    );
  }, 60_000);
  afterAll(() => graph?.stop());

  /** A digest of every row of every table of the six stores: what a refused mutation must leave as it was. */
  /**
   * What a request writes of tables that background work completes later: a copy of the record is asked for by
   * a request (its row) and produced after it (status, content). A refused mutation must add no row; the
   * production of a copy an earlier, allowed request asked for is not its doing.
   */
  const WRITTEN_BY_REQUESTS: Record<string, string> = { record_copy: 'id, patient_ins, requested_by, requested_at' };

  async function storesDigest(): Promise<string> {
    const parts: string[] = [];
    for (const [name, store] of Object.entries(graph.stores) as [SourceName, (typeof graph.stores)[SourceName]][]) {
      const tables = await store.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`,
      );
      for (const { table_name } of tables) {
        const [row] = await store.query<{ digest: string | null }>(
          `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
           FROM (SELECT ${WRITTEN_BY_REQUESTS[table_name] ?? '*'} FROM "${table_name}") t`,
        );
        parts.push(`${name}.${table_name}:${row.digest}`);
      }
    }
    return parts.join('\n');
  }

  it('never answers 5xx or INTERNAL_SERVER_ERROR; a refused mutation changes nothing', async () => {
    expect(operations.length).toBeGreaterThan(30);
    const request = fc
      .record({
        // By name, so that a counterexample reads as `mutation setDocumentMasked`.
        operation: fc.constantFrom(...operations.map((o) => `${o.root} ${o.field.name}`)),
        actor: fc.constantFrom(...Object.keys(tokens)),
        chaotic: fc.boolean(),
      })
      .chain(({ operation: name, actor, chaotic }) => {
        const operation = operations.find((o) => `${o.root} ${o.field.name}` === name)!;
        return fc.record({
          operation: fc.constant(name),
          actor: fc.constant(actor),
          variables: fc.record(
            Object.fromEntries(operation.field.args.map((a) => [a.name, named(a.name, valueOf(a.type, chaotic))])),
            { requiredKeys: chaotic ? [] : operation.field.args.map((a) => a.name) },
          ),
        });
      });
    await fc.assert(
      fc.asyncProperty(request, async ({ operation: name, actor, variables }) => {
        const operation = operations.find((o) => `${o.root} ${o.field.name}` === name)!;
        const { root, field } = operation;
        const query = operationDocument(operation);
        const before = root === 'mutation' ? await storesDigest() : '';
        const response = await fetch(graph.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[actor]}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: any[] };
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        const what = `${actor} ${field.name} → ${response.status} ${codes.join(',')}`;
        expect([what, response.status < 500]).toEqual([what, true]);
        expect([what, codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)]).toEqual([what, false]);
        // Every store is up here: a trace that could not be written, or a source that did not answer, is a fault
        // (but the emergency watch, which needs a Redis this graph does not have).
        const outage =
          codes.includes('AUDIT_UNAVAILABLE') ||
          (codes.includes('SERVICE_UNAVAILABLE') && field.name !== 'emergencyAccessWatch');
        expect([what, outage]).toEqual([what, false]);
        const refused = root === 'mutation' && (body.data?.[field.name] ?? null) === null && codes.length > 0;
        if (refused) expect([what, await storesDigest()]).toEqual([what, before]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
