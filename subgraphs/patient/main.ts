import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { patient } from './schema';

void runSubgraph(patient);
