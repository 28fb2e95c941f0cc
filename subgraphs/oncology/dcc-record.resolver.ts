import { SourcePatient } from './patient.type';
import { documentListResolver } from '../kit/documents/document-list.resolver';
import { DccRecordConnection } from './dcc-record.type';
import { dccRecords } from './dcc-record.repo';

export const DccRecordResolver = documentListResolver(
  SourcePatient,
  'oncologyRecords',
  DccRecordConnection,
  dccRecords,
  'Oncology DCC records, newest first.',
);
