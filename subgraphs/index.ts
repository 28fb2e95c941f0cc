import type { SubgraphDefinition } from '../runtime/subgraph';
import { patient } from './patient/schema';
import { reimbursement } from './reimbursement/schema';
import { pharmacy } from './pharmacy/schema';
import { oncology } from './oncology/schema';
import { hospital } from './hospital/schema';
import { personalSpace } from './personal-space/schema';

export const SUBGRAPHS: readonly SubgraphDefinition[] = [patient, reimbursement, pharmacy, oncology, hospital, personalSpace];

/** Where each subgraph answers: SUBGRAPH_<NAME>_URL, or its own port on the subgraph host. */
export function configuredSubgraphUrls(config: import('../runtime/config').RuntimeConfig): Record<import('../runtime/subgraph').SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((d) => [d.name, config.subgraphUrls[d.name] ?? `http://${config.subgraphHost}:${d.port}/graphql`])) as never;
}
