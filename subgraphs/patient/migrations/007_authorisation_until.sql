-- An authorisation lasts one year and is renewable (policy/periods.json "authorisation"): it grants access
-- strictly before `until`. The other relations do not end by themselves (NULL). Authorisations given before
-- this migration count their year from when they were given.
ALTER TABLE care_relation ADD COLUMN until timestamptz;
UPDATE care_relation SET until = since + interval '1 year' WHERE relation = 'AUTHORISED';
