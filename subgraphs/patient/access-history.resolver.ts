import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs, decodeCursor, pageSize, toConnection, type CursorScope } from '../../runtime/graphql/connection';
import { badInput } from '../../runtime/errors';
import { countAccessEvents, findAccessEvents, findAccessors } from '../../audit/trace-repo';
import { hiddenPrefixes } from '../../audit/trace';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { AccessEvent, AccessEventConnection, AccessTraceFilter, Accessor } from './access-trace.type';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { historyFilter } from './history-filter';

const MAX_ACCESSORS = 100;

/**
 * The access history as a patient app shows it (issue 18): one entry per access rather than per source, and
 * who accessed, each once. Both read the traces accessTraces reads, under the same filter of what this reader
 * may see (history-filter.ts), grouped and counted in SQL; reading them is traced as accessTraces is.
 */
@Resolver(() => Patient)
export class AccessHistoryResolver {
  @FieldResolver(() => AccessEventConnection, {
    nullable: true,
    description:
      'Who accessed this record, newest first, one entry per access (a request) whichever sources served it: the patient, their representatives and their médecin traitant. Reading it is traced.',
  })
  accessEvents(
    @Root() patient: VisiblePatient,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccessTraceFilter, {
      nullable: true,
      description: 'Narrows the history; every criterion given must hold.',
    })
    filter: AccessTraceFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    touch(ctx, patient.decision.grant, 'accessTraces');
    const traceFilter = historyFilter(ctx, patient, filter);
    const hidden = traceFilter.side ? hiddenPrefixes(traceFilter.side) : [];
    const size = pageSize(page.first);
    const scope: CursorScope = { list: 'accessEvents', args: [patient.ins, traceFilter], id: 'serial' };
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const store = ctx.deps.audit.store;
    return toConnection<AccessEvent>(
      async () =>
        (await findAccessEvents(store, patient.ins, traceFilter, size, after)).map((e) => ({
          ...e,
          seq: String(e.seq),
          touched: e.touched.filter((item) => !hidden.some((p) => item.startsWith(p))),
        })),
      size,
      page.after,
      (e) => ({ at: e.at.toISOString(), id: e.seq }),
      () => countAccessEvents(store, patient.ins, traceFilter),
      scope,
    );
  }

  @FieldResolver(() => [Accessor], {
    nullable: true,
    description: `Who accessed this record, each once, the most recent first, with their last access and how many (at most ${MAX_ACCESSORS}): the app's list of professionals who consulted it. Same readers and filter as accessEvents.`,
  })
  async accessors(
    @Root() patient: VisiblePatient,
    @Arg('filter', () => AccessTraceFilter, {
      nullable: true,
      description: 'Narrows the history; every criterion given must hold.',
    })
    filter: AccessTraceFilter | null,
    @Arg('first', () => Int, { nullable: true, description: `1 to ${MAX_ACCESSORS}; default 20.` })
    first: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Accessor[]> {
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCESSORS)
      throw badInput('first', `must be 1 to ${MAX_ACCESSORS}`);
    touch(ctx, patient.decision.grant, 'accessTraces');
    return findAccessors(ctx.deps.audit.store, patient.ins, historyFilter(ctx, patient, filter), limit);
  }
}
