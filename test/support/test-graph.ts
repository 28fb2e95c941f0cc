import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import type { GraphQLError } from 'graphql';
import type { SqlStore } from '../../runtime/store/sql-store';
import { readConfig, type RuntimeConfig } from '../../runtime/config';
import { projectPath } from '../../domain/paths';
import { startPlatform, type Platform } from '../../scripts/platform';
import { localToken } from '../../scripts/local-token';
import { loadScenario } from '../../scripts/scenario/load';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Which store the end-to-end tests run on: PostgreSQL (default) or the embedded PGlite (TEST_STORE=pglite). */
export const TEST_STORE = process.env.TEST_STORE === 'pglite' ? 'pglite' : 'postgres';

export interface TestGraph extends Platform {
  config: RuntimeConfig;
  /** A bearer token for an actor of the loaded data (`patient:<INS>`, `ps:<RPPS>`, an account id). */
  token(actorId: string): Promise<string>;
  /** A graphql-request client talking to the gateway as that actor (or anonymously). */
  client(actorId?: string): Promise<GraphQLClient>;
  /** Sends operations as that actor; each answer comes whole (data and errors), never thrown. */
  as(actorId: string): Promise<(query: string, variables?: object) => Promise<{ data: any; errors?: any[] }>>;
  /** One operation as that actor, answered whole (data and errors), never thrown. */
  ask(actorId: string, query: string, variables?: object): Promise<{ data: any; errors?: any[] }>;
  /** Sum of the statements every store has run so far. */
  statements(): number;
  /** Loads one more scenario at the graph's clock; it may refer to what earlier scenarios loaded. */
  load(scenario: unknown): Promise<void>;
}

/** The code of an answer's first error, or undefined when it has none. */
export const errorCode = (answer: { errors?: readonly { extensions?: { code?: unknown } }[] }) =>
  answer.errors?.[0]?.extensions?.code;

export const scenarioFile = (name: string) => JSON.parse(readFileSync(projectPath('test', 'scenarios', name), 'utf8'));

/** The whole graph on free ports over a store of its own, with the given scenarios loaded. */
export function startTestGraph(...scenarios: unknown[]): Promise<TestGraph> {
  return startTestGraphWith({}, ...scenarios);
}

/** The same, with configuration overrides (a Redis of the test's own, a short emergency window…). */
export async function startTestGraphWith(
  overrides: Partial<RuntimeConfig>,
  ...scenarios: unknown[]
): Promise<TestGraph> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmp-test-'));
  const database: TestDatabase | null = TEST_STORE === 'postgres' ? await createTestDatabase() : null;
  const config: RuntimeConfig = {
    ...readConfig({}),
    dataDir,
    keysDir: join(dataDir, 'keys'),
    databaseUrl: database?.url ?? null,
    // No retention run by itself: it would race the scenario's loading; test/retention.test.ts runs it on demand.
    retentionIntervalMs: 0,
    ...overrides,
  };
  const platform = await startPlatform(config, { gatewayPort: 0, ephemeralSubgraphPorts: true });
  const cleanUp = async () => {
    try {
      await platform.stop();
    } finally {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  let known: Awaited<ReturnType<typeof loadScenario>> | undefined;
  const load = async (scenario: unknown) => {
    known = await loadScenario(platform.stores, scenario, { known, now: config.clock.now() });
  };
  try {
    // A serving platform starts even when a store is slow to answer (a loaded machine: the connection
    // timeout passed), and opens it when it does. Data to load needs every store: wait for them first.
    if (scenarios.length > 0) await storesAnswer([...Object.values(platform.stores), platform.auditStore]);
    for (const scenario of scenarios) await load(scenario);
  } catch (error) {
    // Whatever failed, nothing of this graph outlives the test (a listening server keeps Jest from exiting).
    await cleanUp().catch(() => undefined);
    throw error;
  }
  const token = async (actorId: string) => {
    const minted = await localToken(platform.stores.patient, config, actorId);
    if (!minted) throw new Error(`no actor ${actorId} in the test data`);
    return minted;
  };
  const as = async (actorId: string) => {
    const client = new GraphQLClient(platform.gatewayUrl, {
      headers: { authorization: `Bearer ${await token(actorId)}` },
      errorPolicy: 'all',
    });
    return (query: string, variables: object = {}) => client.rawRequest<any>(query, variables as never) as never;
  };
  return {
    ...platform,
    config,
    token,
    client: async (actorId?: string) =>
      new GraphQLClient(platform.gatewayUrl, {
        headers: actorId ? { authorization: `Bearer ${await token(actorId)}` } : {},
        errorPolicy: 'all',
      }),
    as,
    ask: async (actorId: string, query: string, variables: object = {}) => (await as(actorId))(query, variables),
    load,
    statements: () => Object.values(platform.stores).reduce((sum, store) => sum + store.statementCount, 0),
    // The database goes even when stopping fails (a test that closed a store on purpose).
    stop: cleanUp,
  };
}

/** Until each store runs a statement: a store still opening answers SERVICE_UNAVAILABLE, anything else throws. */
async function storesAnswer(stores: readonly SqlStore[], withinMs = 60_000): Promise<void> {
  const until = Date.now() + withinMs;
  for (const store of stores) {
    for (;;) {
      try {
        await store.query('SELECT 1');
        break;
      } catch (error) {
        if ((error as GraphQLError).extensions?.code !== 'SERVICE_UNAVAILABLE' || Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}
