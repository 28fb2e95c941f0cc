import { CLINICAL_MIME_TYPES } from '../../domain/formats';
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { documentsOf } from '../../domain/sources';
import { DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { deposit, optionalText, pastDay, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { LocalDate } from '../../schema/scalars';

@InputType({
  description:
    "A hospital report to deposit: lettre de liaison, CR d'hospitalisation, opératoire, imagerie, biologie, urgences…",
})
export class HospitalReportDeposit extends DocumentDepositFields {
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day of the stay, today or before; the reports of a patient sharing this day are one stay (Analytics.hospitalStays).',
  })
  stayStart?: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Last day of the stay, today or before, not before stayStart.',
  })
  stayEnd?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Care unit (service) that wrote it, at most 200 characters.',
  })
  careUnit?: string | null;
  @Field(() => String, { nullable: true, description: 'The report text (at most 100,000 characters).' }) summary?:
    string | null;
}

export const HOSPITAL_DEPOSITS: DepositSpec<HospitalReportDeposit> = {
  source: 'hospital',
  table: 'hospital_report',
  idPrefix: documentsOf('hospital').idPrefix,
  contentTypes: CLINICAL_MIME_TYPES,
  columns: (input, now) => {
    const stayStart = pastDay('input.stayStart', input.stayStart, now);
    const stayEnd = pastDay('input.stayEnd', input.stayEnd, now);
    if (stayStart && stayEnd && stayEnd < stayStart)
      throw badInput('input.stayEnd', 'must not be before input.stayStart');
    return {
      stay_start: stayStart,
      stay_end: stayEnd,
      care_unit: optionalText('input.careUnit', input.careUnit, 200),
      summary: optionalText('input.summary', input.summary, 100_000),
    };
  },
};

@Resolver()
export class HospitalDepositResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description:
      'Deposits a hospital report (a professional, or an establishment through its feeding channel). Replaces a version with `replaces`; the patient is notified.',
  })
  depositHospitalReport(
    @Arg('input', () => HospitalReportDeposit, {
      description: 'The report to deposit; the same idempotencyKey again deposits nothing (DepositReceipt.duplicate).',
    })
    input: HospitalReportDeposit,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepositReceipt> {
    return deposit(ctx, HOSPITAL_DEPOSITS, input);
  }
}
