import { Arg, Ctx, Directive, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { forbidden } from '../../../runtime/errors';
import { purgePatientRows } from './purge';
import type { SubgraphContext, SubgraphName } from '../context';
import { verifyPurgeOrder, callFromRegistry } from '../registry-tokens';
import { recordAccess } from '../../../audit/trace-recorder';
import { tracedTransaction } from '../traced-transaction';

@ObjectType({
  description: 'What a purge erased from one store, and what remains (zero, or the deletion stays pending).',
})
@Directive('@shareable')
export class PurgeReport {
  @Field(() => Int, { description: 'How many rows naming the patient this purge deleted from the store.' })
  deleted!: number;
  @Field(() => Int, {
    description: 'How many rows still name the patient after it: 0 proves the purge, more leaves it pending.',
  })
  remaining!: number;
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
      const order = callFromRegistry(ctx) ? await verifyPurgeOrder(ctx.deps.grantKeys.verify, token, source) : null;
      if (!order) {
        recordAccess(ctx, { patientIns: null, action: 'purge', outcome: 'denied', rule: 'deny.no-purge-order' });
        throw forbidden('Only the registry orders a purge');
      }
      // The erasure and its trace stand or fall together: the chain unwritable, nothing is erased and the
      // source stays pending at the registry, which retries.
      return tracedTransaction(ctx, async (tx) => {
        const report = await purgePatientRows(tx, order.ins);
        recordAccess(ctx, {
          patientIns: order.ins,
          action: 'purge',
          touched: [source],
          outcome: report.remaining === 0 ? 'allowed' : 'denied',
          rule: 'lifecycle.delete.purge',
        });
        return report;
      });
    }
  }
  return PurgeResolver;
}
