import { SourcePatient } from './patient.type';
import { documentListResolver } from '../kit/documents/document-list.resolver';
import { HospitalReportConnection } from './hospital-report.type';
import { hospitalReports } from './hospital-report.repo';

export const HospitalReportResolver = documentListResolver(
  SourcePatient,
  'hospitalReports',
  HospitalReportConnection,
  hospitalReports,
  'Hospital reports, newest first.',
);
