import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, localDate, type DocumentRow } from '../kit/documents/document-repo';
import { rowsByPatient } from '../kit/documents/rows-by-patient';
import { perRequest } from '../../runtime/context';
import type { SubgraphContext } from '../kit/context';
import type { Allergy, Antecedent, EmergencyContact, PersonalDocument, Vaccination } from './personal-space.type';

export const PERSONAL_DOCUMENT_COLUMNS = ['mime_type', 'body'] as const;

export const personalDocuments = createDocumentSource<PersonalDocument>(
  { table: 'personal_document' },
  (row: DocumentRow) => ({
    ...documentMetadata(row),
    mimeType: row.mime_type as string,
    body: row.body as string | null,
  }),
);

type Row<T> = T & { patient_ins: string };

/** Per-request loaders of the structured parts, one statement each for all patients of the request. */
export const personalSpaceLoaders = perRequest((ctx: SubgraphContext) => ({
  allergies: rowsByPatient<
    Row<{ id: string; substance: string; reaction: string | null; severity: Allergy['severity']; recorded_at: Date }>
  >(ctx.deps.store, 'allergy', 'recorded_at DESC, id'),
  antecedents: rowsByPatient<Row<{ id: string; kind: Antecedent['kind']; label: string; since_year: number | null }>>(
    ctx.deps.store,
    'antecedent',
    'since_year DESC NULLS LAST, id',
  ),
  vaccinations: rowsByPatient<Row<{ id: string; vaccine: string; administered_on: unknown; lot: string | null }>>(
    ctx.deps.store,
    'vaccination',
    'administered_on DESC, id',
  ),
  contacts: rowsByPatient<Row<EmergencyContact & { is_trusted_person: boolean }>>(
    ctx.deps.store,
    'emergency_contact',
    'is_trusted_person DESC, id',
  ),
  profiles: rowsByPatient<Row<{ organ_donation: string }>>(ctx.deps.store, 'profile', 'patient_ins'),
}));

export const toAllergy = (r: {
  id: string;
  substance: string;
  reaction: string | null;
  severity: Allergy['severity'];
  recorded_at: Date;
}): Allergy => ({
  id: r.id,
  substance: r.substance,
  reaction: r.reaction,
  severity: r.severity,
  recordedAt: r.recorded_at,
});
export const toAntecedent = (r: {
  id: string;
  kind: Antecedent['kind'];
  label: string;
  since_year: number | null;
}): Antecedent => ({ id: r.id, kind: r.kind, label: r.label, sinceYear: r.since_year });
export const toVaccination = (r: {
  id: string;
  vaccine: string;
  administered_on: unknown;
  lot: string | null;
}): Vaccination => ({ id: r.id, vaccine: r.vaccine, administeredOn: localDate(r.administered_on)!, lot: r.lot });
