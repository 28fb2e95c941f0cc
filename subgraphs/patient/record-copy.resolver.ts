import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { mayControl } from '../../policy/controls';
import { recordAccess, touch } from '../../audit/trace-recorder';
import { DateTime } from '../../schema/scalars';
import type { SubgraphContext } from '../kit/context';
import { Patient } from './patient.type';
import { factsOf, type VisiblePatient } from './patient.loader';
import { guardedChange } from './guarded-change';
import { produceLater } from './record-copy';
import * as repo from './record-copy.repo';
import type { GrantRule } from '../../policy/rules';

export const RecordCopyStatusEnum = { PENDING: 'PENDING', READY: 'READY', FAILED: 'FAILED' } as const;
registerEnumType(RecordCopyStatusEnum, {
  name: 'RecordCopyStatus',
  description: 'Where a copy of the record stands.',
  valuesConfig: {
    PENDING: { description: 'Being produced: ask again in a moment.' },
    READY: { description: 'Produced: `content` holds it until `availableUntil`.' },
    FAILED: { description: 'Not produced: the requester was no longer entitled to the record.' },
  },
});

@ObjectType({
  description:
    'A copy of the record (seed 002: free, on request): everything its requester may see, from every source, produced in the background as they would read it, for them alone to download.',
})
export class RecordCopy {
  @Field(() => ID, { description: 'The copy.' }) id!: string;
  @Field(() => RecordCopyStatusEnum, { description: 'Pending, ready or failed.' }) status!: repo.RecordCopyStatus;
  @Field(() => DateTime, { description: 'When it was asked for.' }) requestedAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it was produced; null until it is ready.' })
  readyAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'After this instant the copy is deleted.' })
  availableUntil!: Date | null;
  @Field(() => Int, { nullable: true, description: 'The size of `content`, in bytes.' }) sizeBytes!: number | null;
}

/** A copy as Patient.recordCopies hands it on: with the record and the grant it was listed under. */
type ListedCopy = RecordCopy & { ins: string; rule: GrantRule; mode: string };

const toCopy = (row: repo.RecordCopyRow): RecordCopy => ({
  id: row.id,
  status: row.status,
  requestedAt: row.requested_at,
  readyAt: row.ready_at,
  availableUntil: row.available_until,
  sizeBytes: row.size_bytes,
});

@Resolver(() => RecordCopy)
export class RecordCopyResolver {
  @Mutation(() => RecordCopy, {
    nullable: true,
    description:
      "The patient, or a representative within their rights, asks for a copy of the record: produced at once in the background (poll `Patient.recordCopies`), traced, every visibility rule applied as for the requester's own reads.",
  })
  async requestRecordCopy(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecordCopy> {
    const id = insArgument(ins);
    const made = await guardedChange(ctx, {
      ins: id,
      action: 'request-copy',
      touched: 'copy',
      decide: (row) => mayControl(ctx.actor, factsOf(row), 'request-copy'),
      apply: (tx) => repo.addCopy(tx, id, ctx.actor, ctx.now),
    });
    produceLater(ctx.deps, made.id);
    return toCopy(made);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The copy, a JSON document (format dmp-record-copy/1: the registry's part and each source's lists, files in base64), while it is available; null before or after. Reading it is traced.",
  })
  async content(@Root() copy: ListedCopy, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    // Only through Patient.recordCopies, which judged the record; a freshly requested copy has no content yet.
    if (!('ins' in copy)) return null;
    const content = await repo.copyContent(ctx.deps.store, copy.id, ctx.actor.id, ctx.now);
    if (content !== null)
      recordAccess(ctx, {
        patientIns: copy.ins,
        action: 'read-copy',
        touched: [`copy:${copy.id}`],
        outcome: 'allowed',
        rule: copy.rule,
        mode: copy.mode,
      });
    return content;
  }
}

@Resolver(() => Patient)
export class PatientCopiesResolver {
  @FieldResolver(() => [RecordCopy], {
    nullable: true,
    description:
      'The copies of this record the asking actor requested, newest first (each requester sees only theirs).',
  })
  async recordCopies(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<ListedCopy[]> {
    touch(ctx, patient.decision.grant, 'recordCopies');
    const rows = await repo.copiesOf(ctx.deps.store, patient.ins, ctx.actor.id);
    const { rule, mode } = patient.decision.grant;
    return rows.map((row) => ({ ...toCopy(row), ins: patient.ins, rule, mode }));
  }
}
