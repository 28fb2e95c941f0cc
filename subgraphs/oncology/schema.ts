import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { SourceAnalytics, OncologyAnalyticsResolvers } from './analytics';
import { DccRecordResolver } from './dcc-record.resolver';
import { DccDepositResolver } from './dcc-record.deposit';
import { DccRecord } from './dcc-record.type';
import { dccRecords } from './dcc-record.repo';
import {
  documentContentResolver,
  documentCapabilitiesResolver,
  documentHistoryResolver,
} from '../kit/documents/document-fields.resolver';
import { purgeResolver } from '../kit/purge/purge.resolver';
import { documentErasureResolver } from '../kit/documents/erase.resolver';

export const oncology: SubgraphDefinition = {
  name: 'oncology',
  port: portOf('oncology'),
  migrationsDir: projectPath('subgraphs', 'oncology', 'migrations'),
  resolvers: [
    DccRecordResolver,
    DccDepositResolver,
    documentHistoryResolver(DccRecord, dccRecords),
    documentCapabilitiesResolver(DccRecord, 'oncology'),
    documentContentResolver(DccRecord),
    purgeResolver('oncology'),
    documentErasureResolver('oncology', { table: 'dcc_record', withContent: true }),
    ...OncologyAnalyticsResolvers,
  ],
  orphanedTypes: [SourcePatient, SourceAnalytics],
  references: {
    Patient: (reference: PatientRef) => reference,
    Analytics: (reference: { id: string; grant?: string | null }) => reference,
  },
};
