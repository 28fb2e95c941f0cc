import { documentIdsArgument, forPatient, removeEntryLinks, replaceDocumentLinks } from './entry-documents';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { idArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { touch } from '../../audit/trace-recorder';
import { grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import { optionalText, requiredText } from '../kit/documents/deposit';
import type { SubgraphContext } from '../kit/context';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { PersonalSpace } from './personal-space.type';
import { PARTIAL_DATE_INPUT, partialDateArgument } from './partial-date';
import {
  Disability,
  DisabilityKinds,
  DisabilityRates,
  DurationUnits,
  Hospitalisation,
  ProfileSectionState,
  ProfileSections,
} from './profile-sections.type';
import {
  profileLoaders,
  toDisability,
  toHospitalisation,
  type DeclarationRow,
  type DisabilityRow,
  type HospitalisationRow,
} from './profile-sections.repo';
import { writeHealthProfile } from './health-profile-write';
import { LIFESTYLE_SECTION_CODES } from './lifestyle.form';

/** A stay longer than this many units is not a stay: a typo. */
const MAX_DURATION = 999;

@InputType({ description: 'A stay in hospital as the patient declares it.' })
export class HospitalisationInput {
  @Field(() => String, { description: 'Why, in the patient’s words.' }) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: "The patient's comment, in their words (at most 1,000 characters).",
  })
  comment?: string | null;
  @Field(() => String, { nullable: true, description: `When it began. ${PARTIAL_DATE_INPUT}` }) start?: string | null;
  @Field(() => Int, { nullable: true, description: `How long, 1 to ${MAX_DURATION} units; with durationUnit.` })
  duration?: number | null;
  @Field(() => DurationUnits.values, { nullable: true, description: 'The unit of `duration`; given with it.' })
  durationUnit?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Documents of the personal space this entry refers to; replaces its links, and null leaves them.',
  })
  documentIds?: string[] | null;
}

@InputType({ description: 'A disability as the patient declares it.' })
export class DisabilityInput {
  @Field(() => String, { description: 'The disability, as the patient names it (1 to 200 characters).' })
  name!: string;
  @Field(() => String, {
    nullable: true,
    description: "The patient's comment, in their words (at most 1,000 characters).",
  })
  comment?: string | null;
  @Field(() => [DisabilityKinds.values], { nullable: true, description: 'Its kinds; a kind given twice counts once.' })
  kinds?: string[] | null;
  @Field(() => DisabilityRates.values, { nullable: true, description: 'The rate the MDPH recognised, if any.' })
  rate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Uses technical aids (wheelchair, hearing aid…).' })
  technicalHelp?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Is helped by someone in daily life.' })
  humanHelp?: boolean | null;
}

export const ProfileEntryKindEnum = {
  TREATMENT: 'treatment',
  HOSPITALISATION: 'hospitalisation',
  DISABILITY: 'disability',
} as const;
registerEnumType(ProfileEntryKindEnum, {
  name: 'ProfileEntryKind',
  description: 'A declared section of the health profile made of entries.',
  valuesConfig: {
    TREATMENT: { description: 'A treatment (PersonalSpace.treatments).' },
    HOSPITALISATION: { description: 'A stay in hospital (PersonalSpace.hospitalisations).' },
    DISABILITY: { description: 'A disability (PersonalSpace.disabilities).' },
  },
});

/** Whether a section has an entry, one statement each; the SQL is ours, never built from the caller's text. */
const HAS_ENTRY: Record<string, string> = {
  ALLERGIES: 'SELECT 1 FROM allergy WHERE patient_ins = $1 LIMIT 1',
  MEDICAL_HISTORY: "SELECT 1 FROM antecedent WHERE patient_ins = $1 AND kind <> 'FAMILY' LIMIT 1",
  FAMILY_HISTORY: "SELECT 1 FROM antecedent WHERE patient_ins = $1 AND kind = 'FAMILY' LIMIT 1",
  TREATMENTS: 'SELECT 1 FROM treatment WHERE patient_ins = $1 LIMIT 1',
  HOSPITALISATIONS: 'SELECT 1 FROM hospitalisation WHERE patient_ins = $1 LIMIT 1',
  DISABILITIES: 'SELECT 1 FROM disability WHERE patient_ins = $1 LIMIT 1',
  // A lifestyle section has entries once it has an answer; its codes are lifestyle.json's, checked at load.
  ...Object.fromEntries(
    LIFESTYLE_SECTION_CODES.map((s) => [
      s,
      `SELECT 1 FROM lifestyle_answer WHERE patient_ins = $1 AND section = '${s}' LIMIT 1`,
    ]),
  ),
};

