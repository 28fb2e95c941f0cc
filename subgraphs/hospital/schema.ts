import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { SourceAnalytics, HospitalAnalyticsResolvers } from './analytics';
import { HospitalReportResolver } from './hospital-report.resolver';
import { HospitalDepositResolver } from './hospital-report.deposit';
import { HospitalReport } from './hospital-report.type';
import { HOSPITAL_RETENTION, hospitalReports } from './hospital-report.repo';
import {
  documentContentResolver,
  documentCapabilitiesResolver,
  documentHistoryResolver,
} from '../kit/documents/document-fields.resolver';
import { purgeResolver } from '../kit/purge/purge.resolver';
import { documentErasureResolver } from '../kit/documents/erase.resolver';

export const hospital: SubgraphDefinition = {
  name: 'hospital',
  port: portOf('hospital'),
  migrationsDir: projectPath('subgraphs', 'hospital', 'migrations'),
  resolvers: [
    HospitalReportResolver,
    HospitalDepositResolver,
    documentHistoryResolver(HospitalReport, hospitalReports),
    documentCapabilitiesResolver(HospitalReport, 'hospital'),
    documentContentResolver(HospitalReport),
    purgeResolver('hospital'),
    documentErasureResolver('hospital', { table: 'hospital_report', withContent: true }),
    ...HospitalAnalyticsResolvers,
  ],
  orphanedTypes: [SourcePatient, SourceAnalytics],
  references: {
    Patient: (reference: PatientRef) => reference,
    Analytics: (reference: { id: string; grant?: string | null }) => reference,
  },
  retention: [{ table: 'hospital_report', kept: HOSPITAL_RETENTION, withContent: true }],
};
