-- Staff an establishment vouches for without a CPS card of their own (docs/law.md §3; seed 003: "accès au DMP
-- sans CPS en établissements de santé"): interns and students known to it, or professionals whose card is not
-- at hand, each with a TRE_G15 profession. The establishment's channel keeps this list; its tokens name one of
-- them, and the registry recognises only what this list holds.
CREATE TABLE establishment_staff (
  finess text NOT NULL,
  staff_id text NOT NULL,
  family_name text NOT NULL,
  first_name text NOT NULL,
  profession_code text NOT NULL,
  specialty_code text,
  rpps text REFERENCES professional (rpps),
  PRIMARY KEY (finess, staff_id)
);
