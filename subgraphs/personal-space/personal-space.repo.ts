import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, localDate, type DocumentRow } from '../kit/documents/document-repo';
import { rowsByPatient } from '../kit/documents/rows-by-patient';
import { perRequest } from '../../runtime/context';
import type { SubgraphContext } from '../kit/context';
import type {
  Allergy,
  Antecedent,
  ContactType,
  EmergencyContact,
  OrganDonationStatement,
  PersonalDocument,
  Vaccination,
} from './personal-space.type';
import { toPartialDate } from './partial-date';
import { ContactRelations, FamilyRelationships, VaccinationDoseKinds } from './entry-details';

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

export interface AllergyRow {
  id: string;
  substance: string;
  reaction: string | null;
  severity: Allergy['severity'];
  recorded_at: Date | string;
  comment?: string | null;
}
export interface AntecedentRow {
  id: string;
  kind: Antecedent['kind'];
  label: string;
  since_year: number | null;
  comment?: string | null;
  start_on?: string | null;
  end_on?: string | null;
  family_relationship?: string | null;
}
export interface VaccinationRow {
  id: string;
  vaccine: string;
  administered_on: unknown;
  lot: string | null;
  cip13?: string | null;
  dose_kind?: string | null;
  dose_number?: number | null;
  performer?: string | null;
  comment?: string | null;
}
export interface EmergencyContactRow {
  id: string;
  name: string;
  relation: string;
  phone: string;
  is_trusted_person: boolean;
  first_name?: string | null;
  last_name?: string | null;
  relation_code?: string | null;
  other_phone?: string | null;
  email?: string | null;
  street?: string | null;
  postal_code?: string | null;
  city?: string | null;
  country?: string | null;
  prefix?: string | null;
  contact_types?: ContactType[] | null;
}

/** Per-request loaders of the structured parts, one statement each for all patients of the request. */
export const personalSpaceLoaders = perRequest((ctx: SubgraphContext) => ({
  allergies: rowsByPatient<Row<AllergyRow>>(ctx.deps.store, 'allergy', 'recorded_at DESC, id'),
  // The most recent first (ISO 8601 text of reduced precision sorts in time order); undated ones last. A row
  // with only a year (before migration 006) starts in that year.
  antecedents: rowsByPatient<Row<AntecedentRow>>(
    ctx.deps.store,
    'antecedent',
    'COALESCE(start_on, since_year::text) DESC NULLS LAST, id',
  ),
  vaccinations: rowsByPatient<Row<VaccinationRow>>(ctx.deps.store, 'vaccination', 'administered_on DESC, id'),
  contacts: rowsByPatient<Row<EmergencyContactRow>>(ctx.deps.store, 'emergency_contact', 'is_trusted_person DESC, id'),
  profiles: rowsByPatient<Row<{ organ_donation: string; organ_donation_informed_at?: Date | null }>>(
    ctx.deps.store,
    'profile',
    'patient_ins',
  ),
}));

export const toAllergy = (r: AllergyRow): Allergy => ({
  id: r.id,
  substance: r.substance,
  reaction: r.reaction,
  severity: r.severity,
  // A row read back through to_jsonb (a treatment's links) carries its instant as text.
  recordedAt: new Date(r.recorded_at),
  comment: r.comment ?? null,
});
export const toAntecedent = (r: AntecedentRow): Antecedent => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  sinceYear: r.since_year,
  comment: r.comment ?? null,
  start: toPartialDate(r.start_on ?? (r.since_year == null ? null : String(r.since_year))),
  end: toPartialDate(r.end_on ?? null),
  familyRelationship: r.family_relationship ?? null,
  familyRelationshipLabel: FamilyRelationships.label(r.family_relationship ?? null),
});
export const toVaccination = (r: VaccinationRow): Vaccination => ({
  id: r.id,
  vaccine: r.vaccine,
  administeredOn: localDate(r.administered_on)!,
  lot: r.lot,
  cip13: r.cip13 ?? null,
  doseKind: r.dose_kind ?? null,
  doseKindLabel: VaccinationDoseKinds.label(r.dose_kind ?? null),
  doseNumber: r.dose_number ?? null,
  performer: r.performer ?? null,
  comment: r.comment ?? null,
});
/**
 * The roles of a contact: those stored, and TRUSTED_PERSON read from the one flag of the personne de confiance. A
 * contact left with no role (a personne de confiance replaced by another) stays someone to call, as before.
 */
export function contactTypes(stored: readonly ContactType[] | null | undefined, trusted: boolean): ContactType[] {
  const roles: ContactType[] = (stored ?? []).filter((t) => t !== 'TRUSTED_PERSON');
  if (trusted) roles.push('TRUSTED_PERSON');
  return roles.length > 0 ? roles : ['EMERGENCY_CONTACT'];
}

export const toOrganDonationStatement = (at: Date | null | undefined): OrganDonationStatement => ({
  informed: at != null,
  at: at ?? null,
});

export const toEmergencyContact = (r: EmergencyContactRow): EmergencyContact => ({
  id: r.id,
  name: r.name,
  relation: r.relation,
  phone: r.phone,
  isTrustedPerson: r.is_trusted_person,
  firstName: r.first_name ?? null,
  lastName: r.last_name ?? null,
  relationCode: r.relation_code ?? null,
  relationLabel: ContactRelations.label(r.relation_code ?? null),
  otherPhone: r.other_phone ?? null,
  email: r.email ?? null,
  prefix: r.prefix ?? null,
  types: contactTypes(r.contact_types, r.is_trusted_person),
  // No address at all is null, not an object of nulls.
  address:
    r.street || r.postal_code || r.city || r.country
      ? {
          street: r.street ?? null,
          postalCode: r.postal_code ?? null,
          city: r.city ?? null,
          country: r.country ?? null,
        }
      : null,
});
