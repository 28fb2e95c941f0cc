import { registerEnumType } from 'type-graphql';
import { DOCUMENT_SOURCE_ENUM, DOCUMENT_SOURCE_NAMES, SOURCES, documentsOf } from '../../domain/sources';

/**
 * The document sources as a GraphQL enum (domain/sources.ts). The schema's convention is SCREAMING_CASE
 * (schema/CHANGELOG.md): the SCREAMING values are accepted from now on, and the lower-case ones stay, deprecated,
 * for their period. Both name the same source; an answer still says the lower-case one until the period ends,
 * because graphql-js serialises a value by the last name declared for it, and the lower-case names come last.
 */
const screaming = (value: string) => value.toUpperCase();
export const DocumentSourceEnum = {
  ...Object.fromEntries(Object.entries(DOCUMENT_SOURCE_ENUM).map(([value, name]) => [screaming(value), name])),
  ...DOCUMENT_SOURCE_ENUM,
} as Record<string, (typeof DOCUMENT_SOURCE_NAMES)[number]>;

const holds = (name: string) => SOURCES.find((s) => s.name === name)!.holds;
registerEnumType(DocumentSourceEnum, {
  name: 'DocumentSource',
  description: 'The source (subgraph) a document comes from: each keeps its own documents (docs/law.md §1).',
  valuesConfig: Object.fromEntries(
    DOCUMENT_SOURCE_NAMES.flatMap((name) => {
      const value = documentsOf(name).enumValue;
      return [
        [screaming(value), { description: `A document of ${holds(name)}.` }],
        [value, { description: `A document of ${holds(name)}.`, deprecationReason: `Use ${screaming(value)}.` }],
      ];
    }),
  ),
});
