-- The patient is told when a professional records, at a consultation, the patient's consent to their access.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
  CHECK (kind IN ('DMP_CREATED', 'FIRST_ACCESS', 'EMERGENCY_ACCESS', 'NEW_DOCUMENT', 'CONSENT_RECORDED'));
