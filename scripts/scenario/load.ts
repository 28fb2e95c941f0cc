import type { SqlStore } from '../../runtime/store/sql-store';
import type { SubgraphName } from '../../subgraphs/kit/context';
import { indexOf, type Scenario, type ScenarioIndex } from './scenario';
import { ScenarioError, validateScenario } from './validate';
import { resolveRelativeDates } from './relative-dates';
import { ingest as patient } from './ingest/patient';
import { ingest as reimbursement } from './ingest/reimbursement';
import { ingest as pharmacy } from './ingest/pharmacy';
import { ingest as oncology } from './ingest/oncology';
import { ingest as hospital } from './ingest/hospital';
import { ingest as personalSpace } from './ingest/personal-space';

const INGESTERS: Record<SubgraphName, typeof patient> = {
  patient,
  reimbursement,
  pharmacy,
  oncology,
  hospital,
  'personal-space': personalSpace,
};

export interface LoadOptions {
  /** Professionals and accounts loaded earlier that this scenario may refer to. */
  known?: ScenarioIndex;
  /** Generated data is valid by construction; skipping the check speeds up large seeds. @default false */
  trusted?: boolean;
  /** The instant relative dates (`now-15d`, `today-2y`) resolve against and the data is stamped with: the one clock's. */
  now: Date;
}

/**
 * Validates a scenario whole, then writes each subgraph's part in one transaction per store. A file with any
 * problem is refused before anything is written.
 */
export async function loadScenario(
  stores: Record<SubgraphName, SqlStore>,
  input: unknown,
  options: LoadOptions,
): Promise<ScenarioIndex> {
  if (!options.trusted) {
    const problems = validateScenario(input, options.now, options.known);
    if (problems.length > 0) throw new ScenarioError(problems);
  }
  const scenario = resolveRelativeDates(input as Scenario, options.now);
  const index = indexOf(scenario, options.known);
  await Promise.all(
    Object.entries(INGESTERS).map(([name, ingest]) =>
      stores[name as SubgraphName].transaction((tx) => ingest(tx, scenario, index, options.now)),
    ),
  );
  return index;
}
