-- The patient registry: identity (INS and strict traits), the DMP's state and consents, and who may act on it.
CREATE TABLE patient (
  ins text PRIMARY KEY,
  ins_oid text NOT NULL,
  birth_name text NOT NULL,
  used_name text,
  first_name text NOT NULL,
  given_names text[] NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M')),
  birth_date date NOT NULL,
  birthplace_code text NOT NULL,
  identity_status text NOT NULL CHECK (identity_status IN ('PROV', 'RECUP', 'VALI', 'QUAL')),
  dmp_status text NOT NULL CHECK (dmp_status IN ('ACTIVE', 'CLOSED', 'DELETED')),
  dmp_created_at timestamptz NOT NULL,
  dmp_closed_at timestamptz,
  deceased_on date,
  consent_etreat boolean NOT NULL DEFAULT true,
  consent_btg boolean NOT NULL DEFAULT true,
  consent_masked boolean NOT NULL DEFAULT true,
  secondary_use boolean NOT NULL DEFAULT false,
  heirs_objection boolean NOT NULL DEFAULT false
);
CREATE TABLE professional (
  rpps text PRIMARY KEY,
  family_name text NOT NULL,
  first_name text NOT NULL,
  profession_code text NOT NULL,
  specialty_code text,
  establishment_finess text,
  establishment_name text
);
-- MEDECIN_TRAITANT and ADMINISTRATOR read everything; AUTHORISED reads per matrix; BLOCKED is refused in every mode.
CREATE TABLE care_relation (
  patient_ins text NOT NULL REFERENCES patient (ins),
  rpps text NOT NULL REFERENCES professional (rpps),
  relation text NOT NULL CHECK (relation IN ('MEDECIN_TRAITANT', 'ADMINISTRATOR', 'AUTHORISED', 'BLOCKED')),
  since timestamptz NOT NULL,
  PRIMARY KEY (patient_ins, rpps, relation)
);
CREATE INDEX care_relation_professional ON care_relation (rpps);
-- Actors that are neither patients nor professionals: representatives, regulators, establishments, analysts, heirs, organisations.
CREATE TABLE account (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('representative', 'regulator', 'establishment', 'heir', 'analyst', 'forbidden_organisation')),
  display_name text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}'
);
CREATE TABLE legal_representative (
  patient_ins text NOT NULL REFERENCES patient (ins),
  account_id text NOT NULL REFERENCES account (id),
  relation text NOT NULL,
  -- Representation of a minor ends by itself at majority.
  until date,
  PRIMARY KEY (patient_ins, account_id)
);
CREATE INDEX legal_representative_account ON legal_representative (account_id);
CREATE TABLE emergency_grant (
  patient_ins text NOT NULL REFERENCES patient (ins),
  rpps text NOT NULL REFERENCES professional (rpps),
  justification text NOT NULL,
  opened_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX emergency_grant_lookup ON emergency_grant (patient_ins, rpps, expires_at);
