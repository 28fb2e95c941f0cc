import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { hospital } from './schema';

void runSubgraph(hospital);
