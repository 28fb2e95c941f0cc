-- Aggregate use (issue 6): the patients who consented to secondary use, as the registry sends them (birth
-- year, sex, département and region of residence: no name, no date finer than a year), and the cells each
-- analytics client was given, kept to detect differencing between two queries.
CREATE TABLE analytics_subject (
  patient_ins text PRIMARY KEY,
  birth_year integer NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M')),
  departement text NOT NULL,
  region text NOT NULL
);
CREATE TABLE analytics_release (
  id bigserial PRIMARY KEY,
  analyst_id text NOT NULL,
  measure text NOT NULL,
  region jsonb NOT NULL,
  count integer NOT NULL,
  released_at timestamptz NOT NULL
);
CREATE INDEX analytics_release_lookup ON analytics_release (analyst_id, measure, released_at);
