-- Operators: DMP operations staff, who watch the service (emergency-access abuse) and read no patient data.
ALTER TABLE account DROP CONSTRAINT account_kind_check;
ALTER TABLE account ADD CONSTRAINT account_kind_check CHECK (kind IN ('representative', 'regulator', 'establishment', 'heir', 'analyst', 'forbidden_organisation', 'operator'));
