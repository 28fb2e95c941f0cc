import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { hospital } from './schema';

void runSubgraph(hospital);
