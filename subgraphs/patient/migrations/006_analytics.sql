-- Aggregate use (docs/law.md §5): where the patient lives (département), and the changes of the consenting
-- cohort each source still has to learn. Sources hold a projection of it (no name, no INS outside their store).
ALTER TABLE patient ADD COLUMN residence_departement text;
CREATE TABLE cohort_outbox (
  patient_ins text NOT NULL,
  source text NOT NULL,
  subject jsonb,
  queued_at timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, source)
);
CREATE INDEX patient_secondary_use ON patient (secondary_use) WHERE secondary_use AND dmp_status = 'ACTIVE';
ALTER TABLE patient ADD COLUMN residence_region text;
-- The registry's own count of consenting patients reads them as the sources read their projection.
CREATE VIEW analytics_subject AS
  SELECT ins AS patient_ins, extract(year from birth_date)::int AS birth_year, sex, residence_departement AS departement, residence_region AS region
  FROM patient WHERE secondary_use AND dmp_status = 'ACTIVE' AND residence_departement IS NOT NULL;
CREATE VIEW analytics_patient AS SELECT ins AS patient_ins, NULL::text AS superseded_by FROM patient;
CREATE TABLE analytics_release (
  id bigserial PRIMARY KEY,
  analyst_id text NOT NULL,
  measure text NOT NULL,
  region jsonb NOT NULL,
  count integer NOT NULL,
  released_at timestamptz NOT NULL
);
CREATE INDEX analytics_release_lookup ON analytics_release (analyst_id, measure, released_at);
