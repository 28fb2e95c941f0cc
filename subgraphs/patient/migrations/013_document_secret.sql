-- L1111-5: a minor may keep a document already in their DMP secret from their legal representatives. Like a mask,
-- the decision is the registry's and reaches the sources through the access grant; it follows the document's
-- lineage there. It adds the label INVISIBLE_REPRESENTANTS_LEGAUX to what the source holds, and removing it
-- removes only this decision, never a label the author set at deposit.
CREATE TABLE document_secret (
  patient_ins text NOT NULL REFERENCES patient (ins),
  document_id text NOT NULL,
  source text NOT NULL,
  kept_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, document_id)
);
