-- A delivery is claimed before it is sent and done only once the sender confirmed it: a claim that a crash
-- left unconfirmed expires, and the notification is sent again (at least once; the receiver deduplicates on
-- its Idempotency-Key, the notification's id).
ALTER TABLE notification_outbox ADD COLUMN claimed_at timestamptz;
