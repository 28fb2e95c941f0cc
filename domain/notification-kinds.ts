import { readFileSync } from 'node:fs';
import { projectPath } from './paths';

/**
 * A kind of notification to the patient's side: one of the codes of domain/notification-kinds.json, the one list
 * the outbox, the graph's enum and the notifier read (a brand, so that a string from elsewhere must be checked).
 */
export type NotificationKind = string & { readonly __notificationKind: unique symbol };

export interface NotificationKindDef {
  code: NotificationKind;
  /** What the patient reads, in French. */
  label: string;
  /** Whether a reader may stop its delivery to their channel (the inbox keeps it either way). */
  mayTurnOff: boolean;
  /** Why: the law that requires it, or that the law is silent. */
  basis: string;
}

export class NotificationKindsError extends Error {}

/** Loads domain/notification-kinds.json and checks it holds together, so that a bad edit stops the start. */
export function loadNotificationKinds(
  path = projectPath('domain', 'notification-kinds.json'),
): readonly NotificationKindDef[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { kinds: NotificationKindDef[] };
  const seen = new Set<string>();
  for (const kind of file.kinds) {
    const fail = (what: string) => {
      throw new NotificationKindsError(`${path}: ${kind.code} ${what}`);
    };
    if (!/^[A-Z][A-Z_]*$/.test(kind.code)) fail('is not an enum-like code');
    if (seen.has(kind.code)) fail('is listed twice');
    seen.add(kind.code);
    if (!kind.label?.trim()) fail('has no label');
    if (typeof kind.mayTurnOff !== 'boolean') fail('does not say whether it may be turned off');
    if (!kind.basis?.trim()) fail('does not say why it may or may not be turned off');
  }
  return file.kinds;
}

export const NOTIFICATION_KINDS: readonly NotificationKindDef[] = loadNotificationKinds();

export const NOTIFICATION_KIND_CODES: readonly NotificationKind[] = NOTIFICATION_KINDS.map((k) => k.code);

/** The kinds the law requires to reach the reader: a preference never stops them. */
export const MANDATORY_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(
  (k) => !k.mayTurnOff,
).map((k) => k.code);

export const isNotificationKind = (value: string): value is NotificationKind =>
  NOTIFICATION_KINDS.some((k) => k.code === value);

/** The definition of a kind; throws on a code the list does not hold (a bug, never input: check that first). */
export function notificationKind(code: string): NotificationKindDef {
  const found = NOTIFICATION_KINDS.find((k) => k.code === code);
  if (!found) throw new NotificationKindsError(`${code} is not a notification kind`);
  return found;
}
