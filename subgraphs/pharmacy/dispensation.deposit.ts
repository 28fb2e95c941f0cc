import { Arg, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { documentsOf } from '../../domain/sources';
import { FORMATS, hasFormat } from '../../domain/formats';
import { DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { deposit, requiredText, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { ProductCategoryEnum, type ProductCategory } from './dispensation.type';

@InputType({ description: 'A dispensation to record in the pharmaceutical dossier.' })
export class DispensationDeposit extends DocumentDepositFields {
  @Field(() => String, { description: 'CIP13 of the presentation (13 digits, 3400…).' }) cip13!: string;
  @Field(() => String, { description: 'ATC code of the substance (level 5, e.g. N02BE01).' }) atc!: string;
  @Field(() => String, { description: 'Name of the product, 1 to 200 characters.' }) productName!: string;
  @Field(() => ProductCategoryEnum, { description: 'Its category, which sets how long the DP shows it.' })
  productCategory!: ProductCategory;
  @Field(() => Int, { description: 'Boxes, 1 to 99.' }) quantity!: number;
  @Field(() => Boolean, { description: 'Dispensed on a prescription.' }) prescribed!: boolean;
}

export const DISPENSATIONS: DepositSpec<DispensationDeposit> = {
  source: 'pharmacy',
  table: 'dispensation',
  idPrefix: documentsOf('pharmacy').idPrefix,
  contentTypes: [],
  columns: (input) => {
    if (!hasFormat('cip13', input.cip13)) throw badInput('input.cip13', FORMATS.cip13.rule);
    if (!hasFormat('atc', input.atc)) throw badInput('input.atc', FORMATS.atc.rule);
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 99)
      throw badInput('input.quantity', 'must be 1 to 99 boxes');
    return {
      cip13: input.cip13,
      atc: input.atc,
      product_name: requiredText('input.productName', input.productName, 200),
      product_category: input.productCategory,
      quantity: input.quantity,
      prescribed: input.prescribed,
    };
  },
};

@Resolver()
export class DispensationDepositResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description: 'Records a dispensation in the DP (pharmaciens). The patient is notified.',
  })
  recordDispensation(
    @Arg('input', () => DispensationDeposit, {
      description:
        'The dispensation to record; the same idempotencyKey again records nothing (DepositReceipt.duplicate).',
    })
    input: DispensationDeposit,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepositReceipt> {
    return deposit(ctx, DISPENSATIONS, input);
  }
}
