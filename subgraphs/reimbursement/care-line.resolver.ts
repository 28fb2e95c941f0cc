import { SourcePatient } from './patient.type';
import { documentListResolver } from '../kit/documents/document-list.resolver';
import { CareLineConnection } from './care-line.type';
import { careLines } from './care-line.repo';

export const CareLineResolver = documentListResolver(
  SourcePatient,
  'careLines',
  CareLineConnection,
  careLines,
  'Reimbursed acts and drugs of the last 24 months, newest first.',
);
