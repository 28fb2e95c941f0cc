import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { reimbursement } from './schema';

void runSubgraph(reimbursement);
