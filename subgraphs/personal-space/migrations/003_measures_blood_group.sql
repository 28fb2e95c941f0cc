-- The health profile's measures and blood group (issue 18, item 6): what the patient's side records about the
-- patient's body. Every table names the patient (patient_ins), so the purge of a deleted record finds it.
-- Kinds, metrics, units and bounds are domain/measure-kinds.json's: checked before anything is written.
CREATE TABLE measure (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  kind text NOT NULL,
  -- One number per metric of the kind: {"SYSTOLIC_BLOOD_PRESSURE": 120, "DIASTOLIC_BLOOD_PRESSURE": 80}.
  metric_values jsonb NOT NULL,
  taken_at timestamptz NOT NULL,
  context text,
  comment text,
  -- A document of the same personal space the measure comes from (a lab report); shown only to its readers.
  document_id text,
  recorded_at timestamptz NOT NULL,
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('PATIENT', 'REPRESENTATIVE')),
  recorded_by_id text NOT NULL,
  recorded_by_name text
);
CREATE INDEX measure_patient_kind_recent ON measure (patient_ins, kind, taken_at DESC, id DESC);
CREATE INDEX measure_patient_recent ON measure (patient_ins, taken_at DESC, id DESC);
-- A target the patient sets for one metric of a kind (a weight to reach, steps a day): one per metric.
CREATE TABLE measure_target (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  kind text NOT NULL,
  metric text NOT NULL,
  value double precision NOT NULL,
  set_at timestamptz NOT NULL,
  UNIQUE (patient_ins, metric)
);
-- How the patient arranges the measures on their dashboard: each kind's place and whether it is shown.
CREATE TABLE measure_tile (
  patient_ins text NOT NULL,
  kind text NOT NULL,
  position integer NOT NULL,
  visible boolean NOT NULL,
  PRIMARY KEY (patient_ins, kind)
);
-- The ABO group and Rh factor, as the patient's side states it, with who recorded it and when.
CREATE TABLE blood_group (
  patient_ins text PRIMARY KEY,
  blood_group text NOT NULL CHECK (blood_group IN ('APOS', 'ANEG', 'BPOS', 'BNEG', 'ABPOS', 'ABNEG', 'OPOS', 'ONEG')),
  recorded_at timestamptz NOT NULL,
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('PATIENT', 'REPRESENTATIVE')),
  recorded_by_id text NOT NULL,
  recorded_by_name text
);
