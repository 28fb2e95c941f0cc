import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { reimbursement } from './schema';

void runSubgraph(reimbursement);
