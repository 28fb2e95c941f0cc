-- Spoken identity search (issue 20), after 020. Migration 020 added the phonetic keys and first-name parts empty
-- for the rows already there, and the registry writes an identity only at creation: without a backfill those
-- patients would never be found by sound. The keys are computed by domain/spoken-name-keys.ts, which SQL cannot
-- run, so the registry's scheduled job (subgraphs/patient/spoken-keys-backfill.ts, with the retention run, at start
-- and daily) writes them; this index finds the rows still waiting, and is empty once they are done. Every stored
-- first name has at least one letter, so an empty list of parts means "not written yet".
CREATE INDEX patient_spoken_keys_missing ON patient (ins) WHERE cardinality(first_name_words) = 0;
-- A question with only an age range or a birth year spans up to 170,000 patients per million by date: the name
-- must then agree exactly or by sound (policy/trait-search-demand.json), which these indexes find without
-- reading every patient of the span (bench/spoken-search.ts).
CREATE INDEX patient_name_keys ON patient USING gin (name_keys);
CREATE INDEX patient_phonetic_name_keys ON patient USING gin (phonetic_name_keys);
