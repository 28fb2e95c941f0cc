import { Arg, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { documentsOf } from '../../domain/sources';
import { ACT_CODE_FORMAT, FORMATS, hasFormat } from '../../domain/formats';
import { DepositAuthorInput, DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { checkProfessional, deposit, optionalText, requiredText, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { ActSystemEnum, type ActSystem } from './care-line.type';

@InputType({ description: 'Where a reimbursed act was carried out or a product delivered.' })
export class CareLineEstablishmentInput {
  @Field(() => String, { description: 'FINESS, 9 characters.' }) finess!: string;
  @Field(() => String, { nullable: true, description: 'Its name, when the feed knows it.' }) name?: string | null;
}

@InputType({ description: 'A reimbursed act, drug or medical device, as the Assurance maladie feeds it (ALIM_AM).' })
export class CareLineDeposit extends DocumentDepositFields {
  @Field(() => ActSystemEnum, { description: 'The nomenclature actCode belongs to.' }) actSystem!: ActSystem;
  @Field(() => String, { description: 'The code, in the format its nomenclature sets (see ActSystem).' })
  actCode!: string;
  @Field(() => String, { description: 'Its label, 1 to 300 characters.' }) actLabel!: string;
  @Field(() => Int, { nullable: true, description: 'Boxes: required for a drug (CIP13), absent otherwise.' }) boxes?:
    number | null;
  @Field(() => DepositAuthorInput, {
    nullable: true,
    description: 'Who carried out the act or dispensed the drug, when the feed knows.',
  })
  executor?: DepositAuthorInput | null;
  @Field(() => DepositAuthorInput, { nullable: true, description: 'Who prescribed it, when the feed knows.' })
  prescriber?: DepositAuthorInput | null;
  @Field(() => CareLineEstablishmentInput, {
    nullable: true,
    description: 'Where the act was carried out or the product delivered, when the feed knows.',
  })
  establishment?: CareLineEstablishmentInput | null;
  @Field(() => Int, { description: 'Billed, in euro cents.' }) amountCents!: number;
  @Field(() => Int, { description: 'Reimbursed, in euro cents (at most the amount billed).' }) reimbursedCents!: number;
}

export const CARE_LINES: DepositSpec<CareLineDeposit> = {
  source: 'reimbursement',
  table: 'care_line',
  idPrefix: documentsOf('reimbursement').idPrefix,
  contentTypes: [],
  columns: (input) => {
    const actFormat = ACT_CODE_FORMAT[input.actSystem as ActSystem];
    if (!hasFormat(actFormat, input.actCode)) throw badInput('input.actCode', FORMATS[actFormat].rule);
    if (
      input.actSystem === 'CIP13'
        ? !(Number.isInteger(input.boxes) && input.boxes! >= 1 && input.boxes! <= 99)
        : input.boxes != null
    ) {
      throw badInput(
        'input.boxes',
        input.actSystem === 'CIP13' ? 'a drug line states 1 to 99 boxes' : 'only a drug line (CIP13) states boxes',
      );
    }
    if (!Number.isInteger(input.amountCents) || input.amountCents < 0)
      throw badInput('input.amountCents', 'must be a whole number of cents, 0 or more');
    if (
      !Number.isInteger(input.reimbursedCents) ||
      input.reimbursedCents < 0 ||
      input.reimbursedCents > input.amountCents
    )
      throw badInput('input.reimbursedCents', 'must be 0 to input.amountCents');
    const executor = input.executor ? checkProfessional('input.executor', input.executor) : null;
    const prescriber = input.prescriber ? checkProfessional('input.prescriber', input.prescriber) : null;
    const place = input.establishment ?? null;
    if (place && !hasFormat('finess', place.finess)) throw badInput('input.establishment.finess', FORMATS.finess.rule);
    const placeName = place ? optionalText('input.establishment.name', place.name, 200) : null;
    return {
      act_system: input.actSystem,
      act_code: input.actCode,
      act_label: requiredText('input.actLabel', input.actLabel, 300),
      boxes: input.boxes ?? null,
      executor_id: executor?.id ?? null,
      executor_name: executor?.name ?? null,
      executor_profession: executor?.profession ?? null,
      executor_specialty: executor?.specialty ?? null,
      prescriber_id: prescriber?.id ?? null,
      prescriber_name: prescriber?.name ?? null,
      prescriber_profession: prescriber?.profession ?? null,
      prescriber_specialty: prescriber?.specialty ?? null,
      amount_cents: input.amountCents,
      reimbursed_cents: input.reimbursedCents,
      care_finess: place?.finess ?? null,
      care_establishment_name: placeName,
    };
  },
};

@Resolver()
export class CareLineDepositResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description: 'Adds a reimbursement line (the Assurance maladie feed only). The patient is notified.',
  })
  feedCareLine(
    @Arg('input', () => CareLineDeposit, {
      description: 'The line to add; the same idempotencyKey again adds nothing (DepositReceipt.duplicate).',
    })
    input: CareLineDeposit,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepositReceipt> {
    return deposit(ctx, CARE_LINES, input);
  }
}
