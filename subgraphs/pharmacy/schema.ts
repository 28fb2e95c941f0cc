import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { SourceAnalytics, PharmacyAnalyticsResolvers } from './analytics';
import { DispensationResolver } from './dispensation.resolver';
import { DispensationDepositResolver } from './dispensation.deposit';
import { Dispensation } from './dispensation.type';
import { dispensations } from './dispensation.repo';
import { documentHistoryResolver } from '../../runtime/documents/document-fields.resolver';
import { purgeResolver } from '../../runtime/purge.resolver';

export const pharmacy: SubgraphDefinition = {
  name: 'pharmacy',
  port: 4003,
  migrationsDir: projectPath('subgraphs', 'pharmacy', 'migrations'),
  resolvers: [DispensationResolver, DispensationDepositResolver, documentHistoryResolver(Dispensation, dispensations), purgeResolver('pharmacy'), ...PharmacyAnalyticsResolvers],
  orphanedTypes: [SourcePatient, SourceAnalytics],
  references: { Patient: (reference: PatientRef) => reference, Analytics: (reference: { id: string; grant?: string | null }) => reference },
};
