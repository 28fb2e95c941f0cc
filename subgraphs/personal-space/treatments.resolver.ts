import { documentIdsArgument, forPatient, replaceDocumentLinks } from './entry-documents';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { FORMATS, hasFormat } from '../../domain/formats';
import { idArgument, idListArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { touch } from '../../audit/trace-recorder';
import { grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import { optionalText, requiredText } from '../kit/documents/deposit';
import type { SubgraphContext } from '../kit/context';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { Allergy, Antecedent, PersonalSpace } from './personal-space.type';
import { PARTIAL_DATE_INPUT, endsAfter, partialDateArgument } from './partial-date';
import { Treatment } from './profile-sections.type';
import { profileLoaders, toTreatment, type TreatmentRow } from './profile-sections.repo';
import { writeHealthProfile } from './health-profile-write';

/** At most this many links from one treatment to allergies or antecedents: a form, not a bulk import. */
const MAX_LINKS = 20;

@InputType({ description: 'A treatment as the patient declares it.' })
export class TreatmentInput {
  @Field(() => String, { description: 'The medicine or treatment, as the patient names it.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Its presentation code (CIP13, 13 digits from 34009).' })
  cip13?: string | null;
  @Field(() => String, { nullable: true, description: 'How much, how often ("1 comprimé le matin").' })
  dosage?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The patient's comment, in their words (at most 1,000 characters).",
  })
  comment?: string | null;
  @Field(() => String, { nullable: true, description: `Since when. ${PARTIAL_DATE_INPUT}` }) start?: string | null;
  @Field(() => String, { nullable: true, description: `Until when (may be ahead). ${PARTIAL_DATE_INPUT}` })
  end?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Allergies of this patient the treatment relates to.' })
  allergyIds?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Antecedents (diseases) of this patient the treatment is taken for.',
  })
  antecedentIds?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Documents of the personal space this entry refers to; replaces its links, and null leaves them.',
  })
  documentIds?: string[] | null;
}

type SpaceRoot = { patient: PatientRef } & GrantCarrier;

/** Ids of entries to link, checked and without repeats. */
const linkIds = (field: string, ids: string[] | null | undefined): string[] =>
  idListArgument(ids ?? [], field, { max: MAX_LINKS, what: 'an entry id', noun: 'entries' })!;

/** The first of `ids` that is not an entry of `table` in this patient's space, or null (one statement). */
async function firstUnknown(tx: SqlExecutor, table: 'allergy' | 'antecedent', ins: string, ids: string[]) {
  if (ids.length === 0) return null;
  const [missing] = await tx.query<{ id: string }>(
    `SELECT asked.id FROM unnest($2::text[]) WITH ORDINALITY AS asked(id, n)
      WHERE NOT EXISTS (SELECT 1 FROM ${table} e WHERE e.id = asked.id AND e.patient_ins = $1)
      ORDER BY asked.n LIMIT 1`,
    [ins, ids],
  );
  return missing?.id ?? null;
}

@Resolver(() => PersonalSpace)
export class TreatmentsReadResolver {
  @FieldResolver(() => [Treatment], {
    nullable: true,
    description: 'The treatments the patient declares, the most recently started first.',
  })
  async treatments(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Treatment[]> {
    touch(ctx, grantOf(root)!, 'personalSpace.treatments');
    return (await profileLoaders(ctx).treatments.load(root.patient.ins)).map(toTreatment).map(forPatient(root.patient));
  }
}

@Resolver(() => Treatment)
export class TreatmentLinksResolver {
  @FieldResolver(() => [Allergy], { description: 'Allergies of the patient this treatment relates to.' })
  async linkedAllergies(@Root() treatment: Treatment, @Ctx() ctx: SubgraphContext): Promise<Allergy[]> {
    return (await profileLoaders(ctx).links.load(treatment.id)).allergies;
  }

  @FieldResolver(() => [Antecedent], { description: 'Antecedents (diseases) this treatment is taken for.' })
  async linkedAntecedents(@Root() treatment: Treatment, @Ctx() ctx: SubgraphContext): Promise<Antecedent[]> {
    return (await profileLoaders(ctx).links.load(treatment.id)).antecedents;
  }
}

@Resolver()
export class TreatmentWritesResolver {
  @Mutation(() => Treatment, {
    nullable: true,
    description:
      'The patient (or a legal representative) records a treatment, or with `id` updates it in place (its id stays; its links are replaced by those given).',
  })
  recordTreatment(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => TreatmentInput, { description: 'The treatment and its links.' }) input: TreatmentInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Treatment> {
    const existing = entryId == null ? null : idArgument(entryId, 'id', 'an entry id');
    const name = requiredText('input.name', input.name, 200);
    const cip13 = optionalText('input.cip13', input.cip13, 13);
    if (cip13 !== null && !hasFormat('cip13', cip13)) throw badInput('input.cip13', FORMATS.cip13.rule);
    const dosage = optionalText('input.dosage', input.dosage, 300);
    const comment = optionalText('input.comment', input.comment, 1000);
    const start = partialDateArgument('input.start', input.start, ctx.now);
    // A treatment may be planned to end ahead (a course of antibiotics).
    const end = partialDateArgument('input.end', input.end, ctx.now, { future: true });
    if (!endsAfter(start, end)) throw badInput('input.end', 'must not be before the start');
    const allergyIds = linkIds('input.allergyIds', input.allergyIds);
    const antecedentIds = linkIds('input.antecedentIds', input.antecedentIds);
    const documentIds = documentIdsArgument('input.documentIds', input.documentIds);
    return writeHealthProfile(ctx, ins, 'treatments', async (tx, patientIns, writer) => {
      const values = [patientIns, name, cip13, dosage, comment, start, end, ctx.now];
      const [row] = existing
        ? await tx.query<TreatmentRow>(
            `UPDATE treatment SET name = $3, cip13 = $4, dosage = $5, comment = $6, start_on = $7, end_on = $8, recorded_at = $9
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, ...values],
          )
        : await tx.query<TreatmentRow>(
            `INSERT INTO treatment (id, patient_ins, name, cip13, dosage, comment, start_on, end_on, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
            [`trt-${randomUUID()}`, ...values],
          );
      if (!row) throw badInput('id', 'no such treatment in this personal space');
      await replaceDocumentLinks(
        tx,
        writer,
        ctx.now,
        'TREATMENT',
        patientIns,
        row.id,
        documentIds,
        'input.documentIds',
      );
      const unknownAllergy = await firstUnknown(tx, 'allergy', patientIns, allergyIds);
      if (unknownAllergy) throw badInput('input.allergyIds', `${unknownAllergy} is not an allergy of this patient`);
      const unknownAntecedent = await firstUnknown(tx, 'antecedent', patientIns, antecedentIds);
      if (unknownAntecedent)
        throw badInput('input.antecedentIds', `${unknownAntecedent} is not an antecedent of this patient`);
      await tx.query('DELETE FROM treatment_link WHERE treatment_id = $1', [row.id]);
      await tx.query(
        `INSERT INTO treatment_link (treatment_id, patient_ins, allergy_id)
         SELECT $1, $2, unnest($3::text[])`,
        [row.id, patientIns, allergyIds],
      );
      await tx.query(
        `INSERT INTO treatment_link (treatment_id, patient_ins, antecedent_id)
         SELECT $1, $2, unnest($3::text[])`,
        [row.id, patientIns, antecedentIds],
      );
      return toTreatment(row);
    });
  }
}
