import { documentIdsArgument, removeEntryLinks, replaceDocumentLinks } from './entry-documents';
import { randomUUID } from 'node:crypto';
import { HEALTH_PROFILE, writeSpace } from './health-profile-write';
import { deleteOwnLineages, writeOwnDocuments } from './personal-documents.own';
import { documentsOf } from '../../domain/sources';
import { DOCUMENT_MIME_TYPES, FORMATS, hasFormat } from '../../domain/formats';
import { takeUpload } from './uploads';
import { parisYear } from '../../domain/calendar';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { idArgument } from '../../runtime/arguments';
import { DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { deposit, optionalText, pastDay, requiredText, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { LocalDate } from '../../schema/scalars';
import {
  Allergy,
  AntecedentKindEnum,
  Antecedent,
  ContactTypeEnum,
  EmergencyContact,
  OrganDonationEnum,
  OrganDonationStatement,
  type ContactType,
  SeverityEnum,
  Vaccination,
} from './personal-space.type';
import {
  toAllergy,
  toAntecedent,
  toEmergencyContact,
  toOrganDonationStatement,
  toVaccination,
} from './personal-space.repo';
import { PARTIAL_DATE_INPUT, endsAfter, partialDateArgument } from './partial-date';
import { ContactRelations, FamilyRelationships, VaccinationDoseKinds } from './entry-details';
import { replaceTreatmentLinks, treatmentIdsArgument } from './entry-links.resolver';

@InputType({
  description:
    'A note or document of the patient (DOCPAT*, EXPPAT_*: directives anticipées are EXPPAT_3). `replaces` edits one.',
})
export class PersonalDocumentWrite extends DocumentDepositFields {
  @Field(() => String, { nullable: true, description: 'The text of a note (at most 100,000 characters).' }) body?:
    string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'A file uploaded beforehand (requestPersonalDocumentUpload, then PUT /uploads/<ticket>), instead of inline content: up to 5 MiB.',
  })
  uploadId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The folder the document goes in (DocumentFolder.id); omitted, it stays where it was, or in none.',
  })
  folderId?: string | null;
}

const PERSONAL_DOCUMENTS: DepositSpec<PersonalDocumentWrite> = {
  source: 'personal-space',
  table: 'personal_document',
  idPrefix: documentsOf('personal-space').idPrefix,
  // The patient's side adds photos, scans and RTF letters from a phone (migration 008).
  contentTypes: DOCUMENT_MIME_TYPES,
  columns: (input) => {
    const body = optionalText('input.body', input.body, 100_000);
    if (input.uploadId != null) idArgument(input.uploadId, 'input.uploadId', 'an upload id');
    if (input.folderId != null) idArgument(input.folderId, 'input.folderId', 'a folder id');
    if (input.content && input.uploadId != null)
      throw badInput('input.uploadId', 'a file comes inline (input.content) or uploaded (input.uploadId), not both');
    if (!body && !input.content && input.uploadId == null)
      throw badInput('input.body', 'a note has a text, or a document a file (input.content or input.uploadId)');
    return { body, mime_type: input.content?.mimeType ?? 'text/plain' };
  },
  stagedContent: (tx, ctx, input, ins) =>
    input.uploadId == null ? Promise.resolve(null) : takeUpload(tx, ctx, input.uploadId, ins),
  // A folder at creation (the app's post_document): the lineage's, so it follows the document across versions.
  alsoWrite: async (tx, _ctx, input, { lineage, ins }) => {
    if (input.folderId == null) return;
    const [folder] = await tx.query<{ id: string }>(
      'SELECT id FROM document_folder WHERE id = $1 AND patient_ins = $2',
      [input.folderId, ins],
    );
    if (!folder) throw badInput('input.folderId', 'no such folder in this personal space');
    await tx.query(
      `INSERT INTO personal_document_organisation (lineage_id, patient_ins, folder_id) VALUES ($1, $2, $3)
       ON CONFLICT (lineage_id) DO UPDATE SET folder_id = EXCLUDED.folder_id`,
      [lineage, ins, folder.id],
    );
  },
};

