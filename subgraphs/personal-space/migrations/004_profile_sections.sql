-- The health profile's sections the patient declares themselves (issue 18): treatments, hospitalisations,
-- disabilities, and per section a "not concerned" declaration. Dates the patient remembers only in part are
-- kept as ISO 8601 reduced precision text ('2019', '2019-04', '2019-04-12', subgraphs/personal-space/partial-date.ts):
-- the form checks the shape, the code checks the calendar before any SQL.
CREATE TABLE treatment (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  name text NOT NULL,
  cip13 text CHECK (cip13 ~ '^34009[0-9]{8}$'),
  dosage text,
  comment text,
  start_on text CHECK (start_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  end_on text CHECK (end_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX treatment_patient ON treatment (patient_ins);
-- What a treatment is taken for (an antecedent) or what it must avoid (an allergy): a link goes when either
-- end goes.
CREATE TABLE treatment_link (
  treatment_id text NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
  patient_ins text NOT NULL,
  allergy_id text REFERENCES allergy (id) ON DELETE CASCADE,
  antecedent_id text REFERENCES antecedent (id) ON DELETE CASCADE,
  CHECK ((allergy_id IS NULL) <> (antecedent_id IS NULL))
);
CREATE UNIQUE INDEX treatment_link_allergy ON treatment_link (treatment_id, allergy_id) WHERE allergy_id IS NOT NULL;
CREATE UNIQUE INDEX treatment_link_antecedent ON treatment_link (treatment_id, antecedent_id) WHERE antecedent_id IS NOT NULL;
CREATE INDEX treatment_link_patient ON treatment_link (patient_ins);
CREATE TABLE hospitalisation (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  reason text NOT NULL,
  comment text,
  start_on text CHECK (start_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
  duration integer CHECK (duration > 0),
  duration_unit text CHECK (duration_unit IN ('DAY', 'WEEK', 'MONTH', 'YEAR')),
  CHECK ((duration IS NULL) = (duration_unit IS NULL)),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX hospitalisation_patient ON hospitalisation (patient_ins);
CREATE TABLE disability (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  name text NOT NULL,
  comment text,
  kinds text[] NOT NULL DEFAULT '{}',
  rate text CHECK (rate IN ('BELOW_50', 'FROM_50_TO_79', 'AT_LEAST_80')),
  technical_help boolean,
  human_help boolean,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX disability_patient ON disability (patient_ins);
-- "Not concerned" (no known allergy, no treatment…), as against a section never filled in.
CREATE TABLE profile_section_declaration (
  patient_ins text NOT NULL,
  section text NOT NULL CHECK (
    section IN ('ALLERGIES', 'MEDICAL_HISTORY', 'FAMILY_HISTORY', 'TREATMENTS', 'HOSPITALISATIONS', 'DISABILITIES')
  ),
  declared_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, section)
);
-- An entry added to a section ends its declaration, whichever write added it (the allergies and antecedents
-- of migration 001 included), in the same transaction: the two can never be read together.
-- (The migration runner splits statements at a line-ending semicolon: each body stays on one line.)
CREATE FUNCTION clear_not_concerned() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM profile_section_declaration WHERE patient_ins = NEW.patient_ins AND section = TG_ARGV[0]; RETURN NEW; END $$;
CREATE FUNCTION clear_not_concerned_antecedent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM profile_section_declaration WHERE patient_ins = NEW.patient_ins AND section = CASE WHEN NEW.kind = 'FAMILY' THEN 'FAMILY_HISTORY' ELSE 'MEDICAL_HISTORY' END; RETURN NEW; END $$;
CREATE TRIGGER allergy_ends_not_concerned AFTER INSERT ON allergy
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned('ALLERGIES');
CREATE TRIGGER antecedent_ends_not_concerned AFTER INSERT OR UPDATE OF kind ON antecedent
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned_antecedent();
CREATE TRIGGER treatment_ends_not_concerned AFTER INSERT ON treatment
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned('TREATMENTS');
CREATE TRIGGER hospitalisation_ends_not_concerned AFTER INSERT ON hospitalisation
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned('HOSPITALISATIONS');
CREATE TRIGGER disability_ends_not_concerned AFTER INSERT ON disability
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned('DISABILITIES');
