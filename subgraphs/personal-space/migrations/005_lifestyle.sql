-- Lifestyle in the health profile (issue 18): the patient's answers to the items of lifestyle.json (food,
-- physical activity, sleep, screens, alcohol, tobacco). Each answer is kept: a new one for the same item is
-- its history, the latest answered is the current one. The values are checked against the form in the code
-- before any SQL ({field, choices | number | text} per value, in the form's order).
CREATE TABLE lifestyle_answer (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  section text NOT NULL CHECK (section IN ('FOOD', 'PHYSICAL_ACTIVITY', 'SLEEP', 'SCREEN', 'ALCOHOL', 'TOBACCO')),
  item text NOT NULL,
  answer_values jsonb NOT NULL,
  answered_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('PATIENT', 'REPRESENTATIVE')),
  recorded_by_id text NOT NULL,
  recorded_by_name text
);
CREATE INDEX lifestyle_answer_history ON lifestyle_answer (patient_ins, section, item, answered_at DESC, id DESC);
CREATE INDEX lifestyle_answer_latest ON lifestyle_answer (patient_ins, answered_at DESC, id DESC);
-- A lifestyle section may be declared "not concerned" like the other sections (a young child's alcohol).
ALTER TABLE profile_section_declaration DROP CONSTRAINT profile_section_declaration_section_check;
ALTER TABLE profile_section_declaration ADD CONSTRAINT profile_section_declaration_section_check CHECK (
  section IN ('ALLERGIES', 'MEDICAL_HISTORY', 'FAMILY_HISTORY', 'TREATMENTS', 'HOSPITALISATIONS', 'DISABILITIES',
    'FOOD', 'PHYSICAL_ACTIVITY', 'SLEEP', 'SCREEN', 'ALCOHOL', 'TOBACCO')
);
-- An answer ends its section's declaration in the same transaction, as an entry does (migration 004).
CREATE FUNCTION clear_not_concerned_lifestyle() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM profile_section_declaration WHERE patient_ins = NEW.patient_ins AND section = NEW.section; RETURN NEW; END $$;
CREATE TRIGGER lifestyle_answer_ends_not_concerned AFTER INSERT ON lifestyle_answer
  FOR EACH ROW EXECUTE FUNCTION clear_not_concerned_lifestyle();
