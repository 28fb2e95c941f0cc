-- The record's lifecycle (docs/law.md §4): how consent to creation was collected, heirs after a death, and the
-- sources still to purge after a deletion (the deletion holds at once: nobody reads a DELETED record).
ALTER TABLE patient ADD COLUMN consent_collected_by text;
ALTER TABLE patient ADD COLUMN consent_collected_by_id text;
ALTER TABLE account DROP CONSTRAINT account_kind_check;
ALTER TABLE account ADD CONSTRAINT account_kind_check CHECK (kind IN ('representative', 'regulator', 'establishment', 'assurance_maladie_feed', 'heir', 'analyst', 'forbidden_organisation', 'operator'));
CREATE TABLE heir (
  patient_ins text NOT NULL REFERENCES patient (ins),
  account_id text NOT NULL REFERENCES account (id),
  relation text NOT NULL CHECK (relation IN ('AYANT_DROIT', 'CONCUBIN', 'PACS')),
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, account_id)
);
CREATE INDEX heir_account ON heir (account_id);
-- A patient's request to delete a document a professional wrote (R1111-51): recorded for the host's médecin.
CREATE TABLE document_deletion_request (
  id bigserial PRIMARY KEY,
  patient_ins text NOT NULL REFERENCES patient (ins),
  document_id text NOT NULL,
  source text NOT NULL,
  reason text NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL
);
CREATE INDEX document_deletion_request_patient ON document_deletion_request (patient_ins);
-- Sources a deletion has not reached yet; the row goes when the source confirms nothing remains.
CREATE TABLE pending_purge (
  patient_ins text NOT NULL,
  source text NOT NULL,
  requested_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, source)
);
-- A minor's representation ends by itself at 18; a protected adult's lasts until its stated end.
ALTER TABLE legal_representative ADD COLUMN protected_adult boolean NOT NULL DEFAULT false;
