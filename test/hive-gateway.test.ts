import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { authenticate, authOptions } from '../gateway/authenticate';
import { ACTOR_HEADER, signCallCredential } from '../runtime/credential';
import { ISSUER_KEY, callSecrets, loadOrCreateKeyPair } from '../runtime/keys';
import { projectPath } from '../domain/paths';
import { SOURCE_NAMES, type SourceName } from '../domain/sources';
import { DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';
import { startTestGraph, type TestGraph } from './support/test-graph';

/**
 * The checked-in supergraph, served unchanged by Hive Gateway (@graphql-hive/gateway-runtime, graphql-tools'
 * stitching), with what a production runtime must add (docs/production-runtimes.md): the bearer token verified
 * and each subgraph fetch signed for its source, over its exact body, by a plugin. The README's queries answer the
 * same through it as through the project's gateway.
 */
/**
 * The part of @graphql-hive/gateway-runtime this test uses. Its own declarations bring in the DOM's `lib`, which
 * would retype fetch for the whole project, so the module is loaded untyped, at run time.
 */
interface HiveRuntime {
  fetch(url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<Response>;
}
interface FetchHook {
  url: string;
  options: { body?: unknown; headers?: Record<string, string> };
  setOptions(options: object): void;
  context: { request?: Request };
}
type CreateRuntime = (options: {
  supergraph: string;
  plugins?: () => { onFetch(hook: FetchHook): Promise<void> }[];
  logging: boolean;
}) => HiveRuntime;
const HIVE = '@graphql-hive/gateway-runtime';
const loadHive = async () => {
  const hive = (await import(HIVE)) as {
    createGatewayRuntime: CreateRuntime;
    DisposableSymbols: { asyncDispose: symbol };
  };
  const dispose = (runtime: HiveRuntime) =>
    (runtime as unknown as Record<symbol, () => Promise<void>>)[hive.DisposableSymbols.asyncDispose]();
  return { createGatewayRuntime: hive.createGatewayRuntime, dispose };
};

// What the project's gateway answers, so that a comparison of two refusals is not taken for one of two readings.
// The demo data holds too few consenting patients to release a cell: each source, reached through the
// registry's grant (@requires), refuses its table.
const TOO_SMALL = 'FORBIDDEN:COHORT_TOO_SMALL';
const README_QUERIES: [string, string, string, string[]][] = [
  [
    'the médecin traitant reads the record',
    'ps:10000000001',
    `{ patient(ins: "${DEMO_PATIENT_INS}") { identity { firstName usedName birthName } access { mode rule }
       hospitalReports(first: 5) { totalCount nodes { title space author { name } } }
       dispensations { nodes { productName effectiveAt } }
       personalSpace { allergies { substance severity } trustedPerson { name phone } } } }`,
    [],
  ],
  [
    'the patient reads their own documents',
    `patient:${DEMO_PATIENT_INS}`,
    `{ viewer { kind record { id documents(first: 5) { totalCount nodes { id source title effectiveAt
       capabilities { canMask canRequestDeletion } } } } } }`,
    [],
  ],
  [
    'a centre 15 regulator reads the emergency summary',
    'samu:75',
    `{ patient(ins: "${DEMO_PATIENT_INS}") { identity { firstName usedName birthName birthDate sex }
       personalSpace { allergies { substance reaction severity } trustedPerson { name relation phone }
         emergencyContacts { name relation phone } advanceDirectives(first: 1) { nodes { title effectiveAt body } } }
       dispensations(first: 20) { nodes { productName atc quantity effectiveAt } }
       hospitalReports(first: 3, filter: { typeCodes: ["11490-0", "15507-7", "34112-3"] }) { nodes { title effectiveAt careUnit } } } }`,
    [],
  ],
  [
    'an analyst reads aggregates across sources',
    'analyst:drees',
    `{ analytics { dispensations(measure: EVENTS, groupBy: [ATC1, AGE_BAND, REGION]) {
         dimensions cells { values count suppression } suppressedCells }
       hospitalStays(measure: EVENTS, groupBy: [REGION, YEAR]) { cells { values count suppression } }
       patients(measure: PATIENTS, groupBy: [AGE_BAND, SEX]) { cells { values count suppression } } } }`,
    [TOO_SMALL, TOO_SMALL, TOO_SMALL],
  ],
  [
    'a patient is refused another record',
    `patient:${DEMO_PATIENT_INS}`,
    '{ patient(ins: "170057505600172") { ins } }',
    ['NOT_FOUND'],
  ],
];

describe('Hive Gateway serves the supergraph unchanged', () => {
  let graph: TestGraph;
  let hive: HiveRuntime;
  let createGatewayRuntime: CreateRuntime;
  let dispose: (runtime: HiveRuntime) => Promise<void>;
  beforeAll(async () => {
    ({ createGatewayRuntime, dispose } = await loadHive());
    graph = await startTestGraph(demoScenario());
    const issuerKeys = await loadOrCreateKeyPair(graph.config.keysDir, ISSUER_KEY);
    const callKeys = callSecrets(graph.config.keysDir, 'gateway', SOURCE_NAMES);
    const auth = authOptions(graph.config.auth, issuerKeys.publicKey);
    const sourceByUrl = new Map(
      Object.entries(graph.subgraphUrls).map(([name, url]) => [url, name as SourceName] as const),
    );
    // What the project's gateway does per request and per fetch, as a Hive plugin: one actor and one request id
    // per client request, a credential per fetch bound to its source and body (runtime/credential.ts).
    const requests = new WeakMap<Request, Promise<{ actor: Awaited<ReturnType<typeof authenticate>>; id: string }>>();
    const credentials = {
      onFetch({ url, options, setOptions, context }: FetchHook) {
        const source = sourceByUrl.get(url);
        const request = context.request;
        if (!source || !request) throw new Error(`a fetch to ${url} outside a client request`);
        if (!requests.has(request))
          requests.set(
            request,
            authenticate(request.headers.get('authorization') ?? undefined, auth).then((actor) => ({
              actor,
              id: randomUUID(),
            })),
          );
        return requests.get(request)!.then(async ({ actor, id }) => {
          const credential = await signCallCredential(callKeys[source], 'gateway', {
            actor,
            requestId: id,
            audience: source,
            body: String(options.body),
          });
          setOptions({ ...options, headers: { ...options.headers, [ACTOR_HEADER]: credential } });
        });
      },
    };
    hive = createGatewayRuntime({ supergraph: supergraph(), plugins: () => [credentials], logging: false });
  });
  afterAll(async () => {
    if (hive) await dispose(hive);
    await graph?.stop();
  });

  /** The supergraph as checked in, pointed at this test's subgraphs. */
  const supergraph = () =>
    readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8').replace(
      /@join__graph\(name: "([a-z-]+)", url: "[^"]+"\)/g,
      (_, name: SourceName) => `@join__graph(name: "${name}", url: "${graph.subgraphUrls[name]}")`,
    );
  const viaHive = async (actor: string, query: string) => {
    const response = await hive.fetch('http://hive.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(actor)}` },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: any[] }) };
  };
  const codes = (errors?: any[]) =>
    (errors ?? []).map((e) => [e.extensions?.code, e.extensions?.reason].filter(Boolean).join(':')).sort();

  it('answers a request that reaches no subgraph', async () => {
    expect(await viaHive('analyst:drees', '{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it.each(README_QUERIES)('%s: the same answer as the project’s gateway', async (_, actor, query, expected) => {
    const ours = await graph.ask(actor, query);
    expect(codes(ours.errors)).toEqual(expected);
    const theirs = await viaHive(actor, query);
    expect(theirs.status).toBe(200);
    expect(theirs.data).toEqual(ours.data);
    expect(codes(theirs.errors)).toEqual(codes(ours.errors));
  });

  it('reaches no subgraph without the credential: every source refuses a fetch the plugin did not sign', async () => {
    const unsigned = createGatewayRuntime({
      supergraph: supergraph(),
      logging: false,
    });
    try {
      const response = await unsigned.fetch('http://hive.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ patient(ins: "${DEMO_PATIENT_INS}") { identity { firstName } } }` }),
      });
      const body = (await response.json()) as { data?: { patient?: unknown } | null; errors?: any[] };
      expect(body.data?.patient ?? null).toBeNull();
      expect(body.errors?.length).toBeGreaterThan(0);
    } finally {
      await dispose(unsigned);
    }
  });
});
