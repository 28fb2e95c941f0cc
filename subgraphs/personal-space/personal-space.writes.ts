import { randomUUID } from 'node:crypto';
import { documentsOf } from '../../domain/sources';
import { FORMATS, hasFormat } from '../../domain/formats';
import { parisYear } from '../../domain/calendar';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { idArgument, insArgument } from '../../runtime/arguments';
import { DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { deposit, optionalText, pastDay, permitFor, requiredText, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { LocalDate } from '../../schema/scalars';
import {
  Allergy,
  AntecedentKindEnum,
  Antecedent,
  EmergencyContact,
  OrganDonationEnum,
  SeverityEnum,
  Vaccination,
} from './personal-space.type';
import { toAllergy, toAntecedent, toVaccination } from './personal-space.repo';

@InputType({
  description:
    'A note or document of the patient (DOCPAT*, EXPPAT_*: directives anticipées are EXPPAT_3). `replaces` edits one.',
})
export class PersonalDocumentWrite extends DocumentDepositFields {
  @Field(() => String, { nullable: true, description: 'The text of a note (at most 100,000 characters).' }) body?:
    string | null;
}

const PERSONAL_DOCUMENTS: DepositSpec<PersonalDocumentWrite> = {
  source: 'personal-space',
  table: 'personal_document',
  idPrefix: documentsOf('personal-space').idPrefix,
  acceptsContent: true,
  columns: (input) => {
    const body = optionalText('input.body', input.body, 100_000);
    if (!body && !input.content)
      throw badInput('input.body', 'a note has a text, or a document a file (input.content)');
    return { body, mime_type: input.content?.mimeType ?? 'text/plain' };
  },
};

@InputType()
export class AllergyInput {
  @Field(() => String) substance!: string;
  @Field(() => String, { nullable: true }) reaction?: string | null;
  @Field(() => SeverityEnum) severity!: keyof typeof SeverityEnum;
}
@InputType()
export class AntecedentInput {
  @Field(() => AntecedentKindEnum) kind!: keyof typeof AntecedentKindEnum;
  @Field(() => String) label!: string;
  @Field(() => Int, { nullable: true }) sinceYear?: number | null;
}
@InputType()
export class VaccinationInput {
  @Field(() => String) vaccine!: string;
  @Field(() => LocalDate) administeredOn!: string;
  @Field(() => String, { nullable: true }) lot?: string | null;
}
@InputType({ description: 'Someone to call. Naming a personne de confiance (L1111-6) replaces the previous one.' })
export class EmergencyContactInput {
  @Field(() => String) name!: string;
  @Field(() => String) relation!: string;
  @Field(() => String, { description: 'International or French number.' }) phone!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) isTrustedPerson?: boolean | null;
}

export const PersonalEntryKindEnum = {
  ALLERGY: 'allergy',
  ANTECEDENT: 'antecedent',
  VACCINATION: 'vaccination',
  EMERGENCY_CONTACT: 'emergency_contact',
} as const;
registerEnumType(PersonalEntryKindEnum, {
  name: 'PersonalEntryKind',
  description: 'A part of the personal space made of entries.',
});

/** The DMP type that carries each part (as in policy/field-rules.json): the permit is asked for it. */
const PROFILE = 'DOCPAT08';
const WISHES = 'EXPPAT_1';
const CARRIED_BY: Record<string, string> = {
  allergy: PROFILE,
  antecedent: PROFILE,
  vaccination: PROFILE,
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

async function writeSpace<T>(
  ctx: SubgraphContext,
  rawIns: string,
  typeCode: string,
  part: string,
  apply: (tx: SqlExecutor, ins: string) => Promise<T>,
): Promise<T> {
  const ins = insArgument(rawIns);
  const permit = await permitFor(ctx, ins, 'personal-space', typeCode);
  return tracedTransaction(ctx, async (tx) => {
    const result = await apply(tx, ins);
    recordAccess(ctx, {
      patientIns: ins,
      action: 'write-personal-space',
      touched: [part],
      outcome: 'allowed',
      rule: permit.rule,
    });
    return result;
  });
}

@Resolver()
export class PersonalSpaceWritesResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description:
      'The patient (or a legal representative) writes a note or uploads a document; with `replaces`, edits one of theirs (the old version stays as history).',
  })
  writePersonalDocument(
    @Arg('input', () => PersonalDocumentWrite) input: PersonalDocumentWrite,
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
    @Arg('ins', () => String) ins: string,
    @Arg('documentId', () => ID) documentId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(documentId, 'documentId');
    // The permit comes first: nobody learns whether a document exists in a space they may not write.
    return writeSpace(ctx, ins, WISHES, `delete:${documentId}`, async (tx, patientIns) => {
      const [doc] = await tx.query<{ lineage: string; author_kind: string; superseded_by: string | null }>(
        'SELECT COALESCE(lineage_id, id) AS lineage, author_kind, superseded_by FROM personal_document WHERE id = $1 AND patient_ins = $2 FOR UPDATE',
        [documentId, patientIns],
      );
      // One answer whether it does not exist or was written by a professional.
      if (!doc || doc.author_kind !== 'PATIENT' || doc.superseded_by !== null)
        throw badInput('documentId', "not a current document of the patient's own in their space");
      const gone = await tx.query<{ id: string }>(
        'DELETE FROM personal_document WHERE patient_ins = $1 AND COALESCE(lineage_id, id) = $2 RETURNING id',
        [patientIns, doc.lineage],
      );
      await tx.query('DELETE FROM document_content WHERE document_id = ANY($1::text[])', [gone.map((g) => g.id)]);
      return documentId;
    });
  }

  @Mutation(() => Allergy, { nullable: true, description: 'Records an allergy, or with `id` updates it in place.' })
  recordAllergy(
    @Arg('ins', () => String) ins: string,
    @Arg('input', () => AllergyInput) input: AllergyInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Allergy> {
    const substance = requiredText('input.substance', input.substance, 200);
    const reaction = optionalText('input.reaction', input.reaction, 500);
    const existing = entryArgument(entryId);
    return writeSpace(ctx, ins, PROFILE, 'allergies', async (tx, id) => {
      const [row] = existing
        ? await tx.query<any>(
            'UPDATE allergy SET substance = $3, reaction = $4, severity = $5, recorded_at = $6 WHERE id = $1 AND patient_ins = $2 RETURNING *',
            [existing, id, substance, reaction, input.severity, ctx.now],
          )
        : await tx.query<any>(
            'INSERT INTO allergy (id, patient_ins, substance, reaction, severity, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
            [`alg-${randomUUID()}`, id, substance, reaction, input.severity, ctx.now],
          );
      if (!row) throw badInput('id', 'no such allergy in this personal space');
      return toAllergy(row);
    });
  }

  @Mutation(() => Antecedent, {
    nullable: true,
    description: 'Records an antecedent, or with `id` updates it in place.',
  })
  recordAntecedent(
    @Arg('ins', () => String) ins: string,
    @Arg('input', () => AntecedentInput) input: AntecedentInput,
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
    return writeSpace(ctx, ins, PROFILE, 'antecedents', async (tx, id) => {
      const [row] = existing
        ? await tx.query<any>(
            'UPDATE antecedent SET kind = $3, label = $4, since_year = $5, recorded_at = $6 WHERE id = $1 AND patient_ins = $2 RETURNING *',
            [existing, id, input.kind, label, input.sinceYear ?? null, ctx.now],
          )
        : await tx.query<any>(
            'INSERT INTO antecedent (id, patient_ins, kind, label, since_year, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
            [`atcd-${randomUUID()}`, id, input.kind, label, input.sinceYear ?? null, ctx.now],
          );
      if (!row) throw badInput('id', 'no such antecedent in this personal space');
      return toAntecedent(row);
    });
  }

  @Mutation(() => Vaccination, {
    nullable: true,
    description: 'Records a vaccination, or with `id` updates it in place.',
  })
  recordVaccination(
    @Arg('ins', () => String) ins: string,
    @Arg('input', () => VaccinationInput) input: VaccinationInput,
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
    return writeSpace(ctx, ins, PROFILE, 'vaccinations', async (tx, id) => {
      const [row] = existing
        ? await tx.query<any>(
            'UPDATE vaccination SET vaccine = $3, administered_on = $4, lot = $5, recorded_at = $6 WHERE id = $1 AND patient_ins = $2 RETURNING *',
            [existing, id, vaccine, on, lot, ctx.now],
          )
        : await tx.query<any>(
            'INSERT INTO vaccination (id, patient_ins, vaccine, administered_on, lot, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
            [`vacc-${randomUUID()}`, id, vaccine, on, lot, ctx.now],
          );
      if (!row) throw badInput('id', 'no such vaccination in this personal space');
      return toVaccination(row);
    });
  }

  @Mutation(() => EmergencyContact, {
    nullable: true,
    description: 'Records an emergency contact, or with `id` updates it in place.',
  })
  recordEmergencyContact(
    @Arg('ins', () => String) ins: string,
    @Arg('input', () => EmergencyContactInput) input: EmergencyContactInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmergencyContact> {
    const existing = entryArgument(entryId);
    const name = requiredText('input.name', input.name, 200);
    const relation = requiredText('input.relation', input.relation, 100);
    if (!hasFormat('phone', input.phone)) throw badInput('input.phone', FORMATS.phone.rule);
    const trusted = input.isTrustedPerson ?? false;
    return writeSpace(ctx, ins, WISHES, 'emergencyContacts', async (tx, id) => {
      // One personne de confiance at a time (L1111-6).
      if (trusted)
        await tx.query('UPDATE emergency_contact SET is_trusted_person = false WHERE patient_ins = $1', [id]);
      const contactId = existing ?? `ctc-${randomUUID()}`;
      const written = existing
        ? await tx.query(
            'UPDATE emergency_contact SET name = $3, relation = $4, phone = $5, is_trusted_person = $6 WHERE id = $1 AND patient_ins = $2 RETURNING id',
            [contactId, id, name, relation, input.phone, trusted],
          )
        : await tx.query(
            'INSERT INTO emergency_contact (id, patient_ins, name, relation, phone, is_trusted_person) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
            [contactId, id, name, relation, input.phone, trusted],
          );
      if (written.length === 0) throw badInput('id', 'no such emergency contact in this personal space');
      return { id: contactId, name, relation, phone: input.phone, isTrustedPerson: trusted };
    });
  }

  @Mutation(() => OrganDonationEnum, {
    nullable: true,
    description: 'States the organ-donation stance (the national refusal register stays authoritative).',
  })
  setOrganDonation(
    @Arg('ins', () => String) ins: string,
    @Arg('stance', () => OrganDonationEnum) stance: string,
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
    @Arg('ins', () => String) ins: string,
    @Arg('kind', () => PersonalEntryKindEnum) table: string,
    @Arg('id', () => ID) entryId: string,
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
      return entryId;
    });
  }
}
