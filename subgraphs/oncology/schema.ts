import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { DccRecordResolver } from './dcc-record.resolver';

export const oncology: SubgraphDefinition = {
  name: 'oncology',
  port: 4004,
  migrationsDir: projectPath('subgraphs', 'oncology', 'migrations'),
  resolvers: [DccRecordResolver],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
