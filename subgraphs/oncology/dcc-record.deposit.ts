import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { documentsOf } from '../../domain/sources';
import { CLINICAL_MIME_TYPES, FORMATS, hasFormat } from '../../domain/formats';
import { DepositReceipt, DocumentDepositFields } from '../kit/documents/deposit.type';
import { deposit, optionalText, pastDay, type DepositSpec } from '../kit/documents/deposit';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { LocalDate } from '../../schema/scalars';

@InputType({ description: 'A DCC record to deposit: fiche RCP, PPS, pathology or operative report.' })
export class DccRecordDeposit extends DocumentDepositFields {
  @Field(() => String, { nullable: true, description: 'ICD-10 code, e.g. C50.9.' }) tumourSiteCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Tumour site in words, at most 200 characters.' })
  tumourSiteLabel?: string | null;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date of the multidisciplinary meeting (RCP), today or before.',
  })
  meetingDate?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Decision of the RCP or plan of the PPS, at most 10,000 characters.',
  })
  decision?: string | null;
  @Field(() => String, { nullable: true, description: 'The record text (at most 100,000 characters).' })
  summary?: string | null;
}

export const DCC_DEPOSITS: DepositSpec<DccRecordDeposit> = {
  source: 'oncology',
  table: 'dcc_record',
  idPrefix: documentsOf('oncology').idPrefix,
  contentTypes: CLINICAL_MIME_TYPES,
  columns: (input, now) => {
    if (input.tumourSiteCode != null && !hasFormat('icd10', input.tumourSiteCode))
      throw badInput('input.tumourSiteCode', FORMATS.icd10.rule);
    return {
      tumour_site_code: input.tumourSiteCode ?? null,
      tumour_site_label: optionalText('input.tumourSiteLabel', input.tumourSiteLabel, 200),
      meeting_date: pastDay('input.meetingDate', input.meetingDate, now),
      decision: optionalText('input.decision', input.decision, 10_000),
      summary: optionalText('input.summary', input.summary, 100_000),
    };
  },
};

@Resolver()
export class DccDepositResolver {
  @Mutation(() => DepositReceipt, {
    nullable: true,
    description:
      "Deposits a DCC record (a médecin, or an establishment through its feeding channel). The patient is notified unless the record waits for the consultation d'annonce (INVISIBLE_PATIENT).",
  })
  depositDccRecord(
    @Arg('input', () => DccRecordDeposit, {
      description: 'The record to deposit; the same idempotencyKey again deposits nothing (DepositReceipt.duplicate).',
    })
    input: DccRecordDeposit,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepositReceipt> {
    return deposit(ctx, DCC_DEPOSITS, input);
  }
}
