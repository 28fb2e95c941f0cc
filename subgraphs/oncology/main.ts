import 'reflect-metadata';
import { runSubgraph } from '../../runtime/run-subgraph';
import { oncology } from './schema';

void runSubgraph(oncology);
