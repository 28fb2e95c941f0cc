import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { CareLineResolver } from './care-line.resolver';

export const reimbursement: SubgraphDefinition = {
  name: 'reimbursement',
  port: 4002,
  migrationsDir: projectPath('subgraphs', 'reimbursement', 'migrations'),
  resolvers: [CareLineResolver],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
