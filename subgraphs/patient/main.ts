import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { patient } from './schema';

void runSubgraph(patient);
