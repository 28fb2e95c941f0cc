-- Masking (MASQUE_PS) is the patient's decision, held by the registry: sources learn it through the access grant.
CREATE TABLE document_mask (
  patient_ins text NOT NULL REFERENCES patient (ins),
  document_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('hospital', 'oncology', 'pharmacy', 'reimbursement', 'personal-space')),
  masked_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, document_id)
);
