import type { SqlExecutor } from '../runtime/store/sql-store';
import type { NotificationKind } from '../domain/notification-kinds';

/** One reader's choice for one kind of one record's notifications, as stored. */
export interface NotificationPreferenceRow {
  patient_ins: string;
  reader: string;
  kind: NotificationKind;
  enabled: boolean;
  changed_at: Date;
}

/** The choices one reader made, for every record asked about in one statement (a kind without a row is on). */
export function findNotificationPreferences(
  store: SqlExecutor,
  insList: readonly string[],
  reader: string,
): Promise<NotificationPreferenceRow[]> {
  return store.query<NotificationPreferenceRow>(
    'SELECT * FROM notification_preference WHERE patient_ins = ANY($1::text[]) AND reader = $2 ORDER BY kind',
    [insList, reader],
  );
}

/** Records one reader's choice for one kind; the other readers' rows are not touched. */
export async function saveNotificationPreference(
  store: SqlExecutor,
  change: { ins: string; reader: string; kind: NotificationKind; enabled: boolean; now: Date },
): Promise<void> {
  await store.query(
    `INSERT INTO notification_preference (patient_ins, reader, kind, enabled, changed_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (patient_ins, kind, reader) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at`,
    [change.ins, change.reader, change.kind, change.enabled, change.now],
  );
}

/**
 * The readers a notification must not be delivered to, as SQL over the outbox row `outbox`: those who turned
 * its kind off, unless the law requires the kind (`mandatory`, a parameter from domain/notification-kinds.json:
 * a row written before a kind became mandatory stops nothing). Read when the notifier claims the row, so that
 * a choice made while the notification waited is honoured.
 */
export const mutedReadersSql = (outbox: string, mandatory: string) =>
  `ARRAY(SELECT p.reader FROM notification_preference p
          WHERE p.patient_ins = ${outbox}.patient_ins AND p.kind = ${outbox}.kind AND NOT p.enabled
            AND NOT (p.kind = ANY(${mandatory}::text[]))
          ORDER BY p.reader)`;