/** Said once for the treatments an entry is written with. */
const TREATMENT_LINKS =
  'Treatments of this patient linked to the entry: they replace its links. Omitted, the links stay as they are; an empty list removes them.';
const COMMENT = "The patient's comment, in their words (at most 1,000 characters).";

@InputType({ description: 'An allergy. With `id`, every field is replaced by what is given (links aside).' })
export class AllergyInput {
  @Field(() => String, { description: 'What the patient is allergic to, in words (1 to 200 characters).' })
  substance!: string;
  @Field(() => String, { nullable: true, description: 'What happens to them, in words (at most 500 characters).' })
  reaction?: string | null;
  @Field(() => SeverityEnum, { description: 'How severe they say it is; UNKNOWN when they do not know.' })
  severity!: keyof typeof SeverityEnum;
  @Field(() => String, { nullable: true, description: COMMENT }) comment?: string | null;
  @Field(() => [ID], { nullable: true, description: TREATMENT_LINKS }) treatmentIds?: string[] | null;
}
@InputType({ description: 'An antecedent. With `id`, every field is replaced by what is given (links aside).' })
export class AntecedentInput {
  @Field(() => AntecedentKindEnum, { description: 'Medical, surgical, or of a relative (FAMILY).' })
  kind!: keyof typeof AntecedentKindEnum;
  @Field(() => String, { description: 'The disease or operation, in words (1 to 300 characters).' }) label!: string;
  @Field(() => Int, { nullable: true, description: 'The year it began; `start` says more, and wins.' })
  sinceYear?: number | null;
  @Field(() => String, { nullable: true, description: COMMENT }) comment?: string | null;
  @Field(() => String, { nullable: true, description: `When it began or was diagnosed. ${PARTIAL_DATE_INPUT}` })
  start?: string | null;
  @Field(() => String, { nullable: true, description: `When it ended, if it did. ${PARTIAL_DATE_INPUT}` })
  end?: string | null;
  @Field(() => FamilyRelationships.values, {
    nullable: true,
    description: 'Which relative a FAMILY antecedent concerns (refused for another kind).',
  })
  familyRelationship?: string | null;
  @Field(() => [ID], { nullable: true, description: TREATMENT_LINKS }) treatmentIds?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Documents of the personal space this entry refers to; replaces its links, and null leaves them.',
  })
  documentIds?: string[] | null;
}
@InputType({ description: 'A vaccination. With `id`, every field is replaced by what is given.' })
export class VaccinationInput {
  @Field(() => String, { description: 'The vaccine, as the box or the carnet names it.' }) vaccine!: string;
  @Field(() => LocalDate, { description: 'The day it was given; not in the future.' }) administeredOn!: string;
  @Field(() => String, { nullable: true, description: 'The batch number (numéro de lot, at most 50 characters).' })
  lot?: string | null;
  @Field(() => String, { nullable: true, description: 'The presentation code (CIP13, 13 digits from 34009).' })
  cip13?: string | null;
  @Field(() => VaccinationDoseKinds.values, {
    nullable: true,
    description: 'First series, booster or not said (HL7 v3 ActSubstanceAdministrationCode).',
  })
  doseKind?: string | null;
  @Field(() => Int, { nullable: true, description: 'The rank of the dose in its series or of the booster, 1 to 20.' })
  doseNumber?: number | null;
  @Field(() => String, { nullable: true, description: 'Who vaccinated (a name, at most 200 characters).' })
  performer?: string | null;
  @Field(() => String, { nullable: true, description: COMMENT }) comment?: string | null;
}
@InputType({ description: 'A postal address; every part is optional.' })
export class PostalAddressInput {
  @Field(() => String, { nullable: true, description: 'Number and street.' }) street?: string | null;
  @Field(() => String, { nullable: true, description: 'Five digits in France.' }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The town (commune), at most 100 characters.' })
  city?: string | null;
  @Field(() => String, { nullable: true, description: 'Omitted in France.' }) country?: string | null;
}
@InputType({
  description:
    'A person of the entourage. Naming a personne de confiance (L1111-6) takes the role from the previous one. With `id`, every field is replaced by what is given.',
})
export class EmergencyContactInput {
  @Field(() => String, { nullable: true, description: 'The full name; made of `firstName` and `lastName` if omitted.' })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who they are to the patient, in words; the label of `relationCode` if omitted.',
  })
  relation?: string | null;
  @Field(() => String, { description: 'International or French number.' }) phone!: string;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'They are the personne de confiance (CSP L1111-6); true takes the role from the previous one. Must agree with `types`.',
  })
  isTrustedPerson?: boolean | null;
  @Field(() => String, { nullable: true, description: 'First name, at most 100 characters.' })
  firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'Last name, at most 100 characters.' })
  lastName?: string | null;
  @Field(() => ContactRelations.values, { nullable: true, description: 'Who they are to the patient, coded.' })
  relationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A second number (a landline).' }) otherPhone?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'An e-mail address, at most 254 characters; nothing is sent to it.',
  })
  email?: string | null;
  @Field(() => PostalAddressInput, { nullable: true, description: 'Where they live.' })
  address?: PostalAddressInput | null;
  @Field(() => String, {
    nullable: true,
    description: 'The name prefix (civilité: Madame, Monsieur…), at most 20 characters.',
  })
  prefix?: string | null;
  @Field(() => [ContactTypeEnum], {
    nullable: true,
    description:
      'The roles this person holds, at least one; TRUSTED_PERSON is `isTrustedPerson`. Omitted, an emergency contact (and the personne de confiance if `isTrustedPerson`).',
  })
  types?: ContactType[] | null;
}

