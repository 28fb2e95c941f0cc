-- Deposits (issue 8): versions (a new one supersedes the old, which stays as history), and the writer's
-- idempotency key with a hash of what it brought (the same key twice creates one document).
ALTER TABLE personal_document ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE personal_document ADD COLUMN lineage_id text;
ALTER TABLE personal_document ADD COLUMN superseded_by text;
ALTER TABLE personal_document ADD COLUMN depositor_id text;
ALTER TABLE personal_document ADD COLUMN idempotency_key text;
ALTER TABLE personal_document ADD COLUMN request_hash text;
CREATE UNIQUE INDEX personal_document_idempotency ON personal_document (depositor_id, idempotency_key);
CREATE INDEX personal_document_lineage ON personal_document (lineage_id) WHERE lineage_id IS NOT NULL;
-- The file deposited with a document: declared type, size and checksum checked on arrival.
CREATE TABLE document_content (
  document_id text PRIMARY KEY,
  patient_ins text NOT NULL,
  mime_type text NOT NULL CHECK (mime_type IN ('application/pdf', 'application/hl7-cda+xml', 'text/plain')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  bytes bytea NOT NULL
);
CREATE INDEX document_content_patient ON document_content (patient_ins);
