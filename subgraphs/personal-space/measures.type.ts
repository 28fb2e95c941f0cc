import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, type Connection } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import {
  MEASURE_CONTEXT_CODES,
  MEASURE_KINDS,
  MEASURE_KIND_CODES,
  MEASURE_METRIC_CODES,
} from '../../domain/measure-kinds';
import type { PatientRef } from '../kit/documents/patient-ref.type';

const asEnum = (codes: readonly string[]) => Object.fromEntries(codes.map((c) => [c, c])) as Record<string, string>;

/**
 * What each kind, metric and context means, in English, for the descriptions of their values; labels, units
 * and LOINC codes come from domain/measure-kinds.json. A code added to the file without a line here is
 * described by its label.
 */
const KIND_MEANINGS: Record<string, string> = {
  WEIGHT: 'Body weight',
  HEIGHT: 'Body height',
  BODY_MASS_INDEX: 'Body mass index: the weight divided by the square of the height',
  BLOOD_PRESSURE: 'Arterial blood pressure: a systolic and a diastolic value',
  HEART_RATE: 'Heart rate (the pulse), in beats per minute',
  BODY_TEMPERATURE: 'Body temperature',
  WAIST_CIRCUMFERENCE: 'Waist circumference, measured at the navel',
  GLUCOSE: 'Blood glucose (glycaemia); `context` may say when it was read',
  INTERSTITIAL_GLUCOSE: 'Glucose in the interstitial fluid, as a glucose sensor reads it; `context` may say when',
  GLYCATED_HEMOGLOBIN: 'Glycated haemoglobin (HbA1c), a share of the total haemoglobin',
  HEMOGLOBIN_GLYCATION_INDEX:
    'Glucose management indicator: an estimate of HbA1c a glucose sensor computes, coded TAASIP MED-972 by the ANS guide',
  STEPS_BY_DAY: 'The number of steps walked in a day',
  PAIN_SEVERITY: 'Pain as the patient rates it, from 0, no pain, to 10, the worst imaginable',
  HEAD_CIRCUMFERENCE: 'Head circumference (occipito-frontal), followed mostly in children',
};
const METRIC_MEANINGS: Record<string, string> = {
  SYSTOLIC_BLOOD_PRESSURE: 'The systolic (higher) pressure of a BLOOD_PRESSURE measure',
  DIASTOLIC_BLOOD_PRESSURE: 'The diastolic (lower) pressure of a BLOOD_PRESSURE measure, below the systolic',
};
const CONTEXT_MEANINGS: Record<string, string> = {
  FASTING: 'Fasting: nothing eaten for several hours',
  BEFORE_MEAL: 'Before a meal',
  AFTER_MEAL: 'After a meal',
  BEDTIME: 'At bedtime',
  NIGHT: 'During the night',
  OTHER: 'At another moment',
};

/** The kinds of domain/measure-kinds.json, as GraphQL values (the file is the one place they are named). */
export const MeasureKindEnum = asEnum(MEASURE_KIND_CODES);
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  description: 'What a measure of the health profile measures (domain/measure-kinds.json; Query.measureKinds).',
  valuesConfig: Object.fromEntries(
    MEASURE_KINDS.map((k) => [
      k.code,
      {
        description: `${KIND_MEANINGS[k.code] ?? k.label} ("${k.label}"; ${k.loinc ? `LOINC ${k.loinc.code}` : 'no LOINC code'}).`,
      },
    ]),
  ),
});
export const MeasureMetricEnum = asEnum(MEASURE_METRIC_CODES);
registerEnumType(MeasureMetricEnum, {
  name: 'MeasureMetric',
  description:
    "One value of a measure: a kind has one metric named like it, or several (BLOOD_PRESSURE's SYSTOLIC_BLOOD_PRESSURE and DIASTOLIC_BLOOD_PRESSURE).",
  valuesConfig: Object.fromEntries(
    MEASURE_KINDS.flatMap((k) =>
      k.metrics.map((m) => [
        m.code,
        {
          description: `${METRIC_MEANINGS[m.code] ?? `The value of a measure of kind ${k.code}`} ("${m.label}", in ${m.unit}${m.loinc ? `; LOINC ${m.loinc}` : ''}).`,
        },
      ]),
    ),
  ),
});
export const MeasureContextEnum = asEnum(MEASURE_CONTEXT_CODES);
registerEnumType(MeasureContextEnum, {
  name: 'MeasureContext',
  description: 'When a measure was taken, for the kinds that list contexts (the moment of a glucose reading).',
  valuesConfig: Object.fromEntries(
    MEASURE_CONTEXT_CODES.map((code) => {
      const label = MEASURE_KINDS.flatMap((k) => k.contexts).find((c) => c.code === code)!.label;
      return [code, { description: `${CONTEXT_MEANINGS[code] ?? label} ("${label}").` }];
    }),
  ),
});
export const HealthProfileRecorderEnum = { PATIENT: 'PATIENT', REPRESENTATIVE: 'REPRESENTATIVE' } as const;
registerEnumType(HealthProfileRecorderEnum, {
  name: 'HealthProfileRecorder',
  description:
    "Who on the patient's side wrote an entry of the health profile: the patient, or a legal representative.",
  valuesConfig: {
    PATIENT: { description: 'The patient, on their own record.' },
    REPRESENTATIVE: { description: 'A legal representative acting for the patient (a parent of a minor).' },
  },
});

