-- The patient's side is told when the host's médecin carries out or refuses a request to delete a document.
ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check;
ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
  CHECK (kind IN ('DMP_CREATED', 'FIRST_ACCESS', 'EMERGENCY_ACCESS', 'NEW_DOCUMENT', 'CONSENT_RECORDED',
                  'REPRESENTATIVE_ADDED', 'REPRESENTATIVE_REMOVED', 'DOCUMENT_DELETION_DECIDED'));
