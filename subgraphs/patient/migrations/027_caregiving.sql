-- Caregivers (aidants, docs/law.md §3 "Caregivers"): an adult patient invites another adult, named by the
-- traits the patient typed (INS, first given name, family name, birth date), to read their record for them.
-- The invitation reaches that person only if their own identity in the registry agrees with every trait; the
-- inviter is never told whether it did (no existence oracle): silence and no match read alike, as expired,
-- once the invitation runs out (policy/periods.json caregivingInvitation); only the invitee's own refusal shows.
-- An accepted invitation becomes a delegation, in force until either side ends it. Both tables name both
-- persons in columns the purge knows (subgraphs/kit/purge: patient_ins, caregiver_ins, invitee_ins): either
-- person's record purged, their rows go with it.
CREATE TABLE caregiving_invitation (
  id uuid PRIMARY KEY,
  patient_ins text NOT NULL REFERENCES patient (ins),
  invitee_ins text NOT NULL,
  invitee_first_name text NOT NULL,
  invitee_family_name text NOT NULL,
  invitee_birth_date date NOT NULL,
  -- The typed names as search keys (domain/name-keys.ts queryKey): matched against the invitee's own identity.
  invitee_first_key text NOT NULL,
  invitee_family_key text NOT NULL,
  invited_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'ACCEPTED', 'REFUSED', 'WITHDRAWN')),
  answered_at timestamptz
);
CREATE INDEX caregiving_invitation_patient ON caregiving_invitation (patient_ins, invited_at DESC);
CREATE INDEX caregiving_invitation_invitee ON caregiving_invitation (invitee_ins, invited_at DESC);

CREATE TABLE caregiving_delegation (
  id uuid PRIMARY KEY,
  patient_ins text NOT NULL REFERENCES patient (ins),
  caregiver_ins text NOT NULL REFERENCES patient (ins),
  invitation_id uuid NOT NULL,
  since timestamptz NOT NULL,
  ended_at timestamptz,
  ended_by text CHECK (ended_by IN ('PATIENT', 'CAREGIVER'))
);
-- One delegation in force per pair: decide() reads it, and a second invitation cannot double it.
CREATE UNIQUE INDEX caregiving_delegation_in_force ON caregiving_delegation (patient_ins, caregiver_ins) WHERE ended_at IS NULL;
CREATE INDEX caregiving_delegation_caregiver ON caregiving_delegation (caregiver_ins) WHERE ended_at IS NULL;
