import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
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

/** What every view of an access names: who, when, in which mode, what they did and how it ended. */
@ObjectType({ description: 'Not in the schema: the fields each view of an access extends.' })
class AccessFields {
  @Field(() => DateTime, { description: 'When the access happened.' }) at!: Date;
  @Field(() => String, {
    description:
      "Who acted, as an actor id: `ps:<RPPS>` for a professional, `patient:<INS>` for the patient, `staff:<finess>:<staffId>` for an establishment's staff, an account's id otherwise.",
  })
  actorId!: string;
  @Field(() => String, { description: 'What kind of actor: patient, representative, professional, regulator, heir…' })
  actorKind!: string;
  @Field(() => String, { nullable: true, description: 'TRE_G15.' }) actorProfession!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) actorSpecialty!: string | null;
  @Field(() => String, { description: 'TRE_R248 mode, patient or representative; none for a refusal.' }) mode!: string;
  @Field(() => String, { description: 'read, or the change made (authorise, block, mask…).' }) action!: string;
  @Field(() => String, { description: 'allowed or denied.' }) outcome!: string;
  @Field(() => String, { nullable: true, description: 'The emergency justification, in bris de glace.' })
  justification!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The establishment (its account id) that vouched for the actor, a member of its staff without a CPS card.',
  })
  vouchedBy!: string | null;
}

@ObjectType({
  description:
    'One access to the record as one source traced it: who, when, in which mode, what was touched (ids or field groups, never content), and whether it was allowed.',
})
export class AccessTraceEntry extends AccessFields {
  @Field(() => ID, { description: 'Position in the tamper-evident chain.' }) seq!: string;
  @Field(() => String, { description: 'The source (subgraph) that served or refused it.' }) source!: string;
  @Field(() => [String], { description: 'What it touched in this source (ids or field groups, never content).' })
  touched!: string[];
  @Field(() => String, { nullable: true, description: 'The policy rule that decided.' }) rule!: string | null;
}

export const { Connection: AccessTraceConnection } = connectionTypes('AccessTrace', AccessTraceEntry);

@InputType({ description: 'Narrows an access history; every criterion given must hold.' })
export class AccessTraceFilter {
  @Field(() => DateTime, { nullable: true, description: 'Accesses at or after this instant.' }) from?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Accesses before this instant.' }) to?: Date | null;
  @Field(() => String, { nullable: true, description: "Only this actor's accesses (an `actorId` as listed)." })
  actorId?: string | null;
  @Field(() => AccessModeEnum, { nullable: true, description: 'Only accesses in this mode.' }) mode?: string | null;
  @Field(() => [TraceKindEnum], { nullable: true, description: 'Only accesses of these kinds.' })
  kinds?: TraceKind[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Leaves out the reader's own accesses: what others did (the app's professionals' accesses).",
  })
  excludeOwn?: boolean | null;
}

@ObjectType({
  description:
    'One access as a person reads it: what one request did, by one actor, whichever sources served it (a read of the whole record leaves one trace per source; accessTraces lists each).',
})
export class AccessEvent extends AccessFields {
  @Field(() => ID, { description: 'The last position in the chain of the traces it groups.' }) seq!: string;
  @Field(() => [String], { description: 'The sources (subgraphs) that served or refused it.' }) sources!: string[];
  @Field(() => [String], { description: 'What it touched, over every source (ids or field groups, never content).' })
  touched!: string[];
}

export const { Connection: AccessEventConnection } = connectionTypes('AccessEvent', AccessEvent);

@ObjectType({
  description:
    "Someone who accessed the record, once for all their accesses (the app's list of professionals who consulted it).",
})
export class Accessor {
  @Field(() => String, { description: 'Filter accessEvents or accessTraces by it for their accesses.' })
  actorId!: string;
  @Field(() => String, { description: 'What kind of actor: patient, representative, professional, regulator, heir…' })
  actorKind!: string;
  @Field(() => String, { nullable: true, description: 'TRE_G15.' }) actorProfession!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) actorSpecialty!: string | null;
  @Field(() => DateTime, { description: 'Their most recent access, within the filter.' }) lastAccessAt!: Date;
  @Field(() => Int, { description: 'How many accesses (requests), within the filter.' }) accesses!: number;
}
