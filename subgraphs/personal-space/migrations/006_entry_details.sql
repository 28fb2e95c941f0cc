-- What the older sections of the personal space were missing (issue 18, items 5 and 6): comments, partial dates
-- and the relative of an antecedent, the details of a vaccination, the names, numbers and address of a contact.
-- Partial dates are ISO 8601 text of reduced precision, as in 004 (subgraphs/personal-space/partial-date.ts);
-- the codes are those of subgraphs/personal-space/entry-details.json, checked before any SQL.
ALTER TABLE allergy ADD COLUMN comment text;
ALTER TABLE antecedent ADD COLUMN comment text;
ALTER TABLE antecedent ADD COLUMN start_on text CHECK (start_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$');
ALTER TABLE antecedent ADD COLUMN end_on text CHECK (end_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$');
ALTER TABLE antecedent ADD COLUMN family_relationship text CHECK (family_relationship IS NULL OR kind = 'FAMILY');
-- A row with a year and no start_on (written before this migration, or by the scenario ingester) reads that year
-- as its start (personal-space.repo.ts): nothing is copied here, so the two can never disagree.
ALTER TABLE vaccination ADD COLUMN cip13 text CHECK (cip13 ~ '^34009[0-9]{8}$');
ALTER TABLE vaccination ADD COLUMN dose_kind text CHECK (dose_kind IN ('IMMUNIZ', 'INITIMMUNIZ', 'BOOSTER'));
ALTER TABLE vaccination ADD COLUMN dose_number integer CHECK (dose_number > 0);
ALTER TABLE vaccination ADD COLUMN performer text;
ALTER TABLE vaccination ADD COLUMN comment text;
ALTER TABLE emergency_contact ADD COLUMN first_name text;
ALTER TABLE emergency_contact ADD COLUMN last_name text;
ALTER TABLE emergency_contact ADD COLUMN relation_code text;
ALTER TABLE emergency_contact ADD COLUMN other_phone text;
ALTER TABLE emergency_contact ADD COLUMN email text;
ALTER TABLE emergency_contact ADD COLUMN street text;
ALTER TABLE emergency_contact ADD COLUMN postal_code text;
ALTER TABLE emergency_contact ADD COLUMN city text;
ALTER TABLE emergency_contact ADD COLUMN country text;
-- The links of 004 are looked up from the allergy or antecedent side too.
CREATE INDEX treatment_link_by_allergy ON treatment_link (allergy_id) WHERE allergy_id IS NOT NULL;
CREATE INDEX treatment_link_by_antecedent ON treatment_link (antecedent_id) WHERE antecedent_id IS NOT NULL;
