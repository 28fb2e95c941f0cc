-- Spoken identity search (centre 15, issue 20): keys that survive hearing as well as spelling, written with the
-- patient from domain/spoken-name-keys.ts. The phonetic keys of the birth and used names (domain/phonetic-fr.ts),
-- and the first names by their parts with the phonetic key of each part (same order, same length).
-- Rows written before this migration have empty keys until they are written again: the search still finds them
-- by their typed keys (name_keys, first_name_keys of 003), never by sound.
ALTER TABLE patient ADD COLUMN phonetic_name_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE patient ADD COLUMN first_name_words text[] NOT NULL DEFAULT '{}';
ALTER TABLE patient ADD COLUMN phonetic_first_name_keys text[] NOT NULL DEFAULT '{}';
-- Trigram similarity of a typed name to the stored keys (an approximate spelling: one letter wrong or missing).
-- A trusted extension since PostgreSQL 13: the database owner may create it; PGlite loads it in runtime/store.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