@InputType({ description: "The patient's statement about the rules on organ donation." })
export class OrganDonationInformedInput {
  @Field(() => Boolean, {
    description: 'True: the patient states they have read the rules on organ donation; false withdraws it.',
  })
  informed!: boolean;
}

/** A contact's e-mail address: one @, a domain with a dot, no spaces; the mail itself is never sent from here. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** A French postal code has five digits; abroad, letters, digits, spaces and hyphens. */
const FRENCH_POSTAL_CODE = /^\d{5}$/;
const FOREIGN_POSTAL_CODE = /^[A-Za-z0-9 -]{2,12}$/;
const MAX_DOSE_NUMBER = 20;

export const PersonalEntryKindEnum = {
  ALLERGY: 'allergy',
  ANTECEDENT: 'antecedent',
  VACCINATION: 'vaccination',
  EMERGENCY_CONTACT: 'emergency_contact',
} as const;
registerEnumType(PersonalEntryKindEnum, {
  name: 'PersonalEntryKind',
  description: 'A part of the personal space made of entries.',
  valuesConfig: {
    ALLERGY: { description: 'An allergy (PersonalSpace.allergies).' },
    ANTECEDENT: { description: 'An antecedent (PersonalSpace.antecedents).' },
    VACCINATION: { description: 'A vaccination (PersonalSpace.vaccinations).' },
    EMERGENCY_CONTACT: { description: 'A person of the entourage (PersonalSpace.entourage).' },
  },
});

/** The DMP type that carries each part (as in policy/field-rules.json): the permit is asked for it. */
const WISHES = 'EXPPAT_1';
const CARRIED_BY: Record<string, string> = {
  allergy: HEALTH_PROFILE,
  antecedent: HEALTH_PROFILE,
  vaccination: HEALTH_PROFILE,
  emergency_contact: WISHES,
};

/**
 * One write of the patient's side into their space: the registry's permit (their own, active record), then
 * `apply` in one transaction, traced. Bad input is refused before anything is asked.
 */
