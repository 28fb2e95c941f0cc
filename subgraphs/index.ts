import { SOURCE_NAMES, type SourceName } from '../domain/sources';
import type { SubgraphDefinition } from './kit/subgraph';
import { patient } from './patient/schema';
import { reimbursement } from './reimbursement/schema';
import { pharmacy } from './pharmacy/schema';
import { oncology } from './oncology/schema';
import { hospital } from './hospital/schema';
import { personalSpace } from './personal-space/schema';

/** Each source's definition, keyed by the table of sources: a row without its definition does not compile. */
const DEFINITIONS: Record<SourceName, SubgraphDefinition> = {
  patient,
  reimbursement,
  pharmacy,
  oncology,
  hospital,
  'personal-space': personalSpace,
};

/** The subgraphs, in the order of the table of sources (domain/sources.ts). */
export const SUBGRAPHS: readonly SubgraphDefinition[] = SOURCE_NAMES.map((name) => {
  const definition = DEFINITIONS[name];
  if (definition.name !== name) throw new Error(`subgraphs/index.ts: ${name} is defined as ${definition.name}`);
  return definition;
});
