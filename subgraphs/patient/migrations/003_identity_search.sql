-- Identity search by traits (centre 15): keys computed from the names (domain/name-keys.ts) when a patient is
-- written; the mandatory birth date narrows a million patients to a few dozen through its index.
ALTER TABLE patient ADD COLUMN name_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE patient ADD COLUMN first_name_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX patient_birth_date ON patient (birth_date);
