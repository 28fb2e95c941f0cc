-- A second legal representative of a minor is invited, not registered outright (docs/law.md §3): the parent
-- already registered names the other parent's account and the ground (art. 371-1 and 372 C. civ.: parental
-- authority is held by both parents), and the other parent is registered only when they accept, giving the
-- child's birth date as proof they know whom it is about. Operations still register from a judgment directly.
-- An invitation waits `policy/periods.json` representationInvitation; answered, withdrawn or run out, it stays
-- as history for the patient's side and its inviter until the record is purged.
CREATE TABLE representation_invitation (
  id uuid PRIMARY KEY,
  patient_ins text NOT NULL REFERENCES patient (ins),
  account_id text NOT NULL REFERENCES account (id),
  relation text NOT NULL,
  basis text NOT NULL,
  invited_by text NOT NULL,
  invited_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'ACCEPTED', 'REFUSED', 'WITHDRAWN', 'FAILED')),
  answered_at timestamptz,
  failed_answers integer NOT NULL DEFAULT 0
);
CREATE INDEX representation_invitation_patient ON representation_invitation (patient_ins, invited_at DESC);
CREATE INDEX representation_invitation_account ON representation_invitation (account_id, invited_at DESC);
