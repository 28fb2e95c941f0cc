-- An authorisation given to an establishment's care team (docs/law.md §3; seed 002: "cette autorisation
-- s'étend à l'ensemble des professionnels de santé appartenant à l'équipe de soins"): for one year, renewable,
-- like an authorisation of one professional. The team is whoever the directory places in that establishment
-- (professional.establishment_finess) at the request's instant, so joining and leaving hold from the next request.
CREATE TABLE care_team_authorisation (
  patient_ins text NOT NULL REFERENCES patient (ins),
  finess text NOT NULL,
  since timestamptz NOT NULL,
  until timestamptz NOT NULL,
  consent_recorded_by text REFERENCES professional (rpps),
  PRIMARY KEY (patient_ins, finess)
);
CREATE INDEX professional_establishment ON professional (establishment_finess);
