-- The roles a patient gives professionals of their care as the patient apps show them, beside the médecin
-- traitant: a sage-femme référente (loi n° 2021-502 of 26 April 2021, art. 9; décret n° 2023-1035) and a
-- pharmacien correspondant (CSP L5125-1-1 A 7°, R5125-33-5). One holder per role and patient, replaced when
-- named again. A role is informational: it grants no reading (decide() never reads this table), and is kept
-- apart from the access relations of care_relation, as the app keeps roles apart from access.
CREATE TABLE care_role (
  patient_ins text NOT NULL REFERENCES patient (ins),
  role text NOT NULL,
  rpps text NOT NULL REFERENCES professional (rpps),
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, role)
);
CREATE INDEX care_role_professional ON care_role (rpps);
-- An establishment the patient blocked (docs/law.md §3, as a professional is blocked): its staff, and whoever
-- reads through it (its care team, an emergency inside it), read nothing of the record while the row is there.
CREATE TABLE establishment_block (
  patient_ins text NOT NULL REFERENCES patient (ins),
  finess text NOT NULL,
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, finess)
);
