import { registerEnumInTransition } from '../kit/enum-in-transition';
import { DOCUMENT_SOURCE_NAMES, SOURCES, documentsOf } from '../../domain/sources';

const holds = (name: string) => SOURCES.find((s) => s.name === name)!.holds;

/**
 * The document sources as a GraphQL enum (domain/sources.ts), named SCREAMING_CASE from now on and lower case,
 * deprecated, for the period schema/CHANGELOG.md gives.
 */
export const DocumentSourceEnum = registerEnumInTransition(
  'DocumentSource',
  'The source (subgraph) a document comes from: each keeps its own documents (docs/law.md §1).',
  Object.fromEntries(
    DOCUMENT_SOURCE_NAMES.map((name) => [
      documentsOf(name).enumValue,
      { value: name, description: `A document of ${holds(name)}.` },
    ]),
  ),
);
