import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { FORMATS, hasFormat } from '../../domain/formats';
import { PROFESSIONS, SPECIALTIES, type ProfessionCode, type SpecialtyCode } from '../../domain/codes';
import { staffActorId } from '../../domain/actor';
import { badInput, forbidden } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { mayManageStaff } from '../../policy/establishment-staff';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { Professional } from './patient.type';
import { knownProfessional, professionalOf } from './directory';
import { establishmentsByFiness, professionalsByRpps } from './directory.repo';

@InputType({ description: 'A member of staff without a CPS card of their own, as the establishment knows them.' })
export class StaffInput {
  @Field(() => String, { description: "The establishment's own id for them (letters, digits, . _ -)." })
  staffId!: string;
  @Field(() => String, { description: 'Their family name, 1 to 100 characters.' }) familyName!: string;
  @Field(() => String, { description: 'Their first name, 1 to 100 characters.' }) firstName!: string;
  @Field(() => String, { description: 'TRE_G15: the matrix of this profession applies to what they read.' })
  profession!: string;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) specialty?: string | null;
  @Field(() => String, { nullable: true, description: 'Their RPPS, when they have one (a card not at hand).' })
  rpps?: string | null;
}

@ObjectType({ description: 'A member of staff the establishment vouches for.' })
export class StaffMember {
  @Field(() => ID, { description: 'The actor id their reads are traced under: staff:<FINESS>:<staffId>.' })
  actorId!: string;
  @Field(() => String, { description: "The establishment's own id for them." }) staffId!: string;
  @Field(() => String, { description: 'Their family name, as the establishment registered it.' }) familyName!: string;
  @Field(() => String, { description: 'Their first name, as the establishment registered it.' }) firstName!: string;
  @Field(() => String, { description: 'TRE_G15.' }) professionCode!: string;
  @Field(() => String, { nullable: true, description: 'Their RPPS, when they have one; null otherwise.' })
  rpps!: string | null;
}

const text = (field: string, value: string) => {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput(field, 'must be 1 to 100 characters');
  return trimmed;
};

@Resolver()
export class StaffResolver {
  @Mutation(() => StaffMember, {
    nullable: true,
    description:
      "The establishment (its channel) vouches for a member of its staff without a CPS card: its tokens may then name them (actor staff:<FINESS>:<staffId>), and they read, as members of its care team, per their profession's matrix; they write nothing. Registering again updates them. Traced.",
  })
  async registerStaff(
    @Arg('input', () => StaffInput, { description: 'The member of staff, as the establishment knows them.' })
    input: StaffInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StaffMember> {
    const right = mayManageStaff(ctx.actor);
    if (!right.allowed) throw forbidden(right.reason);
    if (!hasFormat('staffId', input.staffId)) throw badInput('input.staffId', FORMATS.staffId.rule);
    const [familyName, firstName] = [
      text('input.familyName', input.familyName),
      text('input.firstName', input.firstName),
    ];
    if (!PROFESSIONS.has(input.profession as ProfessionCode))
      throw badInput('input.profession', 'must be a TRE_G15 code');
    if (input.specialty != null && !SPECIALTIES.has(input.specialty as SpecialtyCode))
      throw badInput('input.specialty', 'must be a TRE_R38 code');
    return tracedTransaction(ctx, async (tx) => {
      if (input.rpps != null) await knownProfessional(tx, input.rpps, 'input.rpps');
      await tx.query(
        `INSERT INTO establishment_staff (finess, staff_id, family_name, first_name, profession_code, specialty_code, rpps)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (finess, staff_id) DO UPDATE SET family_name = EXCLUDED.family_name, first_name = EXCLUDED.first_name,
           profession_code = EXCLUDED.profession_code, specialty_code = EXCLUDED.specialty_code, rpps = EXCLUDED.rpps`,
        [
          right.finess,
          input.staffId,
          familyName,
          firstName,
          input.profession,
          input.specialty ?? null,
          input.rpps ?? null,
        ],
      );
      recordAccess(ctx, {
        patientIns: null,
        action: 'staff-register',
        touched: [`staff:${input.staffId}`],
        outcome: 'allowed',
        rule: right.rule,
      });
      return {
        actorId: staffActorId(right.finess, input.staffId),
        staffId: input.staffId,
        familyName,
        firstName,
        professionCode: input.profession,
        rpps: input.rpps ?? null,
      };
    });
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'The establishment no longer vouches for this member of staff: their tokens are refused from the next request. Traced.',
  })
  async removeStaff(
    @Arg('staffId', () => String, { description: "The establishment's own id for them (`StaffMember.staffId`)." })
    staffId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const right = mayManageStaff(ctx.actor);
    if (!right.allowed) throw forbidden(right.reason);
    if (!hasFormat('staffId', staffId)) throw badInput('staffId', FORMATS.staffId.rule);
    return tracedTransaction(ctx, async (tx) => {
      const removed = await tx.query(
        'DELETE FROM establishment_staff WHERE finess = $1 AND staff_id = $2 RETURNING staff_id',
        [right.finess, staffId],
      );
      if (removed.length === 0) throw badInput('staffId', "is not on this establishment's staff list");
      recordAccess(ctx, {
        patientIns: null,
        action: 'staff-remove',
        touched: [`staff:${staffId}`],
        outcome: 'allowed',
        rule: right.rule,
      });
      return true;
    });
  }

  @Mutation(() => Professional, {
    nullable: true,
    description:
      "The establishment (its channel) says a professional joins or leaves its care team, as the directory holds it: a member reads the records whose patients authorised this care team, per their profession's matrix, from the next request, and no longer once they leave. Traced.",
  })
  async setStaffMember(
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Arg('member', () => Boolean, { description: 'True: they join the care team; false: they leave it.' })
    member: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Professional> {
    if (!hasFormat('rpps', rpps)) throw badInput('rpps', FORMATS.rpps.rule);
    const right = mayManageStaff(ctx.actor);
    const traced = (outcome: 'allowed' | 'denied', rule: typeof right.rule) =>
      recordAccess(ctx, {
        patientIns: null,
        action: member ? 'staff-join' : 'staff-leave',
        touched: [`rpps:${rpps}`],
        outcome,
        rule,
      });
    if (!right.allowed) {
      traced('denied', right.rule);
      throw forbidden(right.reason);
    }
    return tracedTransaction(ctx, async (tx) => {
      const professional = await knownProfessional(tx, rpps);
      if (member) {
        const [establishment] = await establishmentsByFiness(tx, [right.finess]);
        await tx.query('UPDATE professional SET establishment_finess = $2, establishment_name = $3 WHERE rpps = $1', [
          rpps,
          right.finess,
          establishment?.name ?? null,
        ]);
      } else {
        if (professional.establishment_finess !== right.finess)
          throw badInput('rpps', 'is not a member of this establishment');
        await tx.query(
          'UPDATE professional SET establishment_finess = NULL, establishment_name = NULL WHERE rpps = $1',
          [rpps],
        );
      }
      traced('allowed', right.rule);
      const [changed] = await professionalsByRpps(tx, [rpps]);
      return professionalOf(changed);
    });
  }
}
