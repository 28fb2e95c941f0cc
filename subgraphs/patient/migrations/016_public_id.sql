-- An opaque, stable id for each record (Patient.id): a front end puts it in URLs and caches instead of the INS,
-- which is a health identifier. Random, so it says nothing of the person; erased with the record.
ALTER TABLE patient ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX patient_public_id ON patient (public_id);
