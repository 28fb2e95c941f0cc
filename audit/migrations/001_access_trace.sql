-- The access history (docs/law.md §4): append-only, hash-chained; owned by the shared policy library.
CREATE TABLE access_trace (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  request_id text NOT NULL,
  operation_name text,
  actor_id text NOT NULL,
  actor_kind text NOT NULL,
  actor_profession text,
  actor_specialty text,
  patient_ins text,
  source text NOT NULL,
  mode text NOT NULL,
  action text NOT NULL,
  touched text[] NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  rule text,
  justification text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX access_trace_patient_recent ON access_trace (patient_ins, at DESC, seq DESC);
-- The chain's head: every append moves it in the same transaction, under a row lock.
CREATE TABLE trace_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO trace_head (id, seq, hash) VALUES (1, 0, 'genesis');
-- Append-only: the application never updates or deletes a trace; the database refuses it too.
CREATE FUNCTION refuse_trace_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access traces are append-only'; END $$;
CREATE TRIGGER access_trace_append_only BEFORE UPDATE OR DELETE ON access_trace FOR EACH ROW EXECUTE FUNCTION refuse_trace_change();
