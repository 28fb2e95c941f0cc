-- Uploads from a phone (issue 18, item 4). The personal space keeps photos and scans (JPEG, PNG, TIFF) and RTF
-- letters besides PDF, CDA and text (domain/formats.ts, PHONE_MIME_TYPES); the other sources' files stay clinical.
ALTER TABLE document_content DROP CONSTRAINT document_content_mime_type_check;
ALTER TABLE document_content ADD CONSTRAINT document_content_mime_type_check CHECK (
  mime_type IN ('application/pdf', 'application/hl7-cda+xml', 'text/plain', 'image/jpeg', 'image/png', 'image/tiff', 'application/rtf')
);
-- A file on its way to becoming a document: a ticket is issued for a declared type, size and digest
-- (requestPersonalDocumentUpload), the bytes arrive once through the gateway's PUT /uploads/<ticket>, then
-- writePersonalDocument takes them (the row goes). Only the ticket's SHA-256 is kept: a copy of this table
-- opens no upload. Rows past expires_at are cleaned on the clock by the next request of a ticket.
CREATE TABLE personal_upload (
  id text PRIMARY KEY,
  ticket_sha256 text NOT NULL UNIQUE,
  patient_ins text NOT NULL,
  actor_id text NOT NULL,
  mime_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Until the bytes arrive: the ticket's end; once they have, how long they wait to be written.
  expires_at timestamptz NOT NULL,
  -- Set when the ticket is presented: a ticket is used once, whether its bytes pass the checks or not.
  presented_at timestamptz,
  received_at timestamptz,
  bytes bytea
);
CREATE INDEX personal_upload_expiry ON personal_upload (expires_at);
CREATE INDEX personal_upload_patient ON personal_upload (patient_ins);
