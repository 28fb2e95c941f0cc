import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { mayControl } from '../../policy/controls';
import { touch } from '../../audit/trace-recorder';
import { countNotifications, markNotifications } from '../../audit/trace-repo';
import type { PatientSide } from '../../audit/trace';
import type { SubgraphContext } from '../kit/context';
import { Patient } from './patient.type';
import { factsOf, patientAfterChange, type VisiblePatient } from './patient.loader';
import { guardedChange } from './guarded-change';

const NOTIFICATION_ID = /^[1-9][0-9]{0,17}$/;

function notificationIds(ids: string[] | null, field: string): string[] | null {
  if (ids === null) return null;
  if (ids.length === 0 || ids.length > 100) throw badInput(field, 'give 1 to 100 notification ids');
  for (const id of ids) if (!NOTIFICATION_ID.test(id)) throw badInput(field, `${id} is not a notification id`);
  return ids;
}

/**
 * The notification inbox (issue 18, item 7): each reader of a record's notifications, the patient or one of
 * their representatives, marks them read or dismisses them for themselves; the others' marks are untouched.
 */
@Resolver(() => Patient)
export class NotificationInboxResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'How many of the notifications the asking reader may see they have not read.',
  })
  unreadNotificationCount(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<number> {
    touch(ctx, patient.decision.grant, 'notifications');
    const mode = patient.decision.grant.mode;
    const side: PatientSide | null = mode === 'patient' || mode === 'representative' ? mode : null;
    return countNotifications(ctx.deps.audit.store, patient.ins, { side, reader: ctx.actor.id, unreadOnly: true });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Marks notifications read for the asking reader: those named (1 to 100), or every one when `ids` is omitted.',
  })
  markNotificationsRead(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], {
      nullable: true,
      description: 'The notifications (`PatientNotification.id`), 1 to 100; omitted: every one.',
    })
    ids: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.mark(ctx, ins, notificationIds(ids ?? null, 'ids'), 'read');
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Marks notifications unread again for the asking reader (1 to 100).',
  })
  markNotificationsUnread(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The notifications (`PatientNotification.id`), 1 to 100.' }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.mark(ctx, ins, notificationIds(ids, 'ids'), 'unread');
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: "Removes notifications from the asking reader's inbox (1 to 100); the others' inboxes keep them.",
  })
  dismissNotifications(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The notifications (`PatientNotification.id`), 1 to 100.' }) ids: string[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.mark(ctx, ins, notificationIds(ids, 'ids'), 'dismissed');
  }

  private async mark(
    ctx: SubgraphContext,
    rawIns: string,
    ids: string[] | null,
    mark: 'read' | 'unread' | 'dismissed',
  ) {
    const ins = insArgument(rawIns);
    await guardedChange(ctx, {
      ins,
      action: `${mark === 'dismissed' ? 'dismiss' : mark}-notifications`,
      touched: 'notifications',
      decide: (row) => mayControl(ctx.actor, factsOf(row), 'mark-notifications'),
      apply: () => markNotifications(ctx.deps.audit.store, ins, ctx.actor.id, ids, mark, ctx.now),
    });
    return patientAfterChange(ctx, ins);
  }
}
