-- A copy of the record (seed 002: « Le droit de demander et d'obtenir une copie de votre DMP … gratuitement dans
-- un délai de 8 jours »): asked by the patient's side, produced in the background as the requester reads the
-- record, kept for its requester to download until `available_until`, then deleted by the registry's job.
CREATE TABLE record_copy (
  id bigserial PRIMARY KEY,
  patient_ins text NOT NULL REFERENCES patient (ins),
  requested_by text NOT NULL,
  requester jsonb NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'FAILED')),
  ready_at timestamptz,
  available_until timestamptz,
  size_bytes integer,
  content text
);
CREATE INDEX record_copy_patient ON record_copy (patient_ins, requested_at DESC);
CREATE INDEX record_copy_pending ON record_copy (id) WHERE status = 'PENDING';
