import { ANALYTICS_SUBJECT_COLUMNS } from '../../../domain/cohort';
import { analyticsSubjectRows } from '../analytics-subjects';
import { documentsOf } from '../../../domain/sources';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { DOCUMENT_COLUMNS } from '../../../subgraphs/kit/documents/document-repo';
import { documentRow } from '../document-rows';
import type { Scenario, ScenarioIndex } from '../scenario';
import { CARE_LINE_COLUMNS } from '../../../subgraphs/reimbursement/care-line.repo';

/** Writes a validated scenario's reimbursement lines into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, _now: Date): Promise<void> {
  const person = (ref: { rpps: string } | null | undefined) =>
    ref ? (index.professionals.get(ref.rpps) ?? null) : null;
  // The name of an establishment the scenario states only by FINESS: the one its professionals work for.
  const knownNames = new Map<string, string>();
  for (const p of index.professionals.values())
    if (p.establishment) knownNames.set(p.establishment.finess, p.establishment.name);
  const rows = (scenario.patients ?? []).flatMap((patient) =>
    (patient.careLines ?? []).map((doc, i) => {
      const executor = person(doc.executor);
      const prescriber = person(doc.prescriber);
      return [
        ...documentRow(documentsOf('reimbursement').idPrefix, patient, doc, i, index),
        doc.actSystem,
        doc.actCode,
        doc.actLabel,
        doc.boxes ?? null,
        executor?.rpps ?? null,
        executor ? `${executor.firstName} ${executor.familyName}` : null,
        executor?.profession ?? null,
        executor?.specialty ?? null,
        prescriber?.rpps ?? null,
        prescriber ? `${prescriber.firstName} ${prescriber.familyName}` : null,
        prescriber?.profession ?? null,
        prescriber?.specialty ?? null,
        doc.amountCents,
        doc.reimbursedCents,
        doc.establishment?.finess ?? null,
        doc.establishment ? (doc.establishment.name ?? knownNames.get(doc.establishment.finess) ?? null) : null,
      ];
    }),
  );
  await tx.copyRows('care_line', [...DOCUMENT_COLUMNS, ...CARE_LINE_COLUMNS], rows);
  await tx.copyRows('analytics_subject', ANALYTICS_SUBJECT_COLUMNS, analyticsSubjectRows(scenario));
}
