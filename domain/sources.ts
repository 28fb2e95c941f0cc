/**
 * The sources of the DMP, one subgraph each (docs/law.md §1): the one table their names and ports are read from.
 * Adding a source is a row here and a folder under subgraphs/ (ARCHITECTURE.md, "Add a source").
 */
export const SOURCES = [
  {
    name: 'patient',
    port: 4001,
    holds: 'the patient registry: identity, consents, authorisations, masks, representatives',
  },
  { name: 'reimbursement', port: 4002, holds: 'the reimbursement history fed by the Assurance maladie' },
  { name: 'pharmacy', port: 4003, holds: 'the pharmaceutical dossier (DP)' },
  { name: 'oncology', port: 4004, holds: 'the oncology DCC' },
  { name: 'hospital', port: 4005, holds: 'hospital reports' },
  { name: 'personal-space', port: 4006, holds: "the patient's personal space" },
] as const;

export type SourceName = (typeof SOURCES)[number]['name'];

export const SOURCE_NAMES: readonly SourceName[] = SOURCES.map((source) => source.name);

/** The port a source listens on in the embedded default and in the checked-in supergraph's URLs. */
export function portOf(name: SourceName): number {
  return SOURCES.find((source) => source.name === name)!.port;
}
