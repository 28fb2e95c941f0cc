-- A member of staff without a card reads through their establishment's channel: the trace names both the person
-- (actor_id) and the establishment that vouched for them (docs/law.md §3, §4). Part of the chain link when set.
ALTER TABLE access_trace ADD COLUMN vouched_by text;
