import type { SubgraphDefinition } from './kit/subgraph';
import { patient } from './patient/schema';
import { reimbursement } from './reimbursement/schema';
import { pharmacy } from './pharmacy/schema';
import { oncology } from './oncology/schema';
import { hospital } from './hospital/schema';
import { personalSpace } from './personal-space/schema';

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  patient,
  reimbursement,
  pharmacy,
  oncology,
  hospital,
  personalSpace,
];
