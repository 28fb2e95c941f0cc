-- The centre 15's spoken search finds names through these GIN indexes (migration 021). With GIN's default
-- fastupdate, new entries wait in a pending list that every search must read through until a vacuum merges it:
-- measured on a registry freshly loaded with 100,000 patients, 397 pending pages made one name lookup 22.6 ms
-- instead of 0.4 ms (README, "Measured"). A search in an emergency must not depend on when the last vacuum ran,
-- and the registry writes far less than it is searched: each write now updates the index at once, and what is
-- pending is merged here.
ALTER INDEX patient_name_keys SET (fastupdate = off);
ALTER INDEX patient_phonetic_name_keys SET (fastupdate = off);
SELECT gin_clean_pending_list('patient_name_keys'::regclass);
SELECT gin_clean_pending_list('patient_phonetic_name_keys'::regclass);
