import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, forbidden, notFound } from '../../runtime/errors';
import { PageArgs, decodeCursor, pageSize, toConnection, type CursorScope } from '../../runtime/graphql/connection';
import { mayDecideDocumentDeletion } from '../../policy/lifecycle';
import { recordAccess, touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { callPeer } from '../kit/peer-call';
import { signErasureOrder } from '../kit/registry-tokens';
import { tracedTransaction } from '../kit/traced-transaction';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import {
  DeletionDecisionEnum,
  DeletionRequestStatusEnum,
  DocumentDeletionRequest,
  DocumentDeletionRequestConnection,
  type DeletionRequestStatus,
} from './deletion-request.type';
import * as repo from './deletion-request.repo';

/** A stated reason, as the patient's side reads it: 10 to 2,000 characters, spaces folded. */
export function statedReason(field: string, text: string): string {
  const why = text.trim().replace(/\s+/g, ' ');
  if (why.length < 10 || why.length > 2000) throw badInput(field, 'state the reason in 10 to 2,000 characters');
  return why;
}

const REQUEST_ID = /^[1-9][0-9]{0,17}$/;
const traced = (id: string) => `deletion-request:${id}`;

/** The host's médecin, or FORBIDDEN: the refusal is traced, naming no patient. */
function hostPhysicianOnly(ctx: SubgraphContext, action: string) {
  const right = mayDecideDocumentDeletion(ctx.actor);
  if (!right.allowed) {
    recordAccess(ctx, { patientIns: null, action, outcome: 'denied', rule: right.rule });
    throw forbidden(right.reason);
  }
  return right;
}

/**
 * Deletion requests carried through (R1111-51; docs/law.md §4): the host's médecin reads the queue and carries
 * out or refuses each request, with a reason; the patient's side reads each request's outcome and is notified.
 */
@Resolver(() => Patient)
export class DeletionRequestResolver {
  @Query(() => DocumentDeletionRequestConnection, {
    name: 'documentDeletionRequests',
    nullable: true,
    description:
      "The host's médecin's queue of requests to delete a document, oldest first (PENDING by default). Each request read is traced to its patient.",
  })
  deletionRequestQueue(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => DeletionRequestStatusEnum, {
      defaultValue: 'PENDING',
      description: 'Only the requests in this status.',
    })
    status: DeletionRequestStatus,
    @Ctx() ctx: SubgraphContext,
  ) {
    const right = hostPhysicianOnly(ctx, 'read-deletion-requests');
    const size = pageSize(page.first);
    const scope: CursorScope = { list: 'documentDeletionRequests', args: [status], id: 'serial' };
    const after = page.after ? decodeCursor(page.after, scope) : null;
    return toConnection<DocumentDeletionRequest>(
      async () => {
        const rows = await repo.requestsByStatus(ctx.deps.store, status, size, after);
        for (const r of rows.slice(0, size))
          recordAccess(ctx, {
            patientIns: r.ins,
            action: 'read-deletion-requests',
            touched: [traced(r.id)],
            outcome: 'allowed',
            rule: right.rule,
          });
        return rows;
      },
      size,
      page.after,
      (r) => ({ at: r.requestedAt.toISOString(), id: r.id }),
      () => repo.countByStatus(ctx.deps.store, status),
      scope,
    );
  }

  @Mutation(() => DocumentDeletionRequest, {
    nullable: true,
    description:
      "The host's médecin carries out a request (the document, every version and its file, erased from its source) or refuses it with a reason the patient reads. Traced, and the patient's side is notified. A request is decided once.",
  })
  async decideDocumentDeletion(
    @Arg('requestId', () => ID, { description: 'The request (`DocumentDeletionRequest.id`).' }) requestId: string,
    @Arg('decision', () => DeletionDecisionEnum, { description: 'Carry it out or refuse it.' })
    decision: keyof typeof DeletionDecisionEnum,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Required to refuse (10 to 2,000 characters); an optional note when carrying out.',
    })
    reason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentDeletionRequest> {
    const right = hostPhysicianOnly(ctx, 'decide-document-deletion');
    if (!REQUEST_ID.test(requestId)) throw badInput('requestId', 'not a deletion request id');
    if (decision === 'REFUSE' && !reason?.trim()) throw badInput('reason', 'a refusal states its reason');
    const note = reason?.trim() ? statedReason('reason', reason) : null;
    const request = await repo.findRequest(ctx.deps.store, requestId);
    if (!request) throw notFound('No such deletion request');
    if (request.status !== 'PENDING')
      throw badInput('requestId', `already decided: ${request.status.toLowerCase().replace('_', ' ')}`);
    // The source erases first, on the registry's order for this patient and document; it is idempotent, so a
    // decision that fails after it is simply made again. A source away leaves the request pending.
    let erased: number | null = null;
    if (decision === 'CARRY_OUT') {
      const sign = ctx.deps.grantKeys.sign;
      if (!sign) throw new Error('the registry has no signing key');
      const order = await signErasureOrder(sign, {
        ins: request.ins,
        source: request.source,
        documentId: request.documentId,
      });
      ({ eraseDocument: erased } = await callPeer<{ eraseDocument: number }>(
        ctx,
        request.source as never,
        'mutation Erase($order: String!) { eraseDocument(order: $order) }',
        { order },
      ));
    }
    return tracedTransaction(ctx, async (tx) => {
      const decided = await repo.recordDecision(
        tx,
        request.id,
        { status: decision === 'CARRY_OUT' ? 'CARRIED_OUT' : 'REFUSED', by: ctx.actor.id, reason: note, erased },
        ctx.now,
      );
      if (!decided) throw badInput('requestId', 'already decided');
      recordAccess(ctx, {
        patientIns: request.ins,
        action: 'decide-document-deletion',
        touched: [traced(request.id)],
        outcome: 'allowed',
        rule: right.rule,
      });
      return decided;
    });
  }

  @FieldResolver(() => [DocumentDeletionRequest], {
    nullable: true,
    description:
      "The requests to delete a document made for this record, newest first, with what the host's médecin decided (the patient, and each representative for their own).",
  })
  documentDeletionRequests(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext) {
    touch(ctx, patient.decision.grant, 'documentDeletionRequests');
    // Separated parents: each reads the requests they made, the patient all of them.
    const own = patient.decision.grant.mode === 'representative' ? ctx.actor.id : null;
    return repo.requestsOf(ctx.deps.store, patient.ins, own);
  }
}
