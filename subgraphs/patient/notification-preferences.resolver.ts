import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { perRequest } from '../../runtime/context';
import { mayControl } from '../../policy/controls';
import { touch } from '../../audit/trace-recorder';
import {
  findNotificationPreferences,
  saveNotificationPreference,
  type NotificationPreferenceRow,
} from '../../audit/notification-preferences';
import { NOTIFICATION_KINDS, isNotificationKind, notificationKind } from '../../domain/notification-kinds';
import type { SubgraphContext } from '../kit/context';
import { listsPerPatient } from '../kit/documents/rows-by-patient';
import { Patient } from './patient.type';
import { NotificationKindEnum } from './notification.type';
import { NotificationPreference } from './notification-preferences.type';
import { factsOf, type VisiblePatient } from './patient.loader';
import { guardedChange } from './guarded-change';

/** The asking reader's stored choices, every record of the request in one statement. */
const preferenceLoaders = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<string, NotificationPreferenceRow[]>(async (insList) =>
      listsPerPatient(insList, await findNotificationPreferences(ctx.deps.audit.store, insList, ctx.actor.id)),
    ),
);

/** Every kind, in the list's order, with this reader's choice (no row: on; a kind the law requires: always on). */
function preferencesOf(rows: readonly NotificationPreferenceRow[]): NotificationPreference[] {
  return NOTIFICATION_KINDS.map((kind) => ({
    kind: kind.code,
    label: kind.label,
    enabled: !kind.mayTurnOff || (rows.find((r) => r.kind === kind.code)?.enabled ?? true),
    mayTurnOff: kind.mayTurnOff,
    basis: kind.basis,
  }));
}

/**
 * Notification preferences (issue 18, item 7; the app's get/set_preference_notification): each reader of a
 * record's notifications turns the delivery of a kind to their own channel off or on again. The notifier reads the
 * stored choices when it sends (audit/notifier.ts); the inbox keeps every notification whatever the choice.
 */
@Resolver(() => Patient)
export class NotificationPreferencesResolver {
  @FieldResolver(() => [NotificationPreference], {
    nullable: true,
    description:
      'For the asking reader (the patient or one of their legal representatives), each kind of notification: whether it is delivered to them and whether they may turn it off.',
  })
  async notificationPreferences(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NotificationPreference[]> {
    touch(ctx, patient.decision.grant, 'notification-preferences');
    return preferencesOf(await preferenceLoaders(ctx).load(patient.ins));
  }

  @Mutation(() => [NotificationPreference], {
    nullable: true,
    description:
      "Turns the delivery of one kind of notification to the asking reader's channel off or on again (the patient or their legal representative, each for themselves: another reader's choice is untouched). A kind the law requires (`mayTurnOff` false) cannot be turned off. Returns the reader's preferences.",
  })
  async setNotificationPreference(
    @Arg('ins', () => String, { description: "The patient's INS (NIR or NIA)." }) rawIns: string,
    @Arg('kind', () => NotificationKindEnum, { description: 'The kind (domain/notification-kinds.json).' })
    kind: string,
    @Arg('enabled', () => Boolean, { description: 'true: delivered to this reader; false: only kept in the inbox.' })
    enabled: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NotificationPreference[]> {
    const ins = insArgument(rawIns);
    if (!isNotificationKind(kind)) throw badInput('kind', `${kind} is not a notification kind`);
    if (!enabled && !notificationKind(kind).mayTurnOff)
      throw badInput('kind', `the law requires ${kind} to reach the patient's side: it cannot be turned off`);
    await guardedChange(ctx, {
      ins,
      action: 'set-notification-preference',
      touched: 'notification-preferences',
      decide: (row) => mayControl(ctx.actor, factsOf(row), 'set-notification-preference'),
      // The choice lives in the audit store, beside the outbox the notifier reads: it is written below, once the
      // decision's trace is durable, so that a failure leaves at worst a trace of a change not made, never a
      // change without its trace (subgraphs/kit/traced-transaction.ts).
      apply: async () => undefined,
    });
    const reader = ctx.actor.id;
    await saveNotificationPreference(ctx.deps.audit.store, { ins, reader, kind, enabled, now: ctx.now });
    const loader = preferenceLoaders(ctx);
    loader.clear(ins);
    return preferencesOf(await loader.load(ins));
  }
}
