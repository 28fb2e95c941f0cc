import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { SourceAnalytics, PharmacyAnalyticsResolvers } from './analytics';
import { DispensationResolver } from './dispensation.resolver';
import { DispensationDepositResolver } from './dispensation.deposit';
import { Dispensation } from './dispensation.type';
import { DP_RETENTION, dispensations } from './dispensation.repo';
import { documentCapabilitiesResolver, documentHistoryResolver } from '../kit/documents/document-fields.resolver';
import { purgeResolver } from '../kit/purge/purge.resolver';
import { documentErasureResolver } from '../kit/documents/erase.resolver';

export const pharmacy: SubgraphDefinition = {
  name: 'pharmacy',
  port: portOf('pharmacy'),
  migrationsDir: projectPath('subgraphs', 'pharmacy', 'migrations'),
  resolvers: [
    DispensationResolver,
    DispensationDepositResolver,
    documentHistoryResolver(Dispensation, dispensations),
    documentCapabilitiesResolver(Dispensation, 'pharmacy'),
    purgeResolver('pharmacy'),
    documentErasureResolver('pharmacy', { table: 'dispensation', withContent: false }),
    ...PharmacyAnalyticsResolvers,
  ],
  orphanedTypes: [SourcePatient, SourceAnalytics],
  references: {
    Patient: (reference: PatientRef) => reference,
    Analytics: (reference: { id: string; grant?: string | null }) => reference,
  },
  retention: [{ table: 'dispensation', kept: DP_RETENTION }],
};
