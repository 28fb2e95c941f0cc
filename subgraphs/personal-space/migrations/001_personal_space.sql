-- The patient's personal space: their own documents and notes, and what they state about themselves.
CREATE TABLE personal_document (
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
  mime_type text NOT NULL DEFAULT 'text/plain',
  body text
);
CREATE INDEX personal_document_patient_recent ON personal_document (patient_ins, effective_at DESC, id DESC);
CREATE TABLE allergy (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  substance text NOT NULL,
  reaction text,
  severity text NOT NULL CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE', 'UNKNOWN')),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX allergy_patient ON allergy (patient_ins);
CREATE TABLE antecedent (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('MEDICAL', 'SURGICAL', 'FAMILY')),
  label text NOT NULL,
  since_year integer,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX antecedent_patient ON antecedent (patient_ins);
CREATE TABLE vaccination (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  vaccine text NOT NULL,
  administered_on date NOT NULL,
  lot text,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX vaccination_patient ON vaccination (patient_ins);
CREATE TABLE emergency_contact (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  name text NOT NULL,
  relation text NOT NULL,
  phone text NOT NULL,
  is_trusted_person boolean NOT NULL DEFAULT false
);
CREATE INDEX emergency_contact_patient ON emergency_contact (patient_ins);
CREATE TABLE profile (
  patient_ins text PRIMARY KEY,
  organ_donation text NOT NULL DEFAULT 'NOT_STATED' CHECK (organ_donation IN ('NOT_STATED', 'NO_OBJECTION', 'OBJECTS')),
  updated_at timestamptz NOT NULL
);
