import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { pharmacy } from './schema';

void runSubgraph(pharmacy);
