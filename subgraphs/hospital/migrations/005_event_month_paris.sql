-- An event's month is the month on the French civil calendar (Europe/Paris), as the DMP's users count it: a
-- dispensation at 00:30 on 1 January in Paris belongs to January, not to the December of UTC.
ALTER TABLE hospital_report DROP COLUMN event_month;
ALTER TABLE hospital_report ADD COLUMN event_month integer GENERATED ALWAYS AS ((extract(year from effective_at AT TIME ZONE 'Europe/Paris') * 100 + extract(month from effective_at AT TIME ZONE 'Europe/Paris'))::int) STORED;
