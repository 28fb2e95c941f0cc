import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, localDate, type DocumentRow } from '../kit/documents/document-repo';
import type { DccRecord } from './dcc-record.type';

export const DCC_RECORD_COLUMNS = [
  'tumour_site_code',
  'tumour_site_label',
  'meeting_date',
  'decision',
  'summary',
] as const;

export const dccRecords = createDocumentSource<DccRecord>({ table: 'dcc_record' }, (row: DocumentRow) => ({
  ...documentMetadata(row),
  tumourSiteCode: row.tumour_site_code as string | null,
  tumourSiteLabel: row.tumour_site_label as string | null,
  meetingDate: localDate(row.meeting_date),
  decision: row.decision as string | null,
  summary: row.summary as string | null,
}));