const sectionState = (section: string, declaredAt: Date | null): ProfileSectionState => ({
  section,
  label: ProfileSections.label(section),
  notConcerned: declaredAt !== null,
  declaredAt,
});

type SpaceRoot = { patient: PatientRef } & GrantCarrier;

@Resolver(() => PersonalSpace)
export class ProfileSectionsReadResolver {
  @FieldResolver(() => [Hospitalisation], {
    nullable: true,
    description: 'The stays in hospital the patient declares, the most recent first.',
  })
  async hospitalisations(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Hospitalisation[]> {
    touch(ctx, grantOf(root)!, 'personalSpace.hospitalisations');
    return (await profileLoaders(ctx).hospitalisations.load(root.patient.ins))
      .map(toHospitalisation)
      .map(forPatient(root.patient));
  }

  @FieldResolver(() => [Disability], { nullable: true, description: 'The disabilities the patient declares.' })
  async disabilities(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Disability[]> {
    touch(ctx, grantOf(root)!, 'personalSpace.disabilities');
    return (await profileLoaders(ctx).disabilities.load(root.patient.ins)).map(toDisability);
  }

  @FieldResolver(() => [ProfileSectionState], {
    nullable: true,
    description:
      'Every section of the health profile, each saying whether the patient declared it does not concern them.',
  })
  async profileSections(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<ProfileSectionState[]> {
    touch(ctx, grantOf(root)!, 'personalSpace.profileSections');
    const declared = new Map(
      (await profileLoaders(ctx).declarations.load(root.patient.ins)).map((d) => [d.section, d.declared_at]),
    );
    return Object.keys(ProfileSections.values).map((s) => sectionState(s, declared.get(s) ?? null));
  }
}

@Resolver()
export class ProfileSectionsWritesResolver {
  @Mutation(() => Hospitalisation, {
    nullable: true,
    description: 'Records a stay in hospital, or with `id` updates it in place.',
  })
  recordHospitalisation(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => HospitalisationInput, { description: 'The stay.' }) input: HospitalisationInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Hospitalisation> {
    const existing = entryId == null ? null : idArgument(entryId, 'id', 'an entry id');
    const reason = requiredText('input.reason', input.reason, 300);
    const comment = optionalText('input.comment', input.comment, 1000);
    const start = partialDateArgument('input.start', input.start, ctx.now);
    const duration = input.duration ?? null;
    const unit = input.durationUnit ?? null;
    if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION))
      throw badInput('input.duration', `must be from 1 to ${MAX_DURATION}`);
    if ((duration === null) !== (unit === null))
      throw badInput(
        duration === null ? 'input.duration' : 'input.durationUnit',
        'is required with the other: a duration goes with its unit',
      );
    const documentIds = documentIdsArgument('input.documentIds', input.documentIds);
    return writeHealthProfile(ctx, ins, 'hospitalisations', async (tx, patientIns, writer) => {
      const values = [patientIns, reason, comment, start, duration, unit, ctx.now];
      const [row] = existing
        ? await tx.query<HospitalisationRow>(
            `UPDATE hospitalisation SET reason = $3, comment = $4, start_on = $5, duration = $6, duration_unit = $7, recorded_at = $8
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, ...values],
          )
        : await tx.query<HospitalisationRow>(
            `INSERT INTO hospitalisation (id, patient_ins, reason, comment, start_on, duration, duration_unit, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
            [`hosp-${randomUUID()}`, ...values],
          );
      if (!row) throw badInput('id', 'no such hospitalisation in this personal space');
      await replaceDocumentLinks(
        tx,
        writer,
        ctx.now,
        'HOSPITALISATION',
        patientIns,
        row.id,
        documentIds,
        'input.documentIds',
      );
      return toHospitalisation(row);
    });
  }

  @Mutation(() => Disability, {
    nullable: true,
    description: 'Records a disability, or with `id` updates it in place.',
  })
  recordDisability(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => DisabilityInput, { description: 'The disability.' }) input: DisabilityInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Updates this entry in place (its id stays) instead of recording a new one.',
    })
    entryId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Disability> {
    const existing = entryId == null ? null : idArgument(entryId, 'id', 'an entry id');
    const name = requiredText('input.name', input.name, 200);
    const comment = optionalText('input.comment', input.comment, 1000);
    const kinds = [...new Set(input.kinds ?? [])];
    return writeHealthProfile(ctx, ins, 'disabilities', async (tx, patientIns) => {
      const values = [
        patientIns,
        name,
        comment,
        kinds,
        input.rate ?? null,
        input.technicalHelp ?? null,
        input.humanHelp ?? null,
        ctx.now,
      ];
      const [row] = existing
        ? await tx.query<DisabilityRow>(
            `UPDATE disability SET name = $3, comment = $4, kinds = $5, rate = $6, technical_help = $7, human_help = $8, recorded_at = $9
              WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, ...values],
          )
        : await tx.query<DisabilityRow>(
            `INSERT INTO disability (id, patient_ins, name, comment, kinds, rate, technical_help, human_help, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
            [`dis-${randomUUID()}`, ...values],
          );
      if (!row) throw badInput('id', 'no such disability in this personal space');
      return toDisability(row);
    });
  }

  @Mutation(() => ProfileSectionState, {
    nullable: true,
    description:
      'The patient declares a section does not concern them ("no known allergy"), dated now, or with `notConcerned: false` withdraws the declaration. Refused while the section has entries; adding one ends the declaration.',
  })
  setProfileSectionNotConcerned(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('section', () => ProfileSections.values, { description: 'The section declared.' }) section: string,
    @Arg('notConcerned', () => Boolean, {
      description: 'True declares the section does not concern the patient; false withdraws the declaration.',
    })
    notConcerned: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfileSectionState> {
    return writeHealthProfile(ctx, ins, `notConcerned:${section}`, async (tx, patientIns) => {
      if (!notConcerned) {
        await tx.query('DELETE FROM profile_section_declaration WHERE patient_ins = $1 AND section = $2', [
          patientIns,
          section,
        ]);
        return sectionState(section, null);
      }
      const entries = await tx.query(HAS_ENTRY[section], [patientIns]);
      if (entries.length > 0)
        throw badInput('section', 'has entries: remove them before declaring it does not concern you');
      // Declared again, it keeps its first date: the patient has said so since then.
      const [row] = await tx.query<DeclarationRow>(
        `INSERT INTO profile_section_declaration (patient_ins, section, declared_at) VALUES ($1, $2, $3)
         ON CONFLICT (patient_ins, section) DO UPDATE SET declared_at = profile_section_declaration.declared_at
         RETURNING *`,
        [patientIns, section, ctx.now],
      );
      return sectionState(section, row.declared_at);
    });
  }

  @Mutation(() => ID, {
    nullable: true,
    description: 'Removes a treatment, hospitalisation or disability the patient declared.',
  })
  removeProfileEntry(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('kind', () => ProfileEntryKindEnum, { description: 'Which section the entry belongs to.' }) table: string,
    @Arg('id', () => ID, { description: 'The entry to remove (its id in that section).' }) entryId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(entryId, 'id', 'an entry id');
    return writeHealthProfile(ctx, ins, `remove:${table}`, async (tx, patientIns) => {
      // `table` comes from the enum's values, never from the caller's text.
      const gone = await tx.query(`DELETE FROM ${table} WHERE id = $1 AND patient_ins = $2 RETURNING id`, [
        entryId,
        patientIns,
      ]);
      if (gone.length === 0) throw badInput('id', `no such ${table} in this personal space`);
      await removeEntryLinks(tx, patientIns, entryId);
      return entryId;
    });
  }
}
