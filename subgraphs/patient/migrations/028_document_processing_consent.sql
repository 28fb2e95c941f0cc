-- Consent to the automatic processing of the record's documents (docs/law.md §4, "Automatic processing"): the
-- patient's side agrees, or refuses, that a service read the documents of the record to extract measures into
-- the personal space. Health data processed for a purpose the patient chose rests on their explicit consent
-- (RGPD art. 9.2.a), which they withdraw as easily as they gave it (art. 7.3). No row: never asked, so nothing is
-- processed. One row per patient, the decision in force; each change is in the access trace.
CREATE TABLE document_processing_consent (
  patient_ins text PRIMARY KEY REFERENCES patient (ins),
  granted boolean NOT NULL,
  decided_at timestamptz NOT NULL
);
