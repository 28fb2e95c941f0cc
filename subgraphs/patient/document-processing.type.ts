import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';

@ObjectType({
  description:
    'The patient\'s decision on the automatic processing of their record\'s documents (docs/law.md §4, "Automatic processing"): whether a service may read the documents to extract measures into the personal space. Nothing is processed without `granted: true`.',
})
export class DocumentProcessingConsent {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: consented; false: refused or withdrawn; null: never decided (nothing is processed).',
  })
  granted!: boolean | null;

  @Field(() => DateTime, { nullable: true, description: 'When the decision in force was made; null if never.' })
  decidedAt!: Date | null;
}

@InputType({ description: 'The decision on the automatic processing of the record’s documents.' })
export class SetDocumentProcessingConsentInput {
  @Field(() => String, { description: "The record's INS: the patient's own, or that of a person they represent." })
  ins!: string;

  @Field(() => Boolean, { description: 'true consents; false refuses, or withdraws a consent given.' })
  granted!: boolean;
}

@ObjectType({ description: 'What setting the decision on automatic processing did.' })
export class SetDocumentProcessingConsentPayload {
  @Field(() => DocumentProcessingConsent, { description: 'The decision now in force.' })
  documentProcessingConsent!: DocumentProcessingConsent;

  @Field(() => Patient, { description: 'The record, as the actor reads it after the change.' })
  patient!: VisiblePatient;
}
