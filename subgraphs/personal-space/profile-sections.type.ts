import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { PartialDate } from './partial-date';
import codes from './profile-sections.json';

type CodeList = { $source: string; values: Record<string, string> };

/** An enum of the codes of one list of profile-sections.json, with the label of each. */
function codeList<K extends keyof typeof codes>(key: K, name: string, description: string) {
  const list = codes[key] as CodeList;
  const values = Object.fromEntries(Object.keys(list.values).map((code) => [code, code]));
  registerEnumType(values, { name, description: `${description} (labels: ${list.$source})` });
  return { values, label: (code: string) => list.values[code] };
}

export const ProfileSections = codeList(
  'sections',
  'ProfileSection',
  'A section of the health profile a patient may declare they are not concerned by',
);
export const DisabilityKinds = codeList('disabilityKinds', 'DisabilityKind', 'A kind of disability');
export const DisabilityRates = codeList('disabilityRates', 'DisabilityRate', "The MDPH's band of incapacity");
export const DurationUnits = codeList('durationUnits', 'DurationUnit', 'A unit of a length of time');

@ObjectType({ description: 'A treatment the patient says they take or took: their own list, not a dispensation.' })
export class Treatment {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'The presentation code (CIP13), when the patient gave it.' })
  cip13!: string | null;
  @Field(() => String, { nullable: true }) dosage!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => PartialDate, { nullable: true }) start!: PartialDate | null;
  @Field(() => PartialDate, { nullable: true, description: 'Null while it goes on, or when not said.' })
  end!: PartialDate | null;
  @Field(() => DateTime) recordedAt!: Date;
}

@ObjectType({
  description: 'A stay in hospital the patient declares (what professionals wrote is in hospitalReports).',
})
export class Hospitalisation {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Why, in the patient’s words.' }) reason!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => PartialDate, { nullable: true }) start!: PartialDate | null;
  @Field(() => Int, { nullable: true, description: 'How long, counted in `durationUnit`.' }) duration!: number | null;
  @Field(() => DurationUnits.values, { nullable: true }) durationUnit!: string | null;
  @Field(() => String, { nullable: true }) durationUnitLabel!: string | null;
  @Field(() => DateTime) recordedAt!: Date;
}

@ObjectType({ description: 'A disability the patient declares.' })
export class Disability {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => [DisabilityKinds.values]) kinds!: string[];
  @Field(() => [String], { description: 'The label of each kind, in the same order.' }) kindLabels!: string[];
  @Field(() => DisabilityRates.values, { nullable: true, description: 'The rate the MDPH recognised, if any.' })
  rate!: string | null;
  @Field(() => String, { nullable: true }) rateLabel!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Uses technical aids (wheelchair, hearing aid…).' })
  technicalHelp!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Is helped by someone in daily life.' })
  humanHelp!: boolean | null;
  @Field(() => DateTime) recordedAt!: Date;
}

@ObjectType({
  description:
    'Whether the patient declared they are not concerned by a section ("no known allergy"), as against never having filled it in. Adding an entry to the section ends the declaration.',
})
export class ProfileSectionState {
  @Field(() => ProfileSections.values) section!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean) notConcerned!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When the patient declared it.' }) declaredAt!: Date | null;
}
