import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';

export const ActSystemEnum = { CCAM: 'CCAM', NGAP: 'NGAP', NABM: 'NABM', CIP13: 'CIP13', LPP: 'LPP' } as const;
export type ActSystem = keyof typeof ActSystemEnum;
registerEnumType(ActSystemEnum, {
  name: 'ActSystem',
  description:
    'Nomenclature of the act: CCAM (technical acts), NGAP (general), NABM (biology), CIP13 (drugs), LPP (medical devices).',
});

@ObjectType({ description: 'A professional named on a care line.' })
export class CareLineProfessional {
  @Field(() => String, { nullable: true, description: 'RPPS.' }) id!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_G15 profession code.' }) professionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38 specialty code.' }) specialtyCode!: string | null;
}

@ObjectType({ description: 'The establishment where the act was carried out or the product delivered.' })
export class CareLineEstablishment {
  @Field(() => String, { description: 'FINESS.' }) finess!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Its name, as the Assurance maladie stated it; null when the feed gave only the FINESS.',
  })
  name!: string | null;
}

@ObjectType({
  implements: DmpDocumentFields,
  description: 'A reimbursed act or drug, fed by the Assurance maladie (ALIM_AM).',
})
export class CareLine extends DmpDocumentFields {
  @Field(() => ActSystemEnum) actSystem!: ActSystem;
  @Field(() => String) actCode!: string;
  @Field(() => String) actLabel!: string;
  @Field(() => Int, { nullable: true, description: 'Boxes, for a drug.' }) boxes!: number | null;
  @Field(() => CareLineProfessional, { nullable: true, description: 'Who carried out the act or dispensed the drug.' })
  executor!: CareLineProfessional | null;
  @Field(() => CareLineProfessional, { nullable: true }) prescriber!: CareLineProfessional | null;
  @Field(() => CareLineEstablishment, {
    nullable: true,
    description: 'Where the act was carried out or the product delivered (a hospital, a laboratory, a pharmacy).',
  })
  establishment!: CareLineEstablishment | null;
  @Field(() => Int, { nullable: true, description: "Amount billed, in euro cents (the patient's side only)." })
  amountCents!: number;
  @Field(() => Int, { nullable: true, description: "Amount reimbursed, in euro cents (the patient's side only)." })
  reimbursedCents!: number;
}

export const { Connection: CareLineConnection } = connectionTypes('CareLine', CareLine);
