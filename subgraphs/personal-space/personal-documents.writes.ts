import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { DOCUMENT_TYPES, spaceOf, type TypeCode } from '../../domain/codes';
import { loadDepositRules, sourceAcceptsType } from '../../policy/deposit';
import { idArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { DateTime } from '../../schema/scalars';
import type { SubgraphContext } from '../kit/context';
import { requiredText } from '../kit/documents/deposit';
import { PersonalDocument } from './personal-space.type';
import { documentIdsArgument, readBack, writeOwnDocuments, deleteOwnLineages } from './personal-documents.own';

const DEPOSIT_RULES = loadDepositRules();
/** As a deposit judges its care instant (kit/documents/deposit.ts): after 1900, a few minutes of clock drift. */
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const CLOCK_SKEW_MS = 10 * 60 * 1000;

@InputType({
  description:
    "What changes in a document of the patient's own, without sending its file again: only the fields given change.",
})
export class PersonalDocumentUpdate {
  @Field(() => String, { nullable: true, description: 'The new title (1 to 300 characters).' }) title?: string | null;
  @Field(() => DateTime, {
    nullable: true,
    description: 'When the care it records took place: a past instant, after 1900.',
  })
  effectiveAt?: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The new JDV_J07 type, one the personal space takes (policy/deposit-rules.json: DOCPAT*, EXPPAT_*); the class (ASS_X16) and the space follow. The app's category.",
  })
  typeCode?: string | null;
}

interface CheckedUpdate {
  title: string | null;
  effectiveAt: Date | null;
  typeCode: TypeCode | null;
}

function checkUpdate(input: PersonalDocumentUpdate, now: Date): CheckedUpdate {
  if (input.title == null && input.effectiveAt == null && input.typeCode == null)
    throw badInput('input', 'give a title, an effectiveAt or a typeCode to change');
  const title = input.title == null ? null : requiredText('input.title', input.title, 300);
  let effectiveAt: Date | null = null;
  if (input.effectiveAt != null) {
    const at = input.effectiveAt instanceof Date ? input.effectiveAt.getTime() : NaN;
    if (Number.isNaN(at) || at < EARLIEST || at > now.getTime() + CLOCK_SKEW_MS)
      throw badInput('input.effectiveAt', 'must be a past instant, after 1900');
    effectiveAt = input.effectiveAt;
  }
  let typeCode: TypeCode | null = null;
  if (input.typeCode != null) {
    if (!DOCUMENT_TYPES.get(input.typeCode as TypeCode)?.classCode)
      throw badInput('input.typeCode', `${input.typeCode} is not a JDV_J07 type of the DMP`);
    if (!sourceAcceptsType(DEPOSIT_RULES, 'personal-space', input.typeCode))
      throw badInput('input.typeCode', `the personal space does not take documents of type ${input.typeCode}`);
    typeCode = input.typeCode;
  }
  return { title, effectiveAt, typeCode };
}

@Resolver()
export class PersonalDocumentWritesResolver {
  @Mutation(() => PersonalDocument, {
    nullable: true,
    description:
      "Changes the title, date or type of a document of the patient's own in place: its id, version, file, masks and secret stay (the app's update_document). To replace the file, writePersonalDocument(replaces:).",
  })
  updatePersonalDocument(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The current document to change.' }) id: string,
    @Arg('input', () => PersonalDocumentUpdate, { description: 'What changes; at least one field.' })
    input: PersonalDocumentUpdate,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonalDocument> {
    idArgument(id, 'id');
    const change = checkUpdate(input, ctx.now);
    return writeOwnDocuments(
      ctx,
      ins,
      [id],
      'id',
      'edit-own-document',
      async (write) => {
        const type = change.typeCode ? DOCUMENT_TYPES.get(change.typeCode)! : null;
        await write.tx.query(
          `UPDATE personal_document SET title = COALESCE($3, title), effective_at = COALESCE($4, effective_at),
             type_code = COALESCE($5, type_code), class_code = COALESCE($6, class_code), space = COALESCE($7, space)
           WHERE id = $1 AND patient_ins = $2`,
          [
            id,
            write.ins,
            change.title,
            change.effectiveAt,
            change.typeCode,
            type?.classCode ?? null,
            change.typeCode ? spaceOf(change.typeCode) : null,
          ],
        );
        const [document] = await readBack(write, ctx);
        return document;
      },
      // The registry's permit is asked for the type the document will carry.
      { permitType: change.typeCode ?? undefined },
    );
  }

  @Mutation(() => [ID], {
    nullable: true,
    description:
      "Deletes documents of the patient's own, each with every version and file (1 to 100 ids), all or none: an id that is not a current document of theirs is named and nothing is deleted. What a professional wrote: requestDocumentDeletion (R1111-51).",
  })
  deletePersonalDocuments(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The current documents to delete (PersonalDocument.id).' })
    rawIds: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    const { ids, fieldOf } = documentIdsArgument(rawIds);
    return writeOwnDocuments(
      ctx,
      ins,
      ids,
      fieldOf,
      'delete-own-documents',
      async ({ tx, ins: patient, documents }) => {
        await deleteOwnLineages(
          tx,
          patient,
          documents.map((d) => d.lineage),
        );
        return ids;
      },
    );
  }

  @Mutation(() => [PersonalDocument], {
    nullable: true,
    description:
      "Pins or unpins, flags or unflags as reported, documents of the patient's own (1 to 100 ids; the app's mark_document). Only what is given changes; the marks follow the document across its versions.",
  })
  markPersonalDocuments(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The current documents to mark (PersonalDocument.id).' }) rawIds: string[],
    @Arg('pinned', () => Boolean, { nullable: true, description: 'Pin (true) or unpin (false).' })
    pinned: boolean | null,
    @Arg('reported', () => Boolean, {
      nullable: true,
      description: 'Flag as reported (true: reportedAt is now, or stays when already set) or unflag (false).',
    })
    reported: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonalDocument[]> {
    const { ids, fieldOf } = documentIdsArgument(rawIds);
    if (pinned == null && reported == null) throw badInput('pinned', 'give pinned or reported');
    return writeOwnDocuments(ctx, ins, ids, fieldOf, 'organise-own-documents', async (write) => {
      const reportedAt = reported == null ? null : reported ? ctx.now : null;
      await write.tx.query(
        `INSERT INTO personal_document_organisation (lineage_id, patient_ins, pinned, reported_at)
         SELECT lineage, $1::text, COALESCE($3::boolean, false), $4::timestamptz FROM unnest($2::text[]) AS lineage
         ON CONFLICT (lineage_id) DO UPDATE SET
           pinned = COALESCE($3::boolean, personal_document_organisation.pinned),
           reported_at = CASE WHEN $5::boolean IS NULL THEN personal_document_organisation.reported_at
                              WHEN $5::boolean THEN COALESCE(personal_document_organisation.reported_at, $4::timestamptz)
                              ELSE NULL END`,
        [write.ins, write.documents.map((d) => d.lineage), pinned, reportedAt, reported],
      );
      return readBack(write, ctx);
    });
  }
}
