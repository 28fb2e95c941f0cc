-- Legal representatives managed through the graph (docs/law.md §3; CSP L1111-2, Code civil art. 388, 414 and
-- following): on what document each was registered, by whom, and when. A measure protecting an adult (tutelle,
-- curatelle) ends on its date (`until`); a minor's representation ends at majority.
ALTER TABLE legal_representative ADD COLUMN basis text;
ALTER TABLE legal_representative ADD COLUMN registered_by text;
ALTER TABLE legal_representative ADD COLUMN registered_at timestamptz;
