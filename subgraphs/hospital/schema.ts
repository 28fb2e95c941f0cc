import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { HospitalReportResolver } from './hospital-report.resolver';

export const hospital: SubgraphDefinition = {
  name: 'hospital',
  port: 4005,
  migrationsDir: projectPath('subgraphs', 'hospital', 'migrations'),
  resolvers: [HospitalReportResolver],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
