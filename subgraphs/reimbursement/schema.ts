import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { SourceAnalytics, ReimbursementAnalyticsResolvers } from './analytics';
import { CareLineResolver } from './care-line.resolver';
import { CareLineDepositResolver } from './care-line.deposit';
import { HealthTimelineResolver } from './health-timeline.resolver';
import { CareLine } from './care-line.type';
import { CARE_LINE_RETENTION, careLines } from './care-line.repo';
import { documentCapabilitiesResolver, documentHistoryResolver } from '../kit/documents/document-fields.resolver';
import { purgeResolver } from '../kit/purge/purge.resolver';
import { documentErasureResolver } from '../kit/documents/erase.resolver';

export const reimbursement: SubgraphDefinition = {
  name: 'reimbursement',
  port: portOf('reimbursement'),
  migrationsDir: projectPath('subgraphs', 'reimbursement', 'migrations'),
  resolvers: [
    CareLineResolver,
    CareLineDepositResolver,
    HealthTimelineResolver,
    documentHistoryResolver(CareLine, careLines),
    documentCapabilitiesResolver(CareLine, 'reimbursement'),
    purgeResolver('reimbursement'),
    documentErasureResolver('reimbursement', { table: 'care_line', withContent: false }),
    ...ReimbursementAnalyticsResolvers,
  ],
  orphanedTypes: [SourcePatient, SourceAnalytics],
  references: {
    Patient: (reference: PatientRef) => reference,
    Analytics: (reference: { id: string; grant?: string | null }) => reference,
  },
  retention: [{ table: 'care_line', kept: CARE_LINE_RETENTION }],
};
