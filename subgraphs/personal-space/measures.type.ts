import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, type Connection } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { MEASURE_CONTEXT_CODES, MEASURE_KIND_CODES, MEASURE_METRIC_CODES } from '../../domain/measure-kinds';
import type { PatientRef } from '../kit/documents/patient-ref.type';

const asEnum = (codes: readonly string[]) => Object.fromEntries(codes.map((c) => [c, c])) as Record<string, string>;

/** The kinds of domain/measure-kinds.json, as GraphQL values (the file is the one place they are named). */
export const MeasureKindEnum = asEnum(MEASURE_KIND_CODES);
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  description: 'What a measure of the health profile measures (domain/measure-kinds.json; Query.measureKinds).',
});
export const MeasureMetricEnum = asEnum(MEASURE_METRIC_CODES);
registerEnumType(MeasureMetricEnum, {
  name: 'MeasureMetric',
  description:
    "One value of a measure: a kind has one metric named like it, or several (BLOOD_PRESSURE's SYSTOLIC_BLOOD_PRESSURE and DIASTOLIC_BLOOD_PRESSURE).",
});
export const MeasureContextEnum = asEnum(MEASURE_CONTEXT_CODES);
registerEnumType(MeasureContextEnum, {
  name: 'MeasureContext',
  description: 'When a measure was taken, for the kinds that list contexts (the moment of a glucose reading).',
});
export const HealthProfileRecorderEnum = { PATIENT: 'PATIENT', REPRESENTATIVE: 'REPRESENTATIVE' } as const;
registerEnumType(HealthProfileRecorderEnum, {
  name: 'HealthProfileRecorder',
  description:
    "Who on the patient's side wrote an entry of the health profile: the patient, or a legal representative.",
});

@ObjectType({ description: 'Who recorded an entry of the health profile, and when.' })
export class HealthProfileAuthor {
  @Field(() => HealthProfileRecorderEnum) kind!: keyof typeof HealthProfileRecorderEnum;
  @Field(() => String, {
    description:
      "The account that recorded it: `patient:<INS>`, or a representative's account (Patient.legalRepresentatives names them).",
  })
  actorId!: string;
  @Field(() => String, {
    nullable: true,
    description: "The patient's name as the registry holds it; null for a representative (named by their account).",
  })
  name!: string | null;
  @Field(() => DateTime) at!: Date;
}

@ObjectType({ description: "One value of a measure, in its metric's unit." })
export class MeasureValue {
  @Field(() => MeasureMetricEnum) metric!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { description: 'The unit as a person reads it (kg, mmHg, g/L).' }) unit!: string;
  @Field(() => String, { description: 'The unit as UCUM writes it (kg, mm[Hg], g/L).' }) ucum!: string;
}

@ObjectType({
  description:
    "What the reader may do with a measure or a kind, as buttons show (policy/measure-permissions.ts): the patient's side adds, edits and removes; every reader of the measures reads the history.",
})
export class MeasurePermissions {
  @Field(() => Boolean, { description: 'recordMeasure for this kind.' }) add!: boolean;
  @Field(() => Boolean, { description: 'measures(kinds:) for this kind.' }) history!: boolean;
  @Field(() => Boolean, { description: 'recordMeasure with this id.' }) update!: boolean;
  @Field(() => Boolean, { description: 'removeMeasure.' }) delete!: boolean;
}

/** What a measure carries on, beside its GraphQL fields: the record it belongs to (for its linked document). */
export interface MeasureNode extends Measure {
  patient: PatientRef;
  documentId: string | null;
}

@ObjectType({ description: 'A measure the patient (or a representative) recorded: a weight, a blood pressure…' })
export class Measure {
  @Field(() => ID) id!: string;
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => [MeasureValue], { description: 'One value per metric of the kind, in the order of its metrics.' })
  values!: MeasureValue[];
  @Field(() => String, { description: 'As a person reads it, in French: "72,5 kg", "120/80 mmHg".' })
  formattedValue!: string;
  @Field(() => DateTime, { description: 'When the measure was taken.' }) takenAt!: Date;
  @Field(() => MeasureContextEnum, { nullable: true }) context!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => HealthProfileAuthor, { description: 'Who recorded it, and when (last change).' })
  recordedBy!: HealthProfileAuthor;
}
export const { Connection: MeasureConnection } = connectionTypes('Measure', Measure);

