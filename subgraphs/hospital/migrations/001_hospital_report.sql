-- Hospital reports (lettre de liaison, CR d'hospitalisation, opératoire, imagerie, biologie, urgences…).
CREATE TABLE hospital_report (
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
  stay_start date,
  stay_end date,
  care_unit text,
  summary text
);
CREATE INDEX hospital_report_patient_recent ON hospital_report (patient_ins, effective_at DESC, id DESC);
