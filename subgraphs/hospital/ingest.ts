import { ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows } from '../../scripts/scenario/analytics-subjects';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { DOCUMENT_COLUMNS } from '../../runtime/documents/document-repo';
import { documentRow } from '../../scripts/scenario/document-rows';
import type { Scenario, ScenarioIndex } from '../../scripts/scenario/scenario';
import { HOSPITAL_REPORT_COLUMNS } from './hospital-report.repo';

/** Writes a validated scenario's hospital reports into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, _now: Date): Promise<void> {
  const rows = (scenario.patients ?? []).flatMap((patient) => (patient.hospitalReports ?? []).map((doc, i) => [
    ...documentRow('hosp', patient, doc, i, index), doc.stayStart ?? null, doc.stayEnd ?? null, doc.careUnit ?? null, doc.summary ?? null,
  ]));
  await tx.copyRows('hospital_report', [...DOCUMENT_COLUMNS, ...HOSPITAL_REPORT_COLUMNS], rows);
  await tx.copyRows('analytics_subject', ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows(scenario));
}
