import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, localDate, type DocumentRow, type RetentionCondition } from '../kit/documents/document-repo';
import { retentionCutoff } from '../../policy/periods';
import type { HospitalReport } from './hospital-report.type';

/** R1112-7: the hospital record is kept 20 years (policy/periods.json). */
export const HOSPITAL_RETENTION: RetentionCondition = (now, add) =>
  `effective_at > ${add(retentionCutoff('hospital', now))}::timestamptz`;

export const HOSPITAL_REPORT_COLUMNS = ['stay_start', 'stay_end', 'care_unit', 'summary'] as const;

export const hospitalReports = createDocumentSource<HospitalReport>(
  { table: 'hospital_report', retention: HOSPITAL_RETENTION },
  (row: DocumentRow) => ({
    ...documentMetadata(row),
    stayStart: localDate(row.stay_start),
    stayEnd: localDate(row.stay_end),
    careUnit: row.care_unit as string | null,
    summary: row.summary as string | null,
  }),
);
