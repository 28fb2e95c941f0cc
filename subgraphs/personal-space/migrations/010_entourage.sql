-- The entourage of Mon espace santé (issue 18): one contact may hold several roles (emergency contact, personne
-- de confiance, caregiver, person helped), and has a name prefix; the organ-donation statement is the patient's
-- word that they read the rules (the national refusal register stays the only place to object).
ALTER TABLE emergency_contact ADD COLUMN prefix text;
ALTER TABLE emergency_contact ADD COLUMN contact_types text[] NOT NULL DEFAULT '{EMERGENCY_CONTACT}';
ALTER TABLE profile ADD COLUMN organ_donation_informed_at timestamptz;
-- contact_types holds the roles but the personne de confiance: is_trusted_person stays the one fact of it (one at
-- a time, L1111-6), read as the role TRUSTED_PERSON. Every earlier row was an emergency contact.
