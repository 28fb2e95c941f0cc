import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime, LocalDate } from '../../schema/scalars';

@ObjectType({ implements: DmpDocumentFields, description: 'A document or note the patient wrote or uploaded.' })
export class PersonalDocument extends DmpDocumentFields {
  @Field(() => String, { description: 'text/plain, application/pdf or CDA XML.' }) mimeType!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
}
export const { Connection: PersonalDocumentConnection } = connectionTypes('PersonalDocument', PersonalDocument);

export const SeverityEnum = { MILD: 'MILD', MODERATE: 'MODERATE', SEVERE: 'SEVERE', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(SeverityEnum, { name: 'AllergySeverity' });
export const AntecedentKindEnum = { MEDICAL: 'MEDICAL', SURGICAL: 'SURGICAL', FAMILY: 'FAMILY' } as const;
registerEnumType(AntecedentKindEnum, { name: 'AntecedentKind' });
export const OrganDonationEnum = {
  NOT_STATED: 'NOT_STATED',
  NO_OBJECTION: 'NO_OBJECTION',
  OBJECTS: 'OBJECTS',
} as const;
registerEnumType(OrganDonationEnum, {
  name: 'OrganDonationStance',
  description: 'Presumed consent applies unless the patient objects (the national refusal register is authoritative).',
});

@ObjectType()
export class Allergy {
  @Field(() => ID) id!: string;
  @Field(() => String) substance!: string;
  @Field(() => String, { nullable: true }) reaction!: string | null;
  @Field(() => SeverityEnum) severity!: keyof typeof SeverityEnum;
  @Field(() => DateTime) recordedAt!: Date;
}

@ObjectType()
export class Antecedent {
  @Field(() => ID) id!: string;
  @Field(() => AntecedentKindEnum) kind!: keyof typeof AntecedentKindEnum;
  @Field(() => String) label!: string;
  @Field(() => Int, { nullable: true }) sinceYear!: number | null;
}

@ObjectType()
export class Vaccination {
  @Field(() => ID) id!: string;
  @Field(() => String) vaccine!: string;
  @Field(() => LocalDate) administeredOn!: string;
  @Field(() => String, { nullable: true }) lot!: string | null;
}

@ObjectType({ description: 'Someone to call; the personne de confiance (L1111-6) is flagged.' })
export class EmergencyContact {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) relation!: string;
  @Field(() => String) phone!: string;
  @Field(() => Boolean) isTrustedPerson!: boolean;
}

@ObjectType({
  description:
    "The patient's personal space: what they wrote and stated themselves. Each part is shown only to readers the habilitation matrix lets read the DMP type that carries it.",
})
export class PersonalSpace {
  ins!: string;
}
