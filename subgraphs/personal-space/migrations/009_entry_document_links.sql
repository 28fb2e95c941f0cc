-- The documents of the personal space a health-profile entry refers to (issue 18: the app links a disease, a
-- stay in hospital or a treatment to the report, the discharge letter or the prescription that shows it). Keyed
-- by the document's lineage (its first version's id), as folders and pins are (007), so a link follows the
-- document across its versions and goes with it when it is deleted or erased. Each link has an id of its own,
-- so that one can be removed alone. The entry's own removal removes its links (the writes do it).
CREATE TABLE entry_document_link (
  id text PRIMARY KEY,
  patient_ins text NOT NULL,
  entry_kind text NOT NULL CHECK (entry_kind IN ('ANTECEDENT', 'HOSPITALISATION', 'TREATMENT')),
  entry_id text NOT NULL,
  lineage_id text NOT NULL REFERENCES personal_document (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL,
  -- The order the writer gave them in.
  position integer NOT NULL,
  UNIQUE (entry_id, lineage_id)
);
CREATE INDEX entry_document_link_patient ON entry_document_link (patient_ins);
CREATE INDEX entry_document_link_lineage ON entry_document_link (lineage_id);
