import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { operationDocument, publicSchema, rootOperations, type RootOperation } from './support/public-schema';
import { nestedDocument, nestedRoutes, parentsOf, routeLabel, type NestedRoute } from './support/fuzz-nested';
import { mintToken } from '../gateway/local-issuer';
import { costLimitRule, DEFAULT_QUERY_LIMITS } from '../gateway/query-limits';
import { ISSUER_KEY, loadOrCreateKeyPair } from '../runtime/keys';
import type { SourceName } from '../domain/sources';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * Every argument of every operation of the public graph, filled with random and hostile values, sent by each
 * kind of actor: never a 5xx, never INTERNAL_SERVER_ERROR, and a refused mutation changes nothing. The same for
 * every argument of every field below the root (a patient's lists, the personal space, the aggregates), reached
 * through the root with real arguments so that its resolver runs. Bounded for the normal suite (FUZZ_RUNS cases
 * of each); FUZZ_RUNS=5000 (and FUZZ_SEED to replay a failure) for a longer run.
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
function valueOf(type: GraphQLInputType, chaotic: boolean, depth = 0, known = named): fc.Arbitrary<unknown> {
  const wrongly = (arbitrary: fc.Arbitrary<unknown>) =>
    chaotic ? fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: WRONG }) : arbitrary;
  if (isNonNullType(type)) {
    const inner = valueOf(type.ofType, chaotic, depth, known);
    return chaotic ? fc.oneof({ weight: 9, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
  }
  if (isListType(type))
    return wrongly(
      fc.array(valueOf(type.ofType, chaotic, depth + 1, known), { minLength: chaotic ? 0 : 1, maxLength: 3 }),
    );
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return wrongly(
      fc.record(
        Object.fromEntries(fields.map((f) => [f.name, known(f.name, valueOf(f.type, chaotic, depth + 1, known))])),
        { requiredKeys: chaotic ? [] : fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
      ),
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

/** A cursor as the connections write it (runtime/graphql/connection.ts): base64url of a JSON array. */
const base64url = (json: unknown) => Buffer.from(JSON.stringify(json) ?? '', 'utf8').toString('base64url');

/** Cursors no list gave out: of another shape, another encoding, past the length bound, or not base64 at all. */
const GARBAGE_CURSORS = [
  Buffer.from('["1","x"]').toString('base64'),
  base64url(['1', 'x']),
  base64url([]),
  base64url(null),
  base64url({}),
  base64url('x'),
  base64url([1, 2, 3]),
  base64url([null, null, null]),
  base64url([[], {}, '']),
  base64url(['x', '2026-11-01T10:00:00.000Z', '1']),
  base64url(['1', 'x', '2', 'y']),
  Buffer.from('['.repeat(300)).toString('base64url'),
  Buffer.from('["\\u0000","\\ud800","\\udc00"]').toString('base64url'),
  Buffer.from([0xff, 0xfe, 0x00, 0xc3]).toString('base64url'),
  '=',
  '====',
  '!!!!',
  '%00',
  'A'.repeat(512),
  'A'.repeat(513),
];
/** What a cursor's position may hold: instants real and not, ids of each shape (text, bigint) and of none. */
const POSITION_AT = [
  '2026-11-01T10:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T10:00:00.000Z',
  '2026-11-01T24:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-11-01',
];
const POSITION_ID = [
  '1',
  '0',
  '-1',
  '999999999999999999',
  '9223372036854775808',
  '99999999999999999999',
  "x' OR '1'='1",
  'hosp-\u0000',
  'x\ud800',
  ' ',
  'x'.repeat(129),
];

/**
 * A value for `after`: a cursor the graph gave out, one made of a real cursor's parts (its list's digest, so
 * that the position is what is checked) and hostile ones, any JSON, any bytes, garbage, hostile text.
 */
function cursorValue(real: string[]): fc.Arbitrary<unknown> {
  const decoded = real.flatMap((cursor) => {
    try {
      const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      return Array.isArray(parts) ? [parts as unknown[]] : [];
    } catch {
      return [];
    }
  });
  const part = (index: number, also: string[]) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          ...new Set([...decoded.map((parts) => parts[index]).filter((p) => typeof p === 'string'), ...also]),
        ),
      },
      { weight: 1, arbitrary: text },
      { weight: 1, arbitrary: WRONG },
    );
  return fc.oneof(
    { weight: 2, arbitrary: real.length > 0 ? fc.constantFrom(...real) : text },
    {
      weight: 4,
      arbitrary: fc.tuple(part(0, ['AAAAAAAAAAAAAAAA']), part(1, POSITION_AT), part(2, POSITION_ID)).map(base64url),
    },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map(base64url) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64url')) },
    { weight: 2, arbitrary: fc.constantFrom(...GARBAGE_CURSORS) },
    { weight: 1, arbitrary: text },
  );
}

/**
 * Arguments (and input fields) of nested fields named like what the graph answers under these keys: a real
 * document id, type code or actor reaches further than a random one. Harvested from the answers of the
 * reaching requests (`harvested`), in the order they came, so that FUZZ_SEED replays the same choices.
 */
const HARVEST: { argument: RegExp; answered: RegExp }[] = [
  { argument: /^(after|before)$/, answered: /^(cursor|startCursor|endCursor)$/ },
  { argument: /^ids?$/, answered: /^(id|documentId)$/ },
  { argument: /^typeCodes$/, answered: /^typeCode$/ },
  { argument: /^classCodes$/, answered: /^classCode$/ },
  { argument: /^actorId$/, answered: /^actorId$/ },
];
const harvested = HARVEST.map(() => new Set<string>());
function harvest(value: unknown): void {
  if (Array.isArray(value)) value.forEach(harvest);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner !== 'string') harvest(inner);
      else HARVEST.forEach(({ answered }, index) => void (answered.test(key) && harvested[index].add(inner)));
    }
}
/**
 * Values of the nested filters' criteria that pass their checks (instants and months, codes of the code lists,
 * at their bounds too), for a filter to reach the SQL with the hostile rest of a request.
 */
