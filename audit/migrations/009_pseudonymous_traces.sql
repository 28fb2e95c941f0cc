-- Deletion leaves only the trace of the deletion (seed 002: « Seule la trace de cette destruction est
-- conservée »). A trace names its patient by a pseudonym under a key of that patient's own (audit/patient-keys.ts);
-- deleting the record destroys the key, so the earlier traces stay in the chain, verifiable, and can no longer be
-- linked to the person. Only the traces of the deletion name the INS. Rows written before this migration keep
-- the INS they were chained with (docs/security.md, "Traces after deletion").
CREATE TABLE patient_key (
  ins text PRIMARY KEY,
  key text NOT NULL
);
ALTER TABLE access_trace RENAME COLUMN patient_ins TO patient_ref;
