import 'reflect-metadata';
import { runSubgraph } from '../kit/assemble';
import { personalSpace } from './schema';

void runSubgraph(personalSpace);
