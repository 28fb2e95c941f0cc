import { ANALYTICS_SUBJECT_COLUMNS } from '../../../domain/cohort';
import { analyticsSubjectRows } from '../analytics-subjects';
import { documentsOf } from '../../../domain/sources';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { DOCUMENT_COLUMNS } from '../../../subgraphs/kit/documents/document-repo';
import { documentRow } from '../document-rows';
import type { Scenario, ScenarioIndex } from '../scenario';
import { DCC_RECORD_COLUMNS } from '../../../subgraphs/oncology/dcc-record.repo';

/** Writes a validated scenario's DCC records into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, _now: Date): Promise<void> {
  const rows = (scenario.patients ?? []).flatMap((patient) =>
    (patient.oncologyRecords ?? []).map((doc, i) => [
      ...documentRow(documentsOf('oncology').idPrefix, patient, doc, i, index),
      doc.tumourSiteCode ?? null,
      doc.tumourSiteLabel ?? null,
      doc.meetingDate ?? null,
      doc.decision ?? null,
      doc.summary ?? null,
    ]),
  );
  await tx.copyRows('dcc_record', [...DOCUMENT_COLUMNS, ...DCC_RECORD_COLUMNS], rows);
  await tx.copyRows('analytics_subject', ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows(scenario));
}