const NESTED_KNOWN: [RegExp, unknown[]][] = [
  [
    /^(from|to)$/,
    [
      '2026-11-01T10:00:00.000Z',
      '2020-01-01T00:00:00+01:00',
      '1900-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-01',
      '2020-12',
      '0000-01',
      '9999-12',
    ],
  ],
  [/^sexes$/, ['1', '2', 'M', 'F']],
  [/^departements$/, ['13', '75', '2A', '971', '00']],
  [/^regions$/, ['93', '11', '94']],
  [/^ageBands$/, [0, 10, 40, 80, 120]],
  [/^atc$/, ['A', 'A10', 'A10BA02', 'N02BE01']],
  [/^ccamChapters$/, ['A', 'Z']],
];
/** `named`, for nested fields: a cursor for `after`, a harvested or known value where there is one, hostile around. */
const nestedNamed = (name: string, otherwise: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => {
  const index = HARVEST.findIndex(({ argument }) => argument.test(name));
  const pool = [
    ...(index < 0 ? [] : harvested[index]),
    ...(NESTED_KNOWN.find(([pattern]) => pattern.test(name))?.[1] ?? []),
  ];
  if (index === 0)
    return fc.oneof({ weight: 3, arbitrary: cursorValue(pool as string[]) }, { weight: 1, arbitrary: otherwise });
  if (pool.length > 0)
    return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: otherwise });
  return named(name, otherwise);
};

/**
 * The gateway refuses a request whose variables hold a NUL or a lone surrogate anywhere, before any resolver
 * (runtime/graphql/input-guard.ts): values scrubbed of them, so that the rest of a hostile filter gets through.
 */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(BAD_TEXT, '');
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.replace(BAD_TEXT, ''), scrub(inner)]));
  return value;
}

/** A plain value of the type, for arguments the route needs but does not fuzz: the first of each choice. */
function benign(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return benign(type.ofType);
  if (isListType(type)) return [benign(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, benign(f.type)]),
    );
  return type.name === 'Int' || type.name === 'Float' ? 1 : type.name === 'Boolean' ? false : 'x';
}

