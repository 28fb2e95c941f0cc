-- Health-history timeline (issue 18, item 10).
-- Medical devices are reimbursed under the LPP (liste des produits et prestations, 7-digit codes): a fourth
-- nomenclature beside the acts (CCAM, NGAP, NABM) and the drugs (CIP13).
ALTER TABLE care_line DROP CONSTRAINT care_line_act_system_check;
ALTER TABLE care_line ADD CONSTRAINT care_line_act_system_check
  CHECK (act_system IN ('CCAM', 'NGAP', 'NABM', 'CIP13', 'LPP'));
-- Where the care took place (FINESS, and its name when the feed states it). Not the author's establishment
-- (establishment_finess): a care line's author is the Assurance maladie itself.
ALTER TABLE care_line ADD COLUMN care_finess text;
ALTER TABLE care_line ADD COLUMN care_establishment_name text;
-- The day of the care on the French civil calendar (Europe/Paris), as the patient lives it (docs/time.md): a
-- line at 00:30 on 1 January in Paris belongs to 1 January. Computed once per row, as event_month is.
ALTER TABLE care_line ADD COLUMN event_day date GENERATED ALWAYS AS ((effective_at AT TIME ZONE 'Europe/Paris')::date) STORED;
CREATE INDEX care_line_patient_day ON care_line (patient_ins, event_day DESC);
