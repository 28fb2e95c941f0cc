/**
 * The sources of the DMP, one subgraph each (docs/law.md §1): the one table their names, ports, GraphQL enum
 * values, document id prefixes, and the lists of writable and aggregating sources are read from. Adding a
 * source is a row here and a folder under subgraphs/ (ARCHITECTURE.md, "Add a source").
 */
export const SOURCES = [
  {
    name: 'patient',
    port: 4001,
    holds: 'the patient registry: identity, consents, authorisations, masks, representatives',
    documents: null,
    aggregates: false,
  },
  {
    name: 'reimbursement',
    port: 4002,
    holds: 'the reimbursement history fed by the Assurance maladie',
    documents: { enumValue: 'reimbursement', idPrefix: 'remb' },
    aggregates: true,
  },
  {
    name: 'pharmacy',
    port: 4003,
    holds: 'the pharmaceutical dossier (DP)',
    documents: { enumValue: 'pharmacy', idPrefix: 'disp' },
    aggregates: true,
  },
  {
    name: 'oncology',
    port: 4004,
    holds: 'the oncology DCC',
    documents: { enumValue: 'oncology', idPrefix: 'dcc' },
    aggregates: true,
  },
  {
    name: 'hospital',
    port: 4005,
    holds: 'hospital reports',
    documents: { enumValue: 'hospital', idPrefix: 'hosp' },
    aggregates: true,
  },
  {
    name: 'personal-space',
    port: 4006,
    holds: "the patient's personal space",
    documents: { enumValue: 'personal_space', idPrefix: 'perso' },
    aggregates: false,
  },
] as const;

type Source = (typeof SOURCES)[number];
export type SourceName = Source['name'];
/** A source that holds documents: the registry holds none. */
export type DocumentSourceName = Extract<Source, { documents: object }>['name'];
/** A source that aggregates events for analytics and holds a projection of the consenting cohort. */
export type AggregatingSourceName = Extract<Source, { aggregates: true }>['name'];

export const SOURCE_NAMES: readonly SourceName[] = SOURCES.map((source) => source.name);

export const DOCUMENT_SOURCE_NAMES = SOURCES.filter((s) => s.documents !== null).map(
  (s) => s.name,
) as readonly DocumentSourceName[];

export const AGGREGATING_SOURCE_NAMES = SOURCES.filter((s) => s.aggregates).map(
  (s) => s.name,
) as readonly AggregatingSourceName[];

/** The port a source listens on in the embedded default and in the checked-in supergraph's URLs. */
export function portOf(name: SourceName): number {
  return SOURCES.find((source) => source.name === name)!.port;
}

/** How a document source is written in GraphQL (enum values cannot hold a hyphen) and in document ids. */
export function documentsOf(name: DocumentSourceName): { enumValue: string; idPrefix: string } {
  return SOURCES.find((source) => source.name === name)!.documents!;
}

/** The GraphQL enum of document sources: value name → source name. */
export const DOCUMENT_SOURCE_ENUM = Object.fromEntries(
  DOCUMENT_SOURCE_NAMES.map((name) => [documentsOf(name).enumValue, name]),
) as Record<string, DocumentSourceName>;
