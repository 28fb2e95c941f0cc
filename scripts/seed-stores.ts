import type { SqlStore } from '../runtime/store/sql-store';
import type { SubgraphName } from '../subgraphs/kit/context';
import { generate, type GenerateOptions } from './generate/generate';
import { loadScenario } from './scenario/load';
import type { ScenarioIndex } from './scenario/scenario';
import { progress } from './cli';

/** Generates and loads patients chunk by chunk (COPY into each store); returns how many were loaded. */
export async function seedStores(
  stores: Record<SubgraphName, SqlStore>,
  options: GenerateOptions & { quiet?: boolean },
): Promise<number> {
  const bar = options.quiet ? null : progress('seeding patients', options.patients);
  let known: ScenarioIndex | undefined;
  let loaded = 0;
  for (const chunk of generate(options)) {
    // The first chunk (personas, professionals) is checked like any file; generated patient chunks are valid by construction.
    known = await loadScenario(stores, chunk, { known, trusted: known !== undefined, now: options.today });
    if (chunk.professionals === undefined) {
      loaded += chunk.patients?.length ?? 0;
      bar?.update(loaded);
    }
  }
  bar?.update(options.patients);
  return loaded;
}

export async function isEmpty(stores: Record<SubgraphName, SqlStore>): Promise<boolean> {
  const [row] = await stores.patient.query<{ n: number }>('SELECT count(*)::int AS n FROM patient');
  return row.n === 0;
}
