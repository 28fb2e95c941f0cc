import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';

export const ProductCategoryEnum = { STANDARD: 'STANDARD', VACCINE: 'VACCINE', BIOLOGICAL: 'BIOLOGICAL' } as const;
export type ProductCategory = keyof typeof ProductCategoryEnum;
registerEnumType(ProductCategoryEnum, {
  name: 'ProductCategory',
  description:
    'Decides how long the DP keeps a dispensation: 4 months, vaccines 21 years, biological medicines 3 years.',
});

@ObjectType({ implements: DmpDocumentFields, description: 'A dispensation recorded in the pharmaceutical dossier.' })
export class Dispensation extends DmpDocumentFields {
  @Field(() => String, { description: 'CIP13 code of the dispensed presentation.' }) cip13!: string;
  @Field(() => String, { description: 'ATC code of the substance.' }) atc!: string;
  @Field(() => String) productName!: string;
  @Field(() => ProductCategoryEnum) productCategory!: ProductCategory;
  @Field(() => Int, { description: 'Boxes dispensed.' }) quantity!: number;
  @Field(() => Boolean, { description: 'Dispensed on a prescription.' }) prescribed!: boolean;
}

export const { Connection: DispensationConnection } = connectionTypes('Dispensation', Dispensation);
