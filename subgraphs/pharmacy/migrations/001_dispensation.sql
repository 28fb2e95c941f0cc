-- Pharmaceutical dossier (DP): dispensations by pharmacies.
CREATE TABLE dispensation (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  type_code text NOT NULL,
  class_code text NOT NULL,
  space text NOT NULL,
  title text NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('PROFESSIONAL', 'PATIENT', 'ALIM_AM', 'ESTABLISHMENT')),
  author_id text,
  author_name text,
  author_profession text,
  author_specialty text,
  establishment_finess text,
  establishment_name text,
  effective_at timestamptz NOT NULL,
  deposited_at timestamptz NOT NULL,
  visibility text[] NOT NULL DEFAULT '{}',
  cip13 text NOT NULL,
  atc text NOT NULL,
  product_name text NOT NULL,
  product_category text NOT NULL CHECK (product_category IN ('STANDARD', 'VACCINE', 'BIOLOGICAL')),
  quantity integer NOT NULL CHECK (quantity > 0),
  prescribed boolean NOT NULL
);
CREATE INDEX dispensation_patient_recent ON dispensation (patient_ins, effective_at DESC, id DESC);
