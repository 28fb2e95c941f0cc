-- Masking by default (MASQUE_PS, docs/law.md §4): the patient's side asks that documents deposited from now on be
-- masked from professionals. Each span the default was on is kept, so that a document deposited within one stays
-- masked after the default is lifted (it was masked at its deposit); the sources learn the spans through the
-- access grant and judge each document by its own instant of deposit (policy/default-masking.ts).
CREATE TABLE document_masking_default (
  patient_ins text NOT NULL REFERENCES patient (ins),
  since timestamptz NOT NULL,
  until timestamptz,
  PRIMARY KEY (patient_ins, since),
  CHECK (until IS NULL OR until > since)
);
-- At most one span still on per patient.
CREATE UNIQUE INDEX document_masking_default_open ON document_masking_default (patient_ins) WHERE until IS NULL;

-- The patient's side unmasked these documents: their word on a document prevails over their default, and follows
-- the document's lineage as a mask does. Masking the document again removes the row.
CREATE TABLE document_unmask (
  patient_ins text NOT NULL REFERENCES patient (ins),
  document_id text NOT NULL,
  source text NOT NULL,
  unmasked_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, document_id)
);
