import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { AccessModeEnum } from './patient.type';
import { TRACE_ACTIONS, TRACE_KINDS, type TraceKind } from '../../domain/trace-actions';

export const TraceKindEnum = Object.fromEntries(TRACE_KINDS.map((k) => [k, k]));
registerEnumType(TraceKindEnum, {
  name: 'AccessKind',
  description: 'How the patient side files its access history (domain/trace-actions.json).',
  valuesConfig: Object.fromEntries(TRACE_KINDS.map((k) => [k, { description: TRACE_ACTIONS.kinds[k] }])),
});

@ObjectType({
  description:
    'One access to the record: who, when, in which mode, what was touched (ids or field groups, never content), and whether it was allowed.',
})
export class AccessTraceEntry {
  @Field(() => ID, { description: 'Position in the tamper-evident chain.' }) seq!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => String) actorId!: string;
  @Field(() => String) actorKind!: string;
  @Field(() => String, { nullable: true, description: 'TRE_G15.' }) actorProfession!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) actorSpecialty!: string | null;
  @Field(() => String, { description: 'TRE_R248 mode, patient or representative; none for a refusal.' }) mode!: string;
  @Field(() => String, { description: 'The source (subgraph) that served or refused it.' }) source!: string;
  @Field(() => String, { description: 'read, or the change made (authorise, block, mask…).' }) action!: string;
  @Field(() => [String]) touched!: string[];
  @Field(() => String, { description: 'allowed or denied.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'The policy rule that decided.' }) rule!: string | null;
  @Field(() => String, { nullable: true, description: 'The emergency justification, in bris de glace.' })
  justification!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The establishment (its account id) that vouched for the actor, a member of its staff without a CPS card.',
  })
  vouchedBy!: string | null;
}

export const { Connection: AccessTraceConnection } = connectionTypes('AccessTrace', AccessTraceEntry);

@InputType()
export class AccessTraceFilter {
  @Field(() => DateTime, { nullable: true }) from?: Date | null;
  @Field(() => DateTime, { nullable: true }) to?: Date | null;
  @Field(() => String, { nullable: true }) actorId?: string | null;
  @Field(() => AccessModeEnum, { nullable: true }) mode?: string | null;
  @Field(() => [TraceKindEnum], { nullable: true, description: 'Only accesses of these kinds.' })
  kinds?: TraceKind[] | null;
}
