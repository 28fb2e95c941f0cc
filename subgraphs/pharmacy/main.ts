import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { pharmacy } from './schema';

void runSubgraph(pharmacy);
