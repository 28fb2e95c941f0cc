import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { configOrExit } from '../runtime/config';
import { openStores } from './platform';
import { fail, parseArgs } from './cli';
import { loadScenario } from './scenario/load';
import { ScenarioError, validateScenario } from './scenario/validate';

/** npm run load -- <scenario.json>: validates the whole file, then loads it; a bad file loads nothing. */
async function main() {
  const [file] = parseArgs().positional;
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
  const stores = await openStores(config);
  try {
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

void main();
