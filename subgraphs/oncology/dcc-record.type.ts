import { Field, ObjectType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';
import { LocalDate } from '../../schema/scalars';

@ObjectType({
  implements: DmpDocumentFields,
  description: 'A DCC record: fiche RCP, PPS, pathology or operative report.',
})
export class DccRecord extends DmpDocumentFields {
  @Field(() => String, { nullable: true, description: 'Tumour site (ICD-10 code).' }) tumourSiteCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Tumour site in words, as the writer gave it.' })
  tumourSiteLabel!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Date of the multidisciplinary meeting (RCP).' })
  meetingDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Decision of the RCP or plan of the PPS.' }) decision!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The record text.' }) summary!: string | null;
}

export const { Connection: DccRecordConnection } = connectionTypes('DccRecord', DccRecord);
