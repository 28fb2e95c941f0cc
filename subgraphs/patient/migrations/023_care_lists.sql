-- The professionals and establishments a patient keeps in their lists, as the patient apps show them ("My
-- professionals", "My health establishments"). A list is the patient's address book: it grants no access
-- (decide() never reads these tables) and is kept apart from care_relation, care_role and establishment_block.
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
