import { Arg, Ctx, Directive, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { forbidden } from '../../../runtime/errors';
import { purgePatientRows } from './purge';
import type { SubgraphContext, SubgraphName } from '../context';
import { verifyPurgeOrder } from '../registry-tokens';
import { recordAccess } from '../../../audit/trace-recorder';

@ObjectType({
  description: 'What a purge erased from one store, and what remains (zero, or the deletion stays pending).',
})
@Directive('@shareable')
export class PurgeReport {
  @Field(() => Int) deleted!: number;
  @Field(() => Int) remaining!: number;
}

/**
 * `purgePatient` for one source: erases every row naming a deleted patient from its store, on the registry's
 * signed order only. Not in the public graph; the registry calls each source within the deletion request.
 */
export function purgeResolver(source: SubgraphName) {
  @Resolver()
  class PurgeResolver {
    @Mutation(() => PurgeReport, {
      nullable: true,
      description: "For the registry only (not in the public graph): erases a deleted patient's rows.",
    })
    @Directive('@shareable')
    @Directive('@inaccessible')
    async purgePatient(@Arg('order', () => String) token: string, @Ctx() ctx: SubgraphContext): Promise<PurgeReport> {
      const order = await verifyPurgeOrder(ctx.deps.grantKeys.verify, token, source);
      if (!order) {
        recordAccess(ctx, { patientIns: null, action: 'purge', outcome: 'denied', rule: 'deny.no-purge-order' });
        throw forbidden('Only the registry orders a purge');
      }
      const report = await ctx.deps.store.transaction((tx) => purgePatientRows(tx, order.ins));
      recordAccess(ctx, {
        patientIns: order.ins,
        action: 'purge',
        touched: [source],
        outcome: report.remaining === 0 ? 'allowed' : 'denied',
        rule: 'lifecycle.delete.purge',
      });
      return report;
    }
  }
  return PurgeResolver;
}
