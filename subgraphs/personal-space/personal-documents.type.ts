import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';

@ObjectType({
  description:
    "A folder the patient's side arranges their own documents of the personal space in (the app's folders): one level, per patient.",
})
export class DocumentFolder {
  @Field(() => ID, {
    description: 'The folder, for renameDocumentFolder, deleteDocumentFolder and movePersonalDocuments.',
  })
  id!: string;
  @Field(() => String, { description: 'The name the patient gave it (1 to 100 characters).' }) name!: string;
  @Field(() => DateTime, { description: 'When the patient created it.' }) createdAt!: Date;
}