/** The id of an entry to update in place, checked; null to record a new one. */
function entryArgument(entryId: string | null | undefined): string | null {
  return entryId == null ? null : idArgument(entryId, 'id', 'an entry id');
}

/**
 * The columns of a contact, checked before anything is asked: a name (given whole, or made of its parts), a
 * relation (in words, or the label of its code), the numbers, the e-mail and the address.
 */
function contactColumns(input: EmergencyContactInput) {
  const first_name = optionalText('input.firstName', input.firstName, 100);
  const last_name = optionalText('input.lastName', input.lastName, 100);
  const parts = [first_name, last_name].filter((p): p is string => p !== null).join(' ');
  const name = optionalText('input.name', input.name, 200) ?? (parts || null);
  if (name === null) throw badInput('input.name', 'is required (or input.firstName and input.lastName)');
  const relation_code = input.relationCode ?? null;
  const relation = optionalText('input.relation', input.relation, 100) ?? ContactRelations.label(relation_code);
  if (relation === null) throw badInput('input.relation', 'is required (or input.relationCode)');
  if (!hasFormat('phone', input.phone)) throw badInput('input.phone', FORMATS.phone.rule);
  const other_phone = optionalText('input.otherPhone', input.otherPhone, 20);
  if (other_phone !== null && !hasFormat('phone', other_phone)) throw badInput('input.otherPhone', FORMATS.phone.rule);
  const email = optionalText('input.email', input.email, 254);
  if (email !== null && !EMAIL.test(email)) throw badInput('input.email', 'must be an e-mail address');
  const street = optionalText('input.address.street', input.address?.street, 200);
  const city = optionalText('input.address.city', input.address?.city, 100);
  const country = optionalText('input.address.country', input.address?.country, 100);
  const postal_code = optionalText('input.address.postalCode', input.address?.postalCode, 12);
  if (postal_code !== null && !(country === null ? FRENCH_POSTAL_CODE : FOREIGN_POSTAL_CODE).test(postal_code))
    throw badInput(
      'input.address.postalCode',
      country === null ? 'must be five digits in France' : 'not a postal code',
    );
  const prefix = optionalText('input.prefix', input.prefix, 20);
  // Column names are these constants, never the caller's text.
  return {
    prefix,
    name,
    relation,
    phone: input.phone,
    first_name,
    last_name,
    relation_code,
    other_phone,
    email,
    street,
    postal_code,
    city,
    country,
  };
}

/**
 * The roles of a contact: the list given (at least one, each once), or the older flag alone. TRUSTED_PERSON and
 * `isTrustedPerson` are one fact, so a true flag needs the role; it is stored in the flag, the other roles in the list.
 */
function contactRoles(input: EmergencyContactInput): { trusted: boolean; types: ContactType[] } {
  if (input.types == null) return { trusted: input.isTrustedPerson ?? false, types: ['EMERGENCY_CONTACT'] };
  if (input.types.length === 0) throw badInput('input.types', 'names at least one role');
  if (new Set(input.types).size !== input.types.length) throw badInput('input.types', 'names each role once');
  const trusted = input.types.includes('TRUSTED_PERSON');
  // The flag defaults to false, so only a true one can disagree with the list.
  if (input.isTrustedPerson === true && !trusted)
    throw badInput('input.isTrustedPerson', 'must agree with TRUSTED_PERSON in input.types');
  return { trusted, types: input.types.filter((t) => t !== 'TRUSTED_PERSON') };
}

