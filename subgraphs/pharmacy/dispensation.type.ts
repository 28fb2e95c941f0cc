import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';

export const ProductCategoryEnum = { STANDARD: 'STANDARD', VACCINE: 'VACCINE', BIOLOGICAL: 'BIOLOGICAL' } as const;
export type ProductCategory = keyof typeof ProductCategoryEnum;
registerEnumType(ProductCategoryEnum, {
  name: 'ProductCategory',
  description:
    'Decides how long the DP keeps a dispensation: 4 months, vaccines 21 years, biological medicines 3 years.',
  valuesConfig: {
    STANDARD: { description: 'Any other medicine: shown 4 months after its dispensation.' },
    VACCINE: { description: 'A vaccine: shown 21 years after its dispensation.' },
    BIOLOGICAL: { description: 'A biological medicine: shown 3 years after its dispensation.' },
  },
});

@ObjectType({ implements: DmpDocumentFields, description: 'A dispensation recorded in the pharmaceutical dossier.' })
export class Dispensation extends DmpDocumentFields {
  @Field(() => String, { description: 'CIP13 code of the dispensed presentation.' }) cip13!: string;
  @Field(() => String, { description: 'ATC code of the substance.' }) atc!: string;
  @Field(() => String, { description: 'Name of the dispensed product, as the pharmacy recorded it.' })
  productName!: string;
  @Field(() => ProductCategoryEnum, { description: 'Its category, which sets how long the DP shows it.' })
  productCategory!: ProductCategory;
  @Field(() => Int, { description: 'Boxes dispensed.' }) quantity!: number;
  @Field(() => Boolean, { description: 'Dispensed on a prescription.' }) prescribed!: boolean;
}

export const { Connection: DispensationConnection } = connectionTypes('Dispensation', Dispensation);
