import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../../runtime/errors';
import { quoteIdent } from '../../../runtime/store/sql-store';
import type { SubgraphContext, SubgraphName } from '../context';
import { verifyErasureOrder, callFromRegistry } from '../registry-tokens';
import { recordAccess } from '../../../audit/trace-recorder';
import { tracedTransaction } from '../traced-transaction';

/**
 * `eraseDocument` for one source: erases a document, every version of its lineage and their files, on the
 * registry's signed order only (R1111-51: the host's médecin carried out the patient's request). Not in the
 * public graph. The order names the patient, so a document id of another patient erases nothing. Idempotent:
 * a second order finds nothing and says so (0).
 */
export function documentErasureResolver(source: SubgraphName, documents: { table: string; withContent: boolean }) {
  const table = quoteIdent(documents.table);
  @Resolver()
  class DocumentErasureResolver {
    @Mutation(() => Int, {
      nullable: true,
      description: "For the registry only (not in the public graph): erases one document's versions; their count.",
    })
    @Directive('@shareable')
    @Directive('@inaccessible')
    async eraseDocument(@Arg('order', () => String) token: string, @Ctx() ctx: SubgraphContext): Promise<number> {
      const order = callFromRegistry(ctx) ? await verifyErasureOrder(ctx.deps.grantKeys.verify, token, source) : null;
      if (!order) {
        recordAccess(ctx, {
          patientIns: null,
          action: 'erase-document',
          outcome: 'denied',
          rule: 'deny.no-purge-order',
        });
        throw forbidden('Only the registry orders an erasure');
      }
      // The erasure and its trace stand or fall together.
      return tracedTransaction(ctx, async (tx) => {
        const gone = await tx.query<{ id: string }>(
          `DELETE FROM ${table} WHERE patient_ins = $1 AND COALESCE(lineage_id, id) IN (
             SELECT COALESCE(lineage_id, id) FROM ${table} WHERE patient_ins = $1 AND id = $2) RETURNING id`,
          [order.ins, order.documentId],
        );
        if (documents.withContent && gone.length > 0)
          await tx.query('DELETE FROM document_content WHERE document_id = ANY($1::text[])', [gone.map((g) => g.id)]);
        recordAccess(ctx, {
          patientIns: order.ins,
          action: 'erase-document',
          touched: gone.map((g) => g.id),
          outcome: 'allowed',
          rule: 'lifecycle.decide-document-deletion.host-physician',
        });
        return gone.length;
      });
    }
  }
  return DocumentErasureResolver;
}
