import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { documentsOf } from '../../../domain/sources';
import { DOCUMENT_COLUMNS } from '../../../subgraphs/kit/documents/document-repo';
import { documentId, documentRow } from '../document-rows';
import type { Scenario, ScenarioIndex } from '../scenario';
import { PERSONAL_DOCUMENT_COLUMNS } from '../../../subgraphs/personal-space/personal-space.repo';

/** Writes a validated scenario's personal spaces into this subgraph's store. */
export async function ingest(tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, loadedAt: Date): Promise<void> {
  const patients = (scenario.patients ?? []).filter((p) => p.personalSpace);
  const each = <T>(
    pick: (s: NonNullable<(typeof patients)[number]['personalSpace']>) => T[] | undefined,
    prefix: string,
    row: (item: T, ins: string, id: string) => unknown[],
  ) =>
    patients.flatMap((p) =>
      (pick(p.personalSpace!) ?? []).map((item, i) => row(item, p.ins, documentId(prefix, p.ins, i))),
    );

  await tx.copyRows(
    'personal_document',
    [...DOCUMENT_COLUMNS, ...PERSONAL_DOCUMENT_COLUMNS],
    patients.flatMap((p) =>
      (p.personalSpace!.documents ?? []).map((doc, i) => [
        ...documentRow(documentsOf('personal-space').idPrefix, p, doc, i, index),
        doc.mimeType ?? 'text/plain',
        doc.body ?? null,
      ]),
    ),
  );
  await tx.copyRows(
    'allergy',
    ['id', 'patient_ins', 'substance', 'reaction', 'severity', 'recorded_at'],
    each(
      (s) => s.allergies,
      'alg',
      (a, ins, id) => [id, ins, a.substance, a.reaction ?? null, a.severity, a.recordedAt],
    ),
  );
  await tx.copyRows(
    'antecedent',
    ['id', 'patient_ins', 'kind', 'label', 'since_year', 'recorded_at'],
    each(
      (s) => s.antecedents,
      'atcd',
      (a, ins, id) => [id, ins, a.kind, a.label, a.sinceYear ?? null, a.recordedAt],
    ),
  );
  await tx.copyRows(
    'vaccination',
    ['id', 'patient_ins', 'vaccine', 'administered_on', 'lot', 'recorded_at'],
    each(
      (s) => s.vaccinations,
      'vacc',
      (v, ins, id) => [id, ins, v.vaccine, v.administeredOn, v.lot ?? null, v.recordedAt],
    ),
  );
  await tx.copyRows(
    'emergency_contact',
    ['id', 'patient_ins', 'name', 'relation', 'phone', 'is_trusted_person'],
    each(
      (s) => s.emergencyContacts,
      'ctc',
      (c, ins, id) => [id, ins, c.name, c.relation, c.phone, c.isTrustedPerson ?? false],
    ),
  );
  const now = loadedAt.toISOString();
  await tx.copyRows(
    'profile',
    ['patient_ins', 'organ_donation', 'updated_at'],
    patients.filter((p) => p.personalSpace!.organDonation).map((p) => [p.ins, p.personalSpace!.organDonation, now]),
  );
}
