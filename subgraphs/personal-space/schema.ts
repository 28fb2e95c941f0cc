import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { PersonalSpaceEntryResolver, PersonalSpaceResolver } from './personal-space.resolver';

export const personalSpace: SubgraphDefinition = {
  name: 'personal-space',
  port: 4006,
  migrationsDir: projectPath('subgraphs', 'personal-space', 'migrations'),
  resolvers: [PersonalSpaceEntryResolver, PersonalSpaceResolver],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
