import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { DocumentSourceEnum } from './document-source.enum';

export const DeletionRequestStatusEnum = {
  PENDING: 'PENDING',
  CARRIED_OUT: 'CARRIED_OUT',
  REFUSED: 'REFUSED',
} as const;
export type DeletionRequestStatus = keyof typeof DeletionRequestStatusEnum;
registerEnumType(DeletionRequestStatusEnum, {
  name: 'DeletionRequestStatus',
  description: "Where a request to delete a document stands: waiting for the host's médecin, carried out, or refused.",
  valuesConfig: {
    PENDING: { description: "Waiting for the host's médecin." },
    CARRIED_OUT: { description: 'The document, every version of it and its file, erased from its source.' },
    REFUSED: { description: "Refused, for the reason the host's médecin gave (`outcome`)." },
  },
});

export const DeletionDecisionEnum = { CARRY_OUT: 'CARRY_OUT', REFUSE: 'REFUSE' } as const;
registerEnumType(DeletionDecisionEnum, {
  name: 'DeletionDecision',
  description: "The host's médecin's decision on a request (R1111-51).",
  valuesConfig: {
    CARRY_OUT: { description: 'Erase the document, every version of it and its file, from its source.' },
    REFUSE: { description: 'Keep the document; the reason is required and the patient reads it.' },
  },
});

@ObjectType({
  description:
    "A patient's request to delete a document a professional wrote (R1111-51), and what the host's médecin decided.",
})
export class DocumentDeletionRequest {
  @Field(() => ID, { description: 'The request, for decideDocumentDeletion.' }) id!: string;
  @Field(() => String, { description: "The patient's INS." }) ins!: string;
  @Field(() => ID, { description: "The document's id in its source's own list." }) documentId!: string;
  @Field(() => DocumentSourceEnum, { description: 'The source that holds the document.' }) source!: string;
  @Field(() => String, { description: 'The legitimate reason the patient stated.' }) reason!: string;
  @Field(() => DateTime, { description: 'When the patient made the request.' }) requestedAt!: Date;
  @Field(() => DeletionRequestStatusEnum, { description: 'Pending, carried out or refused.' })
  status!: DeletionRequestStatus;
  @Field(() => DateTime, { nullable: true, description: 'When it was decided; null while pending.' })
  decidedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "What the host's médecin said: the reason of a refusal (always given), or a note on an erasure.",
  })
  outcome!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'How many versions were erased (0: the source held none for this patient any more).',
  })
  erasedVersions!: number | null;
}

export const { Connection: DocumentDeletionRequestConnection } = connectionTypes(
  'DocumentDeletionRequest',
  DocumentDeletionRequest,
);
