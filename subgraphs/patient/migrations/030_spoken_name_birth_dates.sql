-- The centre 15's widest questions (an age range, a birth year with exact or sounding names: issue 20,
-- policy/trait-search-demand.json) as one index range per name. Through the GIN indexes of migration 021, the
-- registry built a bitmap of every patient of the name (~14,000 per million for a common one) and one of every
-- patient born in the span (~116,000 for 11 years), then read the ~1,700 rows of their intersection: 50-60 ms
-- at a million patients, the target is 20 (README, "Measured"). Here each name key of a patient, typed
-- (`n:`, domain/name-keys.ts) or phonetic (`p:`, domain/spoken-name-keys.ts), sits beside the birth date, so
-- a name within a span is one range of this primary key: the span is never listed.
CREATE TABLE patient_spoken_name (
  key text NOT NULL,
  birth_date date NOT NULL,
  ins text NOT NULL,
  -- What a wide question must also agree with (policy/trait-search-demand.json: the sex when given, the first
  -- name always), so that the ~3,400 patients of a common name in an 11-year span are sifted here by two
  -- array overlaps, and only the ~100 left are read and scored in the registry. A first name typed agrees with
  -- a part stored only if their first one, two or three letters are the same, or their phonetic keys
  -- (subgraphs/patient/identity-search-variants.repo.ts): the parts' first letters and phonetic keys suffice.
  sex text NOT NULL,
  first_name_starts text[] NOT NULL,
  phonetic_first_name_keys text[] NOT NULL
);
-- The patients already there, before any index or check: at a million patients, three million rows inserted
-- into an indexed, checked table outlast a statement's limit (30 s) at start, built in bulk they do not.
INSERT INTO patient_spoken_name
SELECT k.key, p.birth_date, p.ins, p.sex,
       ARRAY(SELECT DISTINCT left(w, n) FROM unnest(p.first_name_words) AS w, generate_series(1, 3) AS n),
       p.phonetic_first_name_keys
FROM patient p
CROSS JOIN LATERAL (SELECT 'n:' || unnest(p.name_keys) UNION SELECT 'p:' || unnest(p.phonetic_name_keys)) AS k(key);
-- A name within a span is one range of this index, read without the table once it is vacuumed (autovacuum
-- does so after inserts).
CREATE UNIQUE INDEX patient_spoken_name_key ON patient_spoken_name (key, birth_date, ins)
  INCLUDE (sex, first_name_starts, phonetic_first_name_keys);
-- The cascade and the purge (subgraphs/kit/purge) find a patient's rows by INS.
CREATE INDEX patient_spoken_name_ins ON patient_spoken_name (ins);
-- Rows go with their patient's. The rows just written come from the patients themselves: only new ones are checked.
ALTER TABLE patient_spoken_name ADD FOREIGN KEY (ins) REFERENCES patient (ins)
  ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;

-- Kept by the registry's store itself, from the columns it derives from: every write of a patient (an identity
-- created, one loaded by COPY, the phonetic keys written by the backfill of migration 021) cannot forget it.
-- A bulk insert adds its rows in one statement.
CREATE FUNCTION patient_spoken_name_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO patient_spoken_name
  SELECT k.key, p.birth_date, p.ins, p.sex,
         ARRAY(SELECT DISTINCT left(w, n) FROM unnest(p.first_name_words) AS w, generate_series(1, 3) AS n),
         p.phonetic_first_name_keys
  FROM inserted p
  CROSS JOIN LATERAL (SELECT 'n:' || unnest(p.name_keys) UNION SELECT 'p:' || unnest(p.phonetic_name_keys)) AS k(key)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER patient_spoken_name_inserted AFTER INSERT ON patient
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION patient_spoken_name_inserted();

CREATE FUNCTION patient_spoken_name_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM patient_spoken_name WHERE ins = NEW.ins;
  INSERT INTO patient_spoken_name
  SELECT k.key, NEW.birth_date, NEW.ins, NEW.sex,
         ARRAY(SELECT DISTINCT left(w, n) FROM unnest(NEW.first_name_words) AS w, generate_series(1, 3) AS n),
         NEW.phonetic_first_name_keys
  FROM (SELECT 'n:' || unnest(NEW.name_keys) UNION SELECT 'p:' || unnest(NEW.phonetic_name_keys)) AS k(key);
  RETURN NULL;
END
$$;
CREATE TRIGGER patient_spoken_name_updated AFTER UPDATE OF name_keys, phonetic_name_keys, birth_date, sex, first_name_words, phonetic_first_name_keys
  ON patient FOR EACH ROW
  WHEN ((OLD.name_keys, OLD.phonetic_name_keys, OLD.birth_date, OLD.sex, OLD.first_name_words, OLD.phonetic_first_name_keys)
        IS DISTINCT FROM (NEW.name_keys, NEW.phonetic_name_keys, NEW.birth_date, NEW.sex, NEW.first_name_words, NEW.phonetic_first_name_keys))
  EXECUTE FUNCTION patient_spoken_name_updated();

-- The planner reads the new table by its statistics from the first search.
ANALYZE patient_spoken_name;

-- No question reads the names' GIN indexes of migration 021 any more (the wide questions read the table above,
-- the others a day's patients by birth date): kept, they would only slow every write of a patient.
DROP INDEX patient_name_keys;
DROP INDEX patient_phonetic_name_keys;
