import { registerEnumType } from 'type-graphql';
import { DOCUMENT_SOURCE_ENUM } from '../../domain/sources';

/** The document sources as a GraphQL enum (domain/sources.ts). */
export const DocumentSourceEnum = DOCUMENT_SOURCE_ENUM;
registerEnumType(DocumentSourceEnum, { name: 'DocumentSource', description: 'The subgraph a document comes from.' });
