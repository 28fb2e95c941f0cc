-- Notification preferences (issue 18, item 7): each reader of a record's notifications (the patient, each legal
-- representative) turns a kind's delivery to their own channel on or off; one reader's choice never changes
-- another's. No row: on. The notifier reads them when it claims a notification (audit/notifier.ts), so that a
-- kind turned off leaves the outbox and the inbox as it was and is only not delivered to that reader. Which kinds
-- may be turned off is domain/notification-kinds.json's, checked before a row is written and again when read.
-- Erased with the patient (patient_ins) at deletion.
CREATE TABLE notification_preference (
  patient_ins text NOT NULL,
  reader text NOT NULL,
  kind text NOT NULL,
  enabled boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, kind, reader)
);
