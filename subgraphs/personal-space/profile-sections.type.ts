import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { PartialDate } from './partial-date';
import codes from './profile-sections.json';

type CodeList = { $source: string; values: Record<string, string> };
type ListKey = Exclude<keyof typeof codes, '$comment'>;

/**
 * An enum of the codes of one list of profile-sections.json, with the label of each. Each value's description
 * is its label and what it means (`meanings`, one for every code of the list).
 */
function codeList<K extends ListKey>(
  key: K,
  name: string,
  description: string,
  meanings: Record<keyof (typeof codes)[K]['values'], string>,
) {
  const list = codes[key] as CodeList;
  const values = Object.fromEntries(Object.keys(list.values).map((code) => [code, code]));
  const said = meanings as Record<string, string>;
  registerEnumType(values, {
    name,
    description: `${description} (labels: ${list.$source})`,
    valuesConfig: Object.fromEntries(
      Object.entries(list.values).map(([code, label]) => [code, { description: `${label}: ${said[code]}` }]),
    ),
  });
  return { values, label: (code: string) => list.values[code] };
}

export const ProfileSections = codeList(
  'sections',
  'ProfileSection',
  'A section of the health profile a patient may declare they are not concerned by',
  {
    ALLERGIES: 'the allergies the patient declares (PersonalSpace.allergies).',
    MEDICAL_HISTORY: "the patient's own diseases and operations (antecedents of kind MEDICAL or SURGICAL).",
    FAMILY_HISTORY: 'the diseases of relatives (antecedents of kind FAMILY).',
    TREATMENTS: 'the treatments the patient takes or took (PersonalSpace.treatments).',
    HOSPITALISATIONS: 'the stays in hospital the patient declares (PersonalSpace.hospitalisations).',
    DISABILITIES: 'the disabilities the patient declares (PersonalSpace.disabilities).',
    FOOD: 'eating habits and diet, a section of lifestyle.',
    PHYSICAL_ACTIVITY: 'physical activity and time spent sitting, a section of lifestyle.',
    SLEEP: 'hours of sleep and sleep troubles, a section of lifestyle.',
    SCREEN: 'screen time out of work and screens before sleep, a section of lifestyle.',
    ALCOHOL: 'drinking alcohol, a section of lifestyle.',
    TOBACCO: 'smoking and the electronic cigarette, a section of lifestyle.',
  },
);
export const DisabilityKinds = codeList('disabilityKinds', 'DisabilityKind', 'A kind of disability', {
  MOTOR: 'an alteration of motor functions (moving, standing, grasping).',
  VISUAL: 'an alteration of sight, a sensory function.',
  HEARING: 'an alteration of hearing, a sensory function.',
  MENTAL: 'an alteration of mental functions (an intellectual disability).',
  COGNITIVE: 'an alteration of cognitive functions (memory, attention, language).',
  PSYCHIC: 'an alteration of psychic functions (from a mental illness).',
  POLYHANDICAP: 'a severe disability combining several alterations, with a deep restriction of autonomy.',
  DISABLING_HEALTH_DISORDER: 'a disabling health disorder (a chronic disease that restricts daily life).',
});
export const DisabilityRates = codeList('disabilityRates', 'DisabilityRate', "The MDPH's band of incapacity", {
  BELOW_50: 'a rate of incapacity under 50 % recognised by the MDPH.',
  FROM_50_TO_79: 'a rate of incapacity from 50 to 79 % recognised by the MDPH.',
  AT_LEAST_80: 'a rate of incapacity of 80 % or more recognised by the MDPH.',
});
export const DurationUnits = codeList('durationUnits', 'DurationUnit', 'A unit of a length of time', {
  DAY: 'counted in days.',
  WEEK: 'counted in weeks.',
  MONTH: 'counted in months.',
  YEAR: 'counted in years.',
});

@ObjectType({ description: 'A treatment the patient says they take or took: their own list, not a dispensation.' })
export class Treatment {
  @Field(() => ID, { description: 'The entry, for recordTreatment(id:) and removeProfileEntry(kind: TREATMENT).' })
  id!: string;
  @Field(() => String, { description: 'The medicine or treatment, as the patient names it.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The presentation code (CIP13), when the patient gave it.' })
  cip13!: string | null;
  @Field(() => String, { nullable: true, description: 'How much, how often ("1 comprimé le matin"), when given.' })
  dosage!: string | null;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment!: string | null;
  @Field(() => PartialDate, {
    nullable: true,
    description: 'Since when, as much of the date as the patient gave; null when not said.',
  })
  start!: PartialDate | null;
  @Field(() => PartialDate, { nullable: true, description: 'Null while it goes on, or when not said.' })
  end!: PartialDate | null;
  @Field(() => DateTime, { description: 'When it was recorded, or last changed.' }) recordedAt!: Date;
}

@ObjectType({
  description: 'A stay in hospital the patient declares (what professionals wrote is in hospitalReports).',
})
export class Hospitalisation {
  @Field(() => ID, {
    description: 'The entry, for recordHospitalisation(id:) and removeProfileEntry(kind: HOSPITALISATION).',
  })
  id!: string;
  @Field(() => String, { description: 'Why, in the patient’s words.' }) reason!: string;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment!: string | null;
  @Field(() => PartialDate, {
    nullable: true,
    description: 'When the stay began, as much of the date as the patient gave; null when not said.',
  })
  start!: PartialDate | null;
  @Field(() => Int, { nullable: true, description: 'How long, counted in `durationUnit`.' }) duration!: number | null;
  @Field(() => DurationUnits.values, {
    nullable: true,
    description: 'The unit `duration` counts in; null exactly when `duration` is.',
  })
  durationUnit!: string | null;
  @Field(() => String, { nullable: true, description: 'The label of `durationUnit`, in French ("semaine(s)").' })
  durationUnitLabel!: string | null;
  @Field(() => DateTime, { description: 'When it was recorded, or last changed.' }) recordedAt!: Date;
}

@ObjectType({ description: 'A disability the patient declares.' })
export class Disability {
  @Field(() => ID, { description: 'The entry, for recordDisability(id:) and removeProfileEntry(kind: DISABILITY).' })
  id!: string;
  @Field(() => String, { description: 'The disability, as the patient names it.' }) name!: string;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment!: string | null;
  @Field(() => [DisabilityKinds.values], { description: 'Its kinds (CASF L114), each once; empty when not said.' })
  kinds!: string[];
  @Field(() => [String], { description: 'The label of each kind, in the same order.' }) kindLabels!: string[];
  @Field(() => DisabilityRates.values, { nullable: true, description: 'The rate the MDPH recognised, if any.' })
  rate!: string | null;
  @Field(() => String, { nullable: true, description: 'The label of `rate`, in French ("De 50 à 79 %").' })
  rateLabel!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Uses technical aids (wheelchair, hearing aid…).' })
  technicalHelp!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Is helped by someone in daily life.' })
  humanHelp!: boolean | null;
  @Field(() => DateTime, { description: 'When it was recorded, or last changed.' }) recordedAt!: Date;
}

@ObjectType({
  description:
    'Whether the patient declared they are not concerned by a section ("no known allergy"), as against never having filled it in. Adding an entry to the section ends the declaration.',
})
export class ProfileSectionState {
  @Field(() => ProfileSections.values, { description: 'The section of the health profile.' }) section!: string;
  @Field(() => String, { description: 'The label of `section`, in French.' }) label!: string;
  @Field(() => Boolean, { description: 'The patient declared the section does not concern them.' })
  notConcerned!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When the patient declared it.' }) declaredAt!: Date | null;
}
