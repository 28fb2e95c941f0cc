-- The host's médecin (médecin de l'hébergeur, seed 002) decides the patients' requests to delete a document a
-- professional wrote (R1111-51): each is carried out, erasing every version at its source, or refused with a
-- reason the patient reads.
ALTER TABLE account DROP CONSTRAINT account_kind_check;
ALTER TABLE account ADD CONSTRAINT account_kind_check CHECK (kind IN ('representative', 'regulator', 'establishment', 'assurance_maladie_feed', 'heir', 'analyst', 'forbidden_organisation', 'operator', 'host_physician'));
ALTER TABLE document_deletion_request ADD COLUMN status text NOT NULL DEFAULT 'PENDING'
  CHECK (status IN ('PENDING', 'CARRIED_OUT', 'REFUSED'));
ALTER TABLE document_deletion_request ADD COLUMN decided_by text;
ALTER TABLE document_deletion_request ADD COLUMN decided_at timestamptz;
ALTER TABLE document_deletion_request ADD COLUMN decision_reason text;
ALTER TABLE document_deletion_request ADD COLUMN erased_versions integer;
CREATE INDEX document_deletion_request_pending ON document_deletion_request (requested_at, id) WHERE status = 'PENDING';
