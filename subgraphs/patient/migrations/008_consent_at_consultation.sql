-- An authorisation the patient gave at a consultation, recorded by the professional they gave it to
-- (L1111-15; docs/law.md §3): whose RPPS recorded it. NULL when the patient's side gave it themselves.
ALTER TABLE care_relation ADD COLUMN consent_recorded_by text REFERENCES professional (rpps);
