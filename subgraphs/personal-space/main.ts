import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { personalSpace } from './schema';

void runSubgraph(personalSpace);
