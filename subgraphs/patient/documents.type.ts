import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import type { AuthorKind } from '../kit/documents/document.type';
import { AuthorKindEnum, DmpDocumentFields, DmpSpaceEnum } from '../kit/documents/document.type';
import { DocumentContent } from '../kit/documents/deposit.type';
import type { DmpSpace } from '../../domain/codes';
import type { DocumentSourceName } from '../../domain/sources';
import { DocumentSourceEnum } from './document-source.enum';

@ObjectType({
  implements: DmpDocumentFields,
  description:
    "One document of any source, as the list over every source shows it: its metadata, what the reader may do with it, and, fetched by id, its file. The source's own list gives its source-specific fields.",
})
export class DocumentSummary extends DmpDocumentFields {
  @Field(() => ID, { description: "The id in its source's own list (`id` is the one over every source)." })
  documentId!: string;
  @Field(() => DocumentSourceEnum, { description: 'The source that holds it.' }) source!: DocumentSourceName;
  @Field(() => DocumentContent, {
    nullable: true,
    description: 'The file, when the document was fetched by id and has one; reading it is traced by its source.',
  })
  content!: DocumentContent | null;
}

export const { Connection: DocumentSummaryConnection } = connectionTypes('DocumentSummary', DocumentSummary);

@InputType({ description: 'Narrows the list over every source; every criterion given must hold.' })
export class DocumentsFilter {
  @Field(() => [DocumentSourceEnum], { nullable: true, description: 'Only these sources.' })
  sources?: DocumentSourceName[] | null;
  @Field(() => [DmpSpaceEnum], { nullable: true, description: 'Only documents the DMP presents in these spaces.' })
  spaces?: DmpSpace[] | null;
  @Field(() => [String], { nullable: true, description: 'JDV_J07 type codes.' }) typeCodes?: string[] | null;
  @Field(() => DateTime, { nullable: true, description: 'Care on or after this instant.' }) from?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Care before this instant.' }) to?: Date | null;
  @Field(() => [AuthorKindEnum], { nullable: true, description: 'Written by these kinds of author.' })
  authorKinds?: AuthorKind[] | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Written by this professional (RPPS), in every source: "this professional\'s documents". Only documents the reader may see are matched and counted.',
  })
  authorRpps?: string | null;
}