@Resolver()
export class PersonalSpaceWritesResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description:
      'The patient (or a legal representative) writes a note or uploads a document; with `replaces`, edits one of theirs (the old version stays as history).',
  })
  writePersonalDocument(
    @Arg('input', () => PersonalDocumentWrite, {
      description: 'The note or document, its type and title, and the version it replaces, if any.',
    })
    input: PersonalDocumentWrite,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepositReceipt> {
    return deposit(ctx, PERSONAL_DOCUMENTS, input);
  }

  @Mutation(() => ID, {
    nullable: true,
    description:
      "Deletes one of the patient's own documents, every version and file of it. What a professional wrote is not deleted here: see requestDocumentDeletion.",
  })
  async deletePersonalDocument(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('documentId', () => ID, {
      description: "A current document of the patient's own (PersonalDocument.id); every version of it goes.",
    })
    documentId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(documentId, 'documentId');
    // The same path as the bulk deletion: the permit first (nobody learns whether a document exists in a space
    // they may not write), then the registry's read grant decides which documents may be named, so a legal
    // representative cannot reach a minor's secret (L1111-5), and gets the answer absence gets.
    return writeOwnDocuments(
      ctx,
      ins,
      [documentId],
      'documentId',
      'delete-own-documents',
      async ({ tx, ins: patient, documents }) => {
        await deleteOwnLineages(
          tx,
          patient,
          documents.map((d) => d.lineage),
        );
        return documentId;
      },
      { permitType: WISHES },
    );
  }

  @Mutation(() => Allergy, { nullable: true, description: 'Records an allergy, or with `id` updates it in place.' })
  recordAllergy(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => AllergyInput, { description: 'The allergy.' }) input: AllergyInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Allergy> {
    const substance = requiredText('input.substance', input.substance, 200);
    const reaction = optionalText('input.reaction', input.reaction, 500);
    const comment = optionalText('input.comment', input.comment, 1000);
    const treatmentIds = treatmentIdsArgument('input.treatmentIds', input.treatmentIds);
    const existing = entryArgument(entryId);
    return writeSpace(ctx, ins, HEALTH_PROFILE, 'allergies', async (tx, id) => {
      const [row] = existing
        ? await tx.query<any>(
            'UPDATE allergy SET substance = $3, reaction = $4, severity = $5, recorded_at = $6, comment = $7 WHERE id = $1 AND patient_ins = $2 RETURNING *',
            [existing, id, substance, reaction, input.severity, ctx.now, comment],
          )
        : await tx.query<any>(
            'INSERT INTO allergy (id, patient_ins, substance, reaction, severity, recorded_at, comment) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
            [`alg-${randomUUID()}`, id, substance, reaction, input.severity, ctx.now, comment],
          );
      if (!row) throw badInput('id', 'no such allergy in this personal space');
      await replaceTreatmentLinks(tx, 'allergy', id, row.id, treatmentIds, 'input.treatmentIds');
      return toAllergy(row);
    });
  }

  @Mutation(() => Antecedent, {
    nullable: true,
    description: 'Records an antecedent, or with `id` updates it in place.',
  })
  recordAntecedent(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => AntecedentInput, { description: 'The antecedent.' }) input: AntecedentInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Antecedent> {
    const existing = entryArgument(entryId);
    const label = requiredText('input.label', input.label, 300);
    if (
      input.sinceYear != null &&
      (!Number.isInteger(input.sinceYear) || input.sinceYear < 1900 || input.sinceYear > parisYear(ctx.now))
    )
      throw badInput('input.sinceYear', 'must be a past year after 1900');
    const comment = optionalText('input.comment', input.comment, 1000);
    // A year alone is the partial date of that year: sinceYear stays the year of `start`, one fact.
    const start =
      partialDateArgument('input.start', input.start, ctx.now) ??
      (input.sinceYear != null ? String(input.sinceYear) : null);
    if (input.sinceYear != null && start !== null && Number(start.slice(0, 4)) !== input.sinceYear)
      throw badInput('input.sinceYear', 'must be the year of input.start');
    const end = partialDateArgument('input.end', input.end, ctx.now);
    if (!endsAfter(start, end)) throw badInput('input.end', 'must not be before the start');
    const relationship = input.familyRelationship ?? null;
    if (relationship !== null && input.kind !== 'FAMILY')
      throw badInput('input.familyRelationship', 'only a FAMILY antecedent concerns a relative');
    const treatmentIds = treatmentIdsArgument('input.treatmentIds', input.treatmentIds);
    const sinceYear = start === null ? null : Number(start.slice(0, 4));
    const documentIds = documentIdsArgument('input.documentIds', input.documentIds);
    return writeSpace(ctx, ins, HEALTH_PROFILE, 'antecedents', async (tx, id, writer) => {
      const values = [input.kind, label, sinceYear, ctx.now, comment, start, end, relationship];
      const [row] = existing
        ? await tx.query<any>(
            `UPDATE antecedent SET kind = $3, label = $4, since_year = $5, recorded_at = $6, comment = $7, start_on = $8,
                    end_on = $9, family_relationship = $10
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, id, ...values],
          )
        : await tx.query<any>(
            `INSERT INTO antecedent (id, patient_ins, kind, label, since_year, recorded_at, comment, start_on, end_on, family_relationship)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
            [`atcd-${randomUUID()}`, id, ...values],
          );
      if (!row) throw badInput('id', 'no such antecedent in this personal space');
      await replaceDocumentLinks(tx, writer, ctx.now, 'ANTECEDENT', id, row.id, documentIds, 'input.documentIds');
      await replaceTreatmentLinks(tx, 'antecedent', id, row.id, treatmentIds, 'input.treatmentIds');
      return toAntecedent(row);
    });
  }

  @Mutation(() => Vaccination, {
    nullable: true,
    description: 'Records a vaccination, or with `id` updates it in place.',
  })
  recordVaccination(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => VaccinationInput, { description: 'The vaccination.' }) input: VaccinationInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Vaccination> {
    const existing = entryArgument(entryId);
    const vaccine = requiredText('input.vaccine', input.vaccine, 200);
    const on = pastDay('input.administeredOn', input.administeredOn, ctx.now)!;
    const lot = optionalText('input.lot', input.lot, 50);
    const cip13 = optionalText('input.cip13', input.cip13, 13);
    if (cip13 !== null && !hasFormat('cip13', cip13)) throw badInput('input.cip13', FORMATS.cip13.rule);
    const doseNumber = input.doseNumber ?? null;
    if (doseNumber !== null && (!Number.isInteger(doseNumber) || doseNumber < 1 || doseNumber > MAX_DOSE_NUMBER))
      throw badInput('input.doseNumber', `must be from 1 to ${MAX_DOSE_NUMBER}`);
    const performer = optionalText('input.performer', input.performer, 200);
    const comment = optionalText('input.comment', input.comment, 1000);
    return writeSpace(ctx, ins, HEALTH_PROFILE, 'vaccinations', async (tx, id) => {
      const values = [vaccine, on, lot, ctx.now, cip13, input.doseKind ?? null, doseNumber, performer, comment];
      const [row] = existing
        ? await tx.query<any>(
            `UPDATE vaccination SET vaccine = $3, administered_on = $4, lot = $5, recorded_at = $6, cip13 = $7, dose_kind = $8,
                    dose_number = $9, performer = $10, comment = $11
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, id, ...values],
          )
        : await tx.query<any>(
            `INSERT INTO vaccination (id, patient_ins, vaccine, administered_on, lot, recorded_at, cip13, dose_kind, dose_number, performer, comment)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
            [`vacc-${randomUUID()}`, id, ...values],
          );
      if (!row) throw badInput('id', 'no such vaccination in this personal space');
      return toVaccination(row);
    });
  }

  @Mutation(() => EmergencyContact, {
    nullable: true,
    description:
      'Records a person of the entourage with their roles (emergency contact, personne de confiance, caregiver, person helped), or with `id` updates them in place.',
  })
  recordEmergencyContact(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => EmergencyContactInput, { description: 'The person and their roles.' })
    input: EmergencyContactInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmergencyContact> {
    const existing = entryArgument(entryId);
    const contact = contactColumns(input);
    const { trusted, types } = contactRoles(input);
    return writeSpace(ctx, ins, WISHES, 'emergencyContacts', async (tx, id) => {
      // One personne de confiance at a time (L1111-6).
      if (trusted)
        await tx.query('UPDATE emergency_contact SET is_trusted_person = false WHERE patient_ins = $1', [id]);
      const columns = [...Object.keys(contact), 'contact_types'];
      const values = [trusted, ...Object.values(contact), types];
      const [row] = existing
        ? await tx.query<any>(
            `UPDATE emergency_contact SET is_trusted_person = $3, ${columns.map((c, i) => `${c} = $${i + 4}`).join(', ')}
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, id, ...values],
          )
        : await tx.query<any>(
            `INSERT INTO emergency_contact (id, patient_ins, is_trusted_person, ${columns.join(', ')})
             VALUES ($1, $2, $3, ${columns.map((_c, i) => `$${i + 4}`).join(', ')}) RETURNING *`,
            [`ctc-${randomUUID()}`, id, ...values],
          );
      if (!row) throw badInput('id', 'no such emergency contact in this personal space');
      return toEmergencyContact(row);
    });
  }

  @Mutation(() => OrganDonationStatement, {
    nullable: true,
    description:
      'The patient states they have read the rules on organ donation (or withdraws it); the statement is dated by the clock.',
  })
  setOrganDonationInformed(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => OrganDonationInformedInput, { description: 'Whether the patient states they are informed.' })
    input: OrganDonationInformedInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OrganDonationStatement> {
    const at = input.informed ? ctx.now : null;
    return writeSpace(ctx, ins, WISHES, 'organDonationStatement', async (tx, id) => {
      await tx.query(
        `INSERT INTO profile (patient_ins, organ_donation_informed_at, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (patient_ins) DO UPDATE SET organ_donation_informed_at = EXCLUDED.organ_donation_informed_at,
                                                 updated_at = EXCLUDED.updated_at`,
        [id, at, ctx.now],
      );
      return toOrganDonationStatement(at);
    });
  }

  @Mutation(() => OrganDonationEnum, {
    nullable: true,
    description: 'States the organ-donation stance (the national refusal register stays authoritative).',
    deprecationReason:
      "The app asks no stance: objecting is the national refusal register's. Use setOrganDonationInformed.",
  })
  setOrganDonation(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('stance', () => OrganDonationEnum, { description: 'The stance to state.' }) stance: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    return writeSpace(ctx, ins, WISHES, 'organDonation', async (tx, id) => {
      await tx.query(
        `INSERT INTO profile (patient_ins, organ_donation, updated_at) VALUES ($1, $2, $3)
                      ON CONFLICT (patient_ins) DO UPDATE SET organ_donation = EXCLUDED.organ_donation, updated_at = EXCLUDED.updated_at`,
        [id, stance, ctx.now],
      );
      return stance;
    });
  }

  @Mutation(() => ID, {
    nullable: true,
    description: 'Removes an allergy, antecedent, vaccination or contact the patient recorded.',
  })
  removePersonalEntry(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('kind', () => PersonalEntryKindEnum, { description: 'Which part the entry belongs to.' }) table: string,
    @Arg('id', () => ID, { description: 'The entry to remove (its id in that part).' }) entryId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(entryId, 'id', 'an entry id');
    return writeSpace(ctx, ins, CARRIED_BY[table], `remove:${table}`, async (tx, id) => {
      // `table` comes from the enum's values, never from the caller's text.
      const gone = await tx.query(`DELETE FROM ${table} WHERE id = $1 AND patient_ins = $2 RETURNING id`, [
        entryId,
        id,
      ]);
      if (gone.length === 0) throw badInput('id', `no such ${table.replace('_', ' ')} in this personal space`);
      await removeEntryLinks(tx, id, entryId);
      return entryId;
    });
  }
}