@ObjectType({ description: 'Who recorded an entry of the health profile, and when.' })
export class HealthProfileAuthor {
  @Field(() => HealthProfileRecorderEnum, { description: 'The patient, or a legal representative.' })
  kind!: keyof typeof HealthProfileRecorderEnum;
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
  @Field(() => DateTime, { description: 'When they recorded it: its last change.' }) at!: Date;
}

@ObjectType({ description: "One value of a measure, in its metric's unit." })
export class MeasureValue {
  @Field(() => MeasureMetricEnum, { description: 'Which value of the kind this is.' }) metric!: string;
  @Field(() => Float, { description: "The number, in the metric's unit." }) value!: number;
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
  @Field(() => ID, { description: 'The measure, for recordMeasure(id:) and removeMeasure.' }) id!: string;
  @Field(() => MeasureKindEnum, { description: 'What it measures.' }) kind!: string;
  @Field(() => [MeasureValue], { description: 'One value per metric of the kind, in the order of its metrics.' })
  values!: MeasureValue[];
  @Field(() => String, { description: 'As a person reads it, in French: "72,5 kg", "120/80 mmHg".' })
  formattedValue!: string;
  @Field(() => DateTime, { description: 'When the measure was taken.' }) takenAt!: Date;
  @Field(() => MeasureContextEnum, {
    nullable: true,
    description: "When it was taken (one of the kind's contexts: before a meal…); null when not said.",
  })
  context!: string | null;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment!: string | null;
  @Field(() => HealthProfileAuthor, { description: 'Who recorded it, and when (last change).' })
  recordedBy!: HealthProfileAuthor;
}
export const { Connection: MeasureConnection } = connectionTypes('Measure', Measure);

@ObjectType({ description: 'One metric of a kind of measure: its unit, bounds and labels.' })
export class MeasureMetricInfo {
  @Field(() => MeasureMetricEnum, { description: 'The metric.' }) metric!: string;
  @Field(() => String, { description: 'In French ("Systolique").' }) label!: string;
  @Field(() => String, { description: 'The unit as a person reads it.' }) unit!: string;
  @Field(() => String, { description: 'The unit as UCUM writes it; a value may be given in either.' }) ucum!: string;
  @Field(() => String, { nullable: true, description: "The metric's own LOINC code, in a panel." }) loincCode!:
    string | null;
  @Field(() => Float, { description: 'The smallest value accepted.' }) min!: number;
  @Field(() => Float, { description: 'The largest value accepted.' }) max!: number;
  @Field(() => Int, { description: 'Digits accepted after the decimal point.' }) decimals!: number;
  @Field(() => String, { description: 'What to type, in French.' }) hint!: string;
}

@ObjectType({ description: 'A context a measure of a kind may name: when it was taken.' })
export class MeasureContextInfo {
  @Field(() => MeasureContextEnum, { description: 'The context, as MeasureInput.context takes it.' })
  context!: string;
  @Field(() => String, { description: 'In French ("À jeun").' }) label!: string;
}

