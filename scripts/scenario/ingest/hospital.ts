import { ANALYTICS_SUBJECT_COLUMNS } from '../../../domain/cohort';
import { analyticsSubjectRows } from '../analytics-subjects';
import { documentsOf } from '../../../domain/sources';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { DOCUMENT_COLUMNS } from '../../../subgraphs/kit/documents/document-repo';
import { documentRow } from '../document-rows';
import type { Scenario, ScenarioIndex } from '../scenario';
import { HOSPITAL_REPORT_COLUMNS } from '../../../subgraphs/hospital/hospital-report.repo';

/** Writes a validated scenario's hospital reports into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, _now: Date): Promise<void> {
  const rows = (scenario.patients ?? []).flatMap((patient) =>
    (patient.hospitalReports ?? []).map((doc, i) => [
      ...documentRow(documentsOf('hospital').idPrefix, patient, doc, i, index),
      doc.stayStart ?? null,
      doc.stayEnd ?? null,
      doc.careUnit ?? null,
      doc.summary ?? null,
    ]),
  );
  await tx.copyRows('hospital_report', [...DOCUMENT_COLUMNS, ...HOSPITAL_REPORT_COLUMNS], rows);
  await tx.copyRows('analytics_subject', ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows(scenario));
}
