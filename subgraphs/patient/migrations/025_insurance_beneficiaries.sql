-- The family profiles a parent may open (docs/law.md §3, "Family profiles"): the persons the Assurance maladie
-- attaches to an insured person's cover as ayants droit (a minor child is attached to one parent or both: CSS
-- art. L160-2), with the identity the Assurance maladie holds for them. The registry keeps them as stated by that
-- feed (the scenario's `accounts[].beneficiaries`); being attached gives no access to anything. A parent opens a
-- minor's DMP from it only as createRecord lets them: stating their relation and its basis, with the consent.
CREATE TABLE insurance_beneficiary (
  id uuid PRIMARY KEY,
  account_id text NOT NULL REFERENCES account (id),
  ins text NOT NULL,
  ins_kind text NOT NULL DEFAULT 'NIR' CHECK (ins_kind IN ('NIR', 'NIA', 'TEST', 'DEMO')),
  birth_name text NOT NULL,
  used_name text,
  first_name text NOT NULL,
  given_names text[] NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M')),
  birth_date date NOT NULL,
  birthplace_code text NOT NULL,
  UNIQUE (account_id, ins)
);
