-- Oncology DCC (dossier communicant de cancérologie): fiche RCP, PPS, pathology and operative reports.
CREATE TABLE dcc_record (
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
  tumour_site_code text,
  tumour_site_label text,
  meeting_date date,
  decision text,
  summary text
);
CREATE INDEX dcc_record_patient_recent ON dcc_record (patient_ins, effective_at DESC, id DESC);
