-- Aggregates group and filter by month (YYYYMM, in UTC): computed once per row here, not per row per query.
ALTER TABLE hospital_report ADD COLUMN event_month integer GENERATED ALWAYS AS ((extract(year from effective_at AT TIME ZONE 'UTC') * 100 + extract(month from effective_at AT TIME ZONE 'UTC'))::int) STORED;
ALTER TABLE hospital_report ADD COLUMN stay_month integer GENERATED ALWAYS AS ((extract(year from stay_start) * 100 + extract(month from stay_start))::int) STORED;