describe('fuzzing every operation of the public graph as every kind of actor', () => {
  const scenario = scenarioFile('visibility.json') as { patients: { ins: string }[] };
  let graph: TestGraph;
  let operations: RootOperation[];
  let routes: NestedRoute[];
  /** The document of each route. */
  const documents = new Map<NestedRoute, string>();
  let tokens: Record<string, string>;
  beforeAll(async () => {
    graph = await startTestGraph(scenario);
    const schema = publicSchema();
    operations = rootOperations(schema);
    routes = nestedRoutes(schema);
    // The richest selection the gateway's cost limit lets through (a route through a list multiplies it).
    const fits = (query: string) =>
      validate(schema, parse(query), [costLimitRule(DEFAULT_QUERY_LIMITS.maxCost)]).length === 0;
    for (const route of routes)
      documents.set(
        route,
        [1, 0].map((levels) => nestedDocument(route, levels)).find(fits) ?? nestedDocument(route, -1),
      );
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

  async function post(actor: string, query: string, variables: unknown) {
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[actor]}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: any[] };
    return { status: response.status, body, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
  }

  /** The invariants of every answer, whatever was sent: `what` names the case in a failure. */
  function expectSound(what: string, status: number, codes: unknown[], root: string): void {
    expect([what, status < 500]).toEqual([what, true]);
    expect([what, codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)]).toEqual([what, false]);
    // Every store is up here: a trace that could not be written, or a source that did not answer, is a fault
    // (but the emergency watch, which needs a Redis this graph does not have).
    const outage =
      codes.includes('AUDIT_UNAVAILABLE') || (codes.includes('SERVICE_UNAVAILABLE') && root !== 'emergencyAccessWatch');
    expect([what, outage]).toEqual([what, false]);
  }

  /** The opaque ids of the scenario's patients, as the graph gives them (for `patientById`). */
  const patientIds: string[] = [];
  /** For each nested field, a route, an actor and real root arguments that read it (the field's own are plain). */
  const reaching = new Map<string, { route: NestedRoute; actor: string; root: Record<string, unknown> }>();
  /** Real values for the arguments on the way to a nested field: the scenario's patients, the ids they have. */
  const realisticValues = (name: string): unknown[] =>
    /^ins$/i.test(name)
      ? scenario.patients.map((p) => p.ins)
      : /^id$/.test(name)
        ? patientIds
        : (KNOWN.find(([pattern]) => pattern.test(name))?.[1] ?? []);
  /** The variables of a route's steps but its last, each a real value (or a plain one where none is known). */
  const rootVariables = <T>(route: NestedRoute, pick: (values: unknown[]) => T, plain: (arg: GraphQLArgument) => T) =>
    Object.fromEntries(
      route.steps.slice(0, -1).flatMap(({ field }, index) =>
        field.args.map((arg) => {
          const values = realisticValues(arg.name);
          return [route.variables[index][arg.name], values.length > 0 ? pick(values) : plain(arg)];
        }),
      ),
    ) as Record<string, T>;

  /**
   * Reads each nested field once with plain arguments, by each route and actor in turn until one reads it
   * with a value (or at least reaches the object it is read on): the way the fuzzing below goes through half
   * the time, so that the field's resolver runs and its arguments are parsed. The answers fill `harvested`.
   */
  beforeAll(async () => {
    for (const ins of scenario.patients.map((p) => p.ins))
      for (const actor of Object.keys(tokens)) {
        const { body } = await post(actor, 'query ($ins: String!) { patient(ins: $ins) { id } }', { ins });
        const id = (body.data?.patient as { id?: unknown } | null | undefined)?.id;
        if (typeof id === 'string') {
          patientIds.push(id);
          break;
        }
      }
    for (const target of new Set(routes.map((r) => r.target))) {
      let best: { route: NestedRoute; actor: string; root: Record<string, unknown>; score: number } | undefined;
      search: for (const route of routes.filter((r) => r.target === target)) {
        const { field } = route.steps.at(-1)!;
        const root = rootVariables(
          route,
          (values) => values[0],
          (arg) => benign(arg.type),
        );
        const own = Object.fromEntries(
          field.args
            .filter((arg) => isNonNullType(arg.type))
            .map((arg) => {
              const pool = [...(harvested[HARVEST.findIndex(({ argument }) => argument.test(arg.name))] ?? [])];
              return [route.variables.at(-1)![arg.name], pool[0] ?? benign(arg.type)];
            }),
        );
        for (const actor of Object.keys(tokens)) {
          const { body } = await post(actor, documents.get(route)!, { ...root, ...own });
          harvest(body.data);
          const parents = parentsOf(body.data, route);
          const score = parents.length === 0 ? 0 : parents.some((p) => p[field.name] !== null) && !body.errors ? 2 : 1;
          if (score > (best?.score ?? 0)) best = { route, actor, root, score };
          if (score === 2) break search;
        }
        if (best) break;
      }
      if (best) reaching.set(target, best);
    }
  }, 120_000);

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
        const before = root === 'mutation' ? await storesDigest() : '';
        const { status, body, codes } = await post(actor, operationDocument(operation), variables);
        const what = `${actor} ${field.name} → ${status} ${codes.join(',')}`;
        expectSound(what, status, codes, field.name);
        const refused = root === 'mutation' && (body.data?.[field.name] ?? null) === null && codes.length > 0;
        if (refused) expect([what, await storesDigest()]).toEqual([what, before]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);

  it('reaches every field below the root that takes arguments, through the root, with real arguments', () => {
    const targets = [...new Set(routes.map((r) => r.target))];
    expect(targets.length).toBeGreaterThanOrEqual(16);
    expect(targets.filter((target) => !reaching.has(target))).toEqual([]);
    // Cursors the lists gave out: what the fuzzing below takes apart and puts together again.
    expect(harvested[0].size).toBeGreaterThan(0);
  });

  it('never answers 5xx or INTERNAL_SERVER_ERROR, whatever the arguments of a field below the root', async () => {
    const targets = [...new Set(routes.map((r) => r.target))];
    const byLabel = new Map(routes.map((route) => [routeLabel(route), route]));
    const request = fc
      .record({
        // By name, so that a counterexample reads as `patient.personalSpace.documents`.
        target: fc.constantFrom(...targets),
        // Anything anywhere; of the type; of the type, scrubbed of what the gateway refuses before any resolver.
        mode: fc.constantFrom('chaotic', 'shaped', 'scrubbed'),
        // Half the cases go the way that reads the field; the others by any route, as any actor.
        known: fc.boolean(),
      })
      .chain(({ target, mode, known }) => {
        const found = reaching.get(target);
        const way =
          known && found
            ? fc.constant({ route: routeLabel(found.route), actor: found.actor, root: found.root })
            : fc.constantFrom(...routes.filter((r) => r.target === target)).chain((route) =>
                fc.record({
                  route: fc.constant(routeLabel(route)),
                  actor: fc.constantFrom(...Object.keys(tokens)),
                  root: fc.record(
                    rootVariables<fc.Arbitrary<unknown>>(
                      route,
                      (values) => fc.constantFrom(...values),
                      (arg) => fc.constant(benign(arg.type)),
                    ),
                  ),
                }),
              );
        return way.chain((chosen) => {
          const route = byLabel.get(chosen.route)!;
          const { field } = route.steps.at(-1)!;
          const names = route.variables.at(-1)!;
          const chaotic = mode === 'chaotic';
          return fc
            .record(
              Object.fromEntries(
                field.args.map((a) => [names[a.name], nestedNamed(a.name, valueOf(a.type, chaotic, 0, nestedNamed))]),
              ),
              {
                requiredKeys: chaotic ? [] : field.args.filter((a) => isNonNullType(a.type)).map((a) => names[a.name]),
              },
            )
            .map((nested) => ({
              ...chosen,
              nested: (mode === 'scrubbed' ? scrub(nested) : nested) as Record<string, unknown>,
            }));
        });
      });
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ route: name, actor, root, nested }) => {
        const route = byLabel.get(name)!;
        const { status, body, codes } = await post(actor, documents.get(route)!, { ...root, ...nested });
        expectSound(`${actor} ${name} → ${status} ${codes.join(',')}`, status, codes, route.steps[0].field.name);
        // The field's resolver ran: the object it is read on is in the answer, or the field's own error is.
        const { name: field } = route.steps.at(-1)!.field;
        if (parentsOf(body.data, route).length > 0 || body.errors?.some((e) => e.path?.at(-1) === field)) ran++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The cases reached the nested resolvers, not only the gateway's coercion of the variables.
    expect(ran).toBeGreaterThanOrEqual(Math.floor(RUNS / 10));
  }, 600_000);
});
