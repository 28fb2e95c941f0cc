-- Aggregates group and filter by month (YYYYMM, in UTC): computed once per row here, not per row per query.
ALTER TABLE care_line ADD COLUMN event_month integer GENERATED ALWAYS AS ((extract(year from effective_at AT TIME ZONE 'UTC') * 100 + extract(month from effective_at AT TIME ZONE 'UTC'))::int) STORED;
