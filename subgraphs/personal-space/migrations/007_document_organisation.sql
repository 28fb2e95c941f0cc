-- How the patient arranges their own documents in the personal space (issue 18): folders, pins and a
-- "reported" flag. They belong to the patient's side, not to the DMP document: they are kept apart from the
-- document rows, keyed by the document's lineage (the first version's id) so that they follow it across
-- versions as masks do (policy/document-filter.ts), and go with it when it is deleted or erased.
CREATE TABLE document_folder (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX document_folder_patient ON document_folder (patient_ins, name, id);
CREATE TABLE personal_document_organisation (
  lineage_id text PRIMARY KEY REFERENCES personal_document (id) ON DELETE CASCADE,
  patient_ins text NOT NULL,
  -- Deleting a folder puts its documents back in no folder.
  folder_id text REFERENCES document_folder (id) ON DELETE SET NULL,
  pinned boolean NOT NULL DEFAULT false,
  reported_at timestamptz
);
CREATE INDEX personal_document_organisation_patient ON personal_document_organisation (patient_ins);
CREATE INDEX personal_document_organisation_folder ON personal_document_organisation (folder_id) WHERE folder_id IS NOT NULL;
