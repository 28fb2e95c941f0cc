import { SourcePatient } from './patient.type';
import { documentListResolver } from '../kit/documents/document-list.resolver';
import { DispensationConnection } from './dispensation.type';
import { dispensations } from './dispensation.repo';

export const DispensationResolver = documentListResolver(
  SourcePatient,
  'dispensations',
  DispensationConnection,
  dispensations,
  'Dispensations of the pharmaceutical dossier within its retention windows, newest first.',
);
