-- Notifications to the patient (docs/law.md §4), written in the same transaction as the access that causes
-- them. A row is done when delivered, not when relayed: Redis may lose what it was given.
CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  patient_ins text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DMP_CREATED', 'FIRST_ACCESS', 'EMERGENCY_ACCESS', 'NEW_DOCUMENT')),
  actor_id text,
  actor_kind text,
  actor_profession text,
  mode text,
  request_id text NOT NULL,
  at timestamptz NOT NULL,
  relayed_at timestamptz,
  delivered_at timestamptz,
  UNIQUE (kind, patient_ins, request_id)
);
CREATE INDEX notification_outbox_pending ON notification_outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX notification_outbox_patient ON notification_outbox (patient_ins, at DESC, id DESC);
CREATE TABLE first_access (
  patient_ins text NOT NULL,
  actor_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, actor_id)
);
