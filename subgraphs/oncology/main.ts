import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { oncology } from './schema';

void runSubgraph(oncology);
