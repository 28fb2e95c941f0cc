-- The professionals and establishments a patient keeps in their lists, as the patient apps show them ("My
-- professionals", "My health establishments"). A list is the patient's address book: it grants no access
-- (decide() never reads these tables) and is kept apart from care_relation, care_role and establishment_block.
-- The directory's contact details of a professional, as the lists show them: one practice address and phone.
ALTER TABLE professional ADD COLUMN address_line text;
ALTER TABLE professional ADD COLUMN postal_code text;
ALTER TABLE professional ADD COLUMN city text;
ALTER TABLE professional ADD COLUMN phone text;
CREATE TABLE listed_professional (
  patient_ins text NOT NULL REFERENCES patient (ins),
  rpps text NOT NULL REFERENCES professional (rpps),
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, rpps)
);
CREATE TABLE listed_establishment (
  patient_ins text NOT NULL REFERENCES patient (ins),
  finess text NOT NULL,
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, finess)
);
