-- The notification inbox (a patient app's): each reader of a record's notifications (the patient, each
-- representative) marks them read or dismisses them for themselves. Erased with the notification, and with the
-- patient (patient_ins) at deletion.
CREATE TABLE notification_reading (
  notification_id bigint NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
  patient_ins text NOT NULL,
  reader text NOT NULL,
  read_at timestamptz,
  dismissed_at timestamptz,
  PRIMARY KEY (notification_id, reader)
);
CREATE INDEX notification_reading_patient ON notification_reading (patient_ins, reader);
-- What a notification is about, when it is one document (NEW_DOCUMENT): `<source>:<document id>`.
ALTER TABLE notification_outbox ADD COLUMN subject text;
