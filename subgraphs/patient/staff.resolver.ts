import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { FORMATS, hasFormat } from '../../domain/formats';
import { badInput, forbidden } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { mayManageStaff } from '../../policy/establishment-staff';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { Professional } from './patient.type';
import { professionalOf } from './directory';
import { professionalsByRpps } from './directory.repo';
import { establishmentName } from './controls.repo';

@Resolver()
export class StaffResolver {
  @Mutation(() => Professional, {
    nullable: true,
    description:
      "The establishment (its channel) says a professional joins or leaves its care team, as the directory holds it: a member reads the records whose patients authorised this care team, per their profession's matrix, from the next request, and no longer once they leave. Traced.",
  })
  async setStaffMember(
    @Arg('rpps', () => String) rpps: string,
    @Arg('member', () => Boolean) member: boolean,
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
      const [professional] = await professionalsByRpps(tx, [rpps]);
      if (!professional) throw badInput('rpps', 'no professional with this RPPS');
      if (member) {
        const name = await establishmentName(tx, right.finess);
        await tx.query('UPDATE professional SET establishment_finess = $2, establishment_name = $3 WHERE rpps = $1', [
          rpps,
          right.finess,
          name,
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
