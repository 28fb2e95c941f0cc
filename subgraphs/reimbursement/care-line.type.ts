import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';

export const ActSystemEnum = { CCAM: 'CCAM', NGAP: 'NGAP', NABM: 'NABM', CIP13: 'CIP13', LPP: 'LPP' } as const;
export type ActSystem = keyof typeof ActSystemEnum;
registerEnumType(ActSystemEnum, {
  name: 'ActSystem',
  description:
    'Nomenclature of the act: CCAM (technical acts), NGAP (general), NABM (biology), CIP13 (drugs), LPP (medical devices).',
  valuesConfig: {
    CCAM: { description: 'Classification commune des actes médicaux: 4 letters and 3 digits (e.g. ZBQK002).' },
    NGAP: {
      description:
        'Nomenclature générale des actes professionnels: a letter key, with an optional coefficient (e.g. AMI 1).',
    },
    NABM: { description: 'Nomenclature des actes de biologie médicale: 4 digits.' },
    CIP13: { description: 'Code identifiant de présentation of a drug: 13 digits starting 34009.' },
    LPP: { description: 'Liste des produits et prestations (CSS L165-1): a medical device or its service, 7 digits.' },
  },
});

@ObjectType({ description: 'A professional named on a care line.' })
export class CareLineProfessional {
  @Field(() => String, { nullable: true, description: 'RPPS.' }) id!: string | null;
  @Field(() => String, { nullable: true, description: 'Their name, as the Assurance maladie stated it.' }) name!:
    string | null;
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
  @Field(() => ActSystemEnum, { description: 'The nomenclature actCode belongs to.' }) actSystem!: ActSystem;
  @Field(() => String, { description: 'The act, drug or device, coded in actSystem.' }) actCode!: string;
  @Field(() => String, { description: 'Its label, as the Assurance maladie fed it.' }) actLabel!: string;
  @Field(() => Int, { nullable: true, description: 'Boxes, for a drug.' }) boxes!: number | null;
  @Field(() => CareLineProfessional, { nullable: true, description: 'Who carried out the act or dispensed the drug.' })
  executor!: CareLineProfessional | null;
  @Field(() => CareLineProfessional, {
    nullable: true,
    description: 'Who prescribed the act or the drug; null when the feed names no prescriber.',
  })
  prescriber!: CareLineProfessional | null;
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
