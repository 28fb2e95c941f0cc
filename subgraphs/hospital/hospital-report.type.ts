import { Field, ObjectType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';
import { LocalDate } from '../../schema/scalars';

@ObjectType({
  implements: DmpDocumentFields,
  description: "A hospital report: lettre de liaison, CR d'hospitalisation, opératoire, imagerie, biologie, urgences…",
})
export class HospitalReport extends DmpDocumentFields {
  @Field(() => LocalDate, { nullable: true, description: 'First day of the stay it reports on; null when not stated.' })
  stayStart!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Last day of that stay; null when not stated.' })
  stayEnd!: string | null;
  @Field(() => String, { nullable: true, description: 'Care unit (service) that wrote it.' }) careUnit!: string | null;
  @Field(() => String, { nullable: true, description: 'The report text.' }) summary!: string | null;
}

export const { Connection: HospitalReportConnection, Edge: HospitalReportEdge } = connectionTypes(
  'HospitalReport',
  HospitalReport,
);
