import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { DispensationResolver } from './dispensation.resolver';

export const pharmacy: SubgraphDefinition = {
  name: 'pharmacy',
  port: 4003,
  migrationsDir: projectPath('subgraphs', 'pharmacy', 'migrations'),
  resolvers: [DispensationResolver],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
