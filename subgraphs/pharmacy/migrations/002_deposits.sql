-- Deposits (issue 8): versions (a new one supersedes the old, which stays as history), and the writer's
-- idempotency key with a hash of what it brought (the same key twice creates one document).
ALTER TABLE dispensation ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE dispensation ADD COLUMN lineage_id text;
ALTER TABLE dispensation ADD COLUMN superseded_by text;
ALTER TABLE dispensation ADD COLUMN depositor_id text;
ALTER TABLE dispensation ADD COLUMN idempotency_key text;
ALTER TABLE dispensation ADD COLUMN request_hash text;
CREATE UNIQUE INDEX dispensation_idempotency ON dispensation (depositor_id, idempotency_key);
CREATE INDEX dispensation_lineage ON dispensation (lineage_id) WHERE lineage_id IS NOT NULL;