@ObjectType()
export class MeasureMetricInfo {
  @Field(() => MeasureMetricEnum) metric!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'The unit as a person reads it.' }) unit!: string;
  @Field(() => String, { description: 'The unit as UCUM writes it; a value may be given in either.' }) ucum!: string;
  @Field(() => String, { nullable: true, description: "The metric's own LOINC code, in a panel." }) loincCode!:
    string | null;
  @Field(() => Float, { description: 'The smallest value accepted.' }) min!: number;
  @Field(() => Float, { description: 'The largest value accepted.' }) max!: number;
  @Field(() => Int, { description: 'Digits accepted after the decimal point.' }) decimals!: number;
  @Field(() => String, { description: 'What to type, in French.' }) hint!: string;
}

@ObjectType()
export class MeasureContextInfo {
  @Field(() => MeasureContextEnum) context!: string;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'What a kind of measure is: its metrics, units, bounds and labels (no patient data).' })
export class MeasureKindInfo {
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'LOINC code, where LOINC has one.' }) loincCode!: string | null;
  @Field(() => String, { nullable: true }) loincDisplay!: string | null;
  @Field(() => [MeasureMetricInfo]) metrics!: MeasureMetricInfo[];
  @Field(() => [MeasureContextInfo], { description: 'The contexts a measure of this kind may name; often none.' })
  contexts!: MeasureContextInfo[];
  @Field(() => Boolean, { description: 'Whether the patient may set a target for it.' }) targetable!: boolean;
  @Field(() => Boolean, { description: 'On the dashboard until the patient arranges it.' }) shownByDefault!: boolean;
}

@ObjectType({ description: 'The measures of one kind, newest first, with what the kind is.' })
export class MeasureHistory {
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => MeasureKindInfo) info!: MeasureKindInfo;
  @Field(() => MeasureConnection, {
    description: 'The first page; its endCursor goes on in measures(kinds: [this kind], after:) with the same dates.',
  })
  measures!: Connection<Measure>;
}

@ObjectType({ description: 'A target the patient set for one metric (a weight to reach, steps a day).' })
export class MeasureTarget {
  @Field(() => ID) id!: string;
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => MeasureMetricEnum) metric!: string;
  @Field(() => Float) value!: number;
  @Field(() => String) unit!: string;
  @Field(() => DateTime) setAt!: Date;
}

@ObjectType({ description: "One tile of the patient's measures dashboard, in the patient's order." })
export class MeasureTile {
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => Int, { description: 'From 0, every kind once.' }) position!: number;
  @Field(() => Boolean) visible!: boolean;
  @Field(() => MeasureKindInfo) info!: MeasureKindInfo;
}

@InputType({ description: 'One value of a measure.' })
export class MeasureValueInput {
  @Field(() => MeasureMetricEnum, { nullable: true, description: 'Needed only for a kind of several metrics.' })
  metric?: string | null;
  @Field(() => Float) value!: number;
  @Field(() => String, {
    nullable: true,
    description: "Checked when given: the metric's unit, as UCUM or as read (no conversion).",
  })
  unit?: string | null;
}

@InputType({ description: 'A measure to record, checked against its kind (Query.measureKinds).' })
export class MeasureInput {
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => [MeasureValueInput], { description: 'One per metric of the kind.' }) values!: MeasureValueInput[];
  @Field(() => DateTime, { description: 'When it was taken: not in the future.' }) takenAt!: Date;
  @Field(() => MeasureContextEnum, { nullable: true, description: "One of the kind's contexts." }) context?:
    string | null;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' }) comment?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'A current document of the same personal space it comes from (a lab report).',
  })
  documentId?: string | null;
}

@InputType()
export class MeasureTargetInput {
  @Field(() => MeasureKindEnum, { description: 'A kind whose info says targetable.' }) kind!: string;
  @Field(() => MeasureMetricEnum, { nullable: true, description: 'Needed only for a kind of several metrics.' })
  metric?: string | null;
  @Field(() => Float, { description: "Within the metric's bounds." }) value!: number;
}

@InputType()
export class MeasureTileInput {
  @Field(() => MeasureKindEnum) kind!: string;
  @Field(() => Boolean) visible!: boolean;
}
