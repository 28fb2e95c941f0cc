import { createDocumentSource } from '../../runtime/documents/document-source';
import { documentMetadata, localDate, type DocumentRow } from '../../runtime/documents/document-repo';
import type { HospitalReport } from './hospital-report.type';

export const HOSPITAL_REPORT_COLUMNS = ['stay_start', 'stay_end', 'care_unit', 'summary'] as const;

export const hospitalReports = createDocumentSource<HospitalReport>(
  // The hospital record is kept 20 years.
  { table: 'hospital_report', retention: `effective_at > now() - interval '20 years'` },
  (row: DocumentRow) => ({
    ...documentMetadata(row),
    stayStart: localDate(row.stay_start),
    stayEnd: localDate(row.stay_end),
    careUnit: row.care_unit as string | null,
    summary: row.summary as string | null,
  }),
);