@ObjectType({ description: 'What a kind of measure is: its metrics, units, bounds and labels (no patient data).' })
export class MeasureKindInfo {
  @Field(() => MeasureKindEnum, { description: 'The kind.' }) kind!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'LOINC code, where LOINC has one.' }) loincCode!: string | null;
  @Field(() => String, { nullable: true, description: "LOINC's display name of `loincCode`, in English." })
  loincDisplay!: string | null;
  @Field(() => [MeasureMetricInfo], {
    description: 'Its metrics, in the order a measure gives its values: one, or several (blood pressure).',
  })
  metrics!: MeasureMetricInfo[];
  @Field(() => [MeasureContextInfo], { description: 'The contexts a measure of this kind may name; often none.' })
  contexts!: MeasureContextInfo[];
  @Field(() => Boolean, { description: 'Whether the patient may set a target for it.' }) targetable!: boolean;
  @Field(() => Boolean, { description: 'On the dashboard until the patient arranges it.' }) shownByDefault!: boolean;
}

@ObjectType({ description: 'The measures of one kind, newest first, with what the kind is.' })
export class MeasureHistory {
  @Field(() => MeasureKindEnum, { description: 'The kind, as asked in measureHistories(kinds:).' }) kind!: string;
  @Field(() => MeasureKindInfo, { description: 'What the kind is: metrics, units, bounds, labels.' })
  info!: MeasureKindInfo;
  @Field(() => MeasureConnection, {
    description: 'The first page; its endCursor goes on in measures(kinds: [this kind], after:) with the same dates.',
  })
  measures!: Connection<Measure>;
}

@ObjectType({ description: 'A target the patient set for one metric (a weight to reach, steps a day).' })
export class MeasureTarget {
  @Field(() => ID, { description: 'The target, for setMeasureTarget(id:) and removeMeasureTarget.' }) id!: string;
  @Field(() => MeasureKindEnum, { description: 'The kind of measure it is for.' }) kind!: string;
  @Field(() => MeasureMetricEnum, { description: 'The metric it is for; one target per metric.' }) metric!: string;
  @Field(() => Float, { description: 'The value to reach, in `unit`.' }) value!: number;
  @Field(() => String, { description: "The metric's unit as a person reads it (kg, pas/jour)." }) unit!: string;
  @Field(() => DateTime, { description: 'When it was set, or last changed.' }) setAt!: Date;
}

@ObjectType({ description: "One tile of the patient's measures dashboard, in the patient's order." })
export class MeasureTile {
  @Field(() => MeasureKindEnum, { description: 'The kind of measure the tile shows.' }) kind!: string;
  @Field(() => Int, { description: 'From 0, every kind once.' }) position!: number;
  @Field(() => Boolean, { description: 'Shown on the dashboard; false, kept in its place but hidden.' })
  visible!: boolean;
  @Field(() => MeasureKindInfo, { description: 'What the kind is: metrics, units, bounds, labels.' })
  info!: MeasureKindInfo;
}

@InputType({ description: 'One value of a measure.' })
export class MeasureValueInput {
  @Field(() => MeasureMetricEnum, { nullable: true, description: 'Needed only for a kind of several metrics.' })
  metric?: string | null;
  @Field(() => Float, { description: "The number, within the metric's bounds and decimals (MeasureMetricInfo)." })
  value!: number;
  @Field(() => String, {
    nullable: true,
    description: "Checked when given: the metric's unit, as UCUM or as read (no conversion).",
  })
  unit?: string | null;
}

@InputType({ description: 'A measure to record, checked against its kind (Query.measureKinds).' })
export class MeasureInput {
  @Field(() => MeasureKindEnum, { description: 'What it measures.' }) kind!: string;
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

@InputType({ description: 'A target for one metric of a kind: a weight to reach, steps a day.' })
export class MeasureTargetInput {
  @Field(() => MeasureKindEnum, { description: 'A kind whose info says targetable.' }) kind!: string;
  @Field(() => MeasureMetricEnum, { nullable: true, description: 'Needed only for a kind of several metrics.' })
  metric?: string | null;
  @Field(() => Float, { description: "Within the metric's bounds." }) value!: number;
}

@InputType({ description: 'One tile of the measures dashboard, in the place the list gives it.' })
export class MeasureTileInput {
  @Field(() => MeasureKindEnum, { description: 'The kind the tile shows; each kind once in the list.' })
  kind!: string;
  @Field(() => Boolean, { description: 'Shown (true) or hidden (false).' }) visible!: boolean;
}
