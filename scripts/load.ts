import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { configOrExit } from '../runtime/config';
import { openStores } from './platform';
import { fail, parseArgs } from './cli';
import { refuseBesideEmbeddedServer } from './embedded-server';
import { loadScenario } from './scenario/load';
import { ScenarioError, validateScenario } from './scenario/validate';
import type { Scenario } from './scenario/scenario';
import type { SqlStore } from '../runtime/store/sql-store';

/** npm run load -- <scenario.json>: validates the whole file, then loads it; a bad file loads nothing. */
async function main() {
  const [file] = parseArgs({}).positional;
  if (!file) fail('usage: npm run load -- <scenario.json>');
  let scenario: unknown;
  try {
    scenario = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: not readable JSON (${(error as Error).message})`);
  }
  // A bad file is refused before any store is opened.
  const config = configOrExit();
  const now = config.clock.now();
  const problems = validateScenario(scenario, now);
  if (problems.length > 0) fail(`${file}: ${new ScenarioError(problems).message}`);
  refuseBesideEmbeddedServer(config, 'load');
  const stores = await openStores(config);
  try {
    // Loading adds: a file naming what the stores hold already is refused whole, before anything is written.
    const already = await alreadyLoaded(stores.patient, scenario as Scenario);
    if (already.length > 0)
      fail(
        `${file}: already loaded: ${already.slice(0, 5).join(', ')}${already.length > 5 ? ` and ${already.length - 5} more` : ''}; nothing was written (npm run seed loads the demo scenario already)`,
      );
    const index = await loadScenario(stores, scenario, { now });
    console.log(
      `loaded ${file}: ${(scenario as { patients?: unknown[] }).patients?.length ?? 0} patients, ${index.professionals.size} professionals, ${index.accounts.size} accounts`,
    );
  } catch (error) {
    fail(error instanceof ScenarioError ? `${file}: ${error.message}` : `load failed: ${(error as Error).message}`);
  } finally {
    await Promise.all(Object.values(stores).map((s) => s.close()));
  }
}

/** The patients, professionals and accounts of this file the registry holds already. */
async function alreadyLoaded(registry: SqlStore, scenario: Scenario): Promise<string[]> {
  const rows = await registry.query<{ what: string }>(
    `SELECT 'patient ' || ins AS what FROM patient WHERE ins = ANY($1::text[])
     UNION ALL SELECT 'professional ' || rpps FROM professional WHERE rpps = ANY($2::text[])
     UNION ALL SELECT 'account ' || id FROM account WHERE id = ANY($3::text[])`,
    [
      (scenario.patients ?? []).map((p) => p.ins),
      (scenario.professionals ?? []).map((p) => p.rpps),
      (scenario.accounts ?? []).map((a) => a.id),
    ],
  );
  return rows.map((r) => r.what);
}

void main();
