import { ANALYTICS_SUBJECT_COLUMNS } from '../../../domain/cohort';
import { analyticsSubjectRows } from '../analytics-subjects';
import { documentsOf } from '../../../domain/sources';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { DOCUMENT_COLUMNS } from '../../../subgraphs/kit/documents/document-repo';
import { documentRow } from '../document-rows';
import type { Scenario, ScenarioIndex } from '../scenario';
import { DISPENSATION_COLUMNS } from '../../../subgraphs/pharmacy/dispensation.repo';

/** Writes a validated scenario's dispensations into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, _now: Date): Promise<void> {
  const rows = (scenario.patients ?? []).flatMap((patient) =>
    (patient.dispensations ?? []).map((doc, i) => [
      ...documentRow(documentsOf('pharmacy').idPrefix, patient, doc, i, index),
      doc.cip13,
      doc.atc,
      doc.productName,
      doc.productCategory,
      doc.quantity,
      doc.prescribed,
    ]),
  );
  await tx.copyRows('dispensation', [...DOCUMENT_COLUMNS, ...DISPENSATION_COLUMNS], rows);
  await tx.copyRows('analytics_subject', ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows(scenario));
}
