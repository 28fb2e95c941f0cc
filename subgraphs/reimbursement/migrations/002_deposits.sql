-- Deposits (issue 8): versions (a new one supersedes the old, which stays as history), and the writer's
-- idempotency key with a hash of what it brought (the same key twice creates one document).
ALTER TABLE care_line ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE care_line ADD COLUMN lineage_id text;
ALTER TABLE care_line ADD COLUMN superseded_by text;
ALTER TABLE care_line ADD COLUMN depositor_id text;
ALTER TABLE care_line ADD COLUMN idempotency_key text;
ALTER TABLE care_line ADD COLUMN request_hash text;
CREATE UNIQUE INDEX care_line_idempotency ON care_line (depositor_id, idempotency_key);
CREATE INDEX care_line_lineage ON care_line (lineage_id) WHERE lineage_id IS NOT NULL;
