import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { HealthProfileAuthor } from './measures.type';
import { EARLIEST_YEAR, LIFESTYLE_FIELD_TYPES, LIFESTYLE_SECTIONS, LIFESTYLE_SECTION_CODES } from './lifestyle.form';

const asEnum = (codes: readonly string[]) => Object.fromEntries(codes.map((c) => [c, c])) as Record<string, string>;

/** The sections of lifestyle.json; each is also a ProfileSection, so it may be declared "not concerned". */
export const LifestyleSectionEnum = asEnum(LIFESTYLE_SECTION_CODES);
registerEnumType(LifestyleSectionEnum, {
  name: 'LifestyleSection',
  description:
    'A section of lifestyle in the health profile (Query.lifestyleForm); the same code is a ProfileSection for setProfileSectionNotConcerned.',
  // Each section by its label and the items of lifestyle.json it holds.
  valuesConfig: Object.fromEntries(
    LIFESTYLE_SECTIONS.map((s) => [
      s.code,
      { description: `${s.label}: the items ${s.items.map((i) => `${i.code} (${i.label})`).join(', ')}.` },
    ]),
  ),
});
export const LifestyleFieldTypeEnum = asEnum(LIFESTYLE_FIELD_TYPES);
registerEnumType(LifestyleFieldTypeEnum, {
  name: 'LifestyleFieldType',
  description:
    'How a field of the lifestyle form is answered: SINGLE_CHOICE and MULTIPLE_CHOICE with `choices` among its options, INTEGER, DECIMAL and YEAR with `number`, TEXT with `text`.',
  valuesConfig: {
    SINGLE_CHOICE: { description: 'One of its options, given as a `choices` of one value.' },
    MULTIPLE_CHOICE: { description: 'One or more of its options in `choices`; an exclusive option comes alone.' },
    INTEGER: { description: 'A whole number in `number`, within its min and max.' },
    DECIMAL: { description: 'A number in `number`, within its min and max and with at most its decimals.' },
    YEAR: { description: `A year in \`number\`, from ${EARLIEST_YEAR} to this year (in Paris).` },
    TEXT: { description: 'Free text in `text`, at most its maxLength.' },
  },
});

// Items and fields are named by text, not by enums: the form is the server's (Query.lifestyleForm), so an
// item added to lifestyle.json reaches every client without a change of the schema.

@ObjectType({ description: 'One option of a choice.' })
export class LifestyleOption {
  @Field(() => String, { description: 'The code sent back in `choices`.' }) value!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => Boolean, { description: 'Chosen alone, never with another option ("Aucun").' }) exclusive!: boolean;
}

@ObjectType({
  description:
    'When a field is asked: only when the earlier field `field` of the same item has one of `values`, or a number from `min` to `max`.',
})
export class LifestyleCondition {
  @Field(() => String, { description: 'The field of the same item it depends on (LifestyleFieldInfo.field).' })
  field!: string;
  @Field(() => [String], { nullable: true, description: 'Its options that show the field.' }) values!: string[] | null;
  @Field(() => Float, { nullable: true, description: 'The smallest number of `field` that shows the field.' })
  min!: number | null;
  @Field(() => Float, { nullable: true, description: 'The largest number of `field` that shows the field.' })
  max!: number | null;
}

@ObjectType({ description: 'One field of an item of the lifestyle form, with its constraints.' })
export class LifestyleFieldInfo {
  @Field(() => String, { description: 'The item it belongs to.' }) item!: string;
  @Field(() => String, { description: 'Its code within the item, sent back in LifestyleValueInput.field.' })
  field!: string;
  @Field(() => String, { description: 'The question, in French.' }) label!: string;
  @Field(() => LifestyleFieldTypeEnum, { description: 'How it is answered, and so which value it takes.' })
  type!: string;
  @Field(() => String, { nullable: true, description: 'The unit of a number, as a person reads it.' }) unit!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Help to answer, in French.' }) hint!: string | null;
  @Field(() => Boolean, { description: 'Must be given whenever it is asked.' }) required!: boolean;
  @Field(() => Float, { nullable: true, description: 'The smallest number accepted (a YEAR: 1900).' }) min!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'The largest number accepted (a YEAR: this year).' }) max!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Digits accepted after the decimal point, for a number.' })
  decimals!: number | null;
  @Field(() => Int, { nullable: true, description: 'The longest text accepted, for a TEXT.' }) maxLength!:
    number | null;
  @Field(() => [LifestyleOption], { description: 'The options of a choice; none otherwise.' })
  options!: LifestyleOption[];
  @Field(() => LifestyleCondition, { nullable: true, description: 'Asked only then; always, when null.' })
  displayOn!: LifestyleCondition | null;
}

@ObjectType({ description: 'An item of the lifestyle form: the fields answered together, and kept as one answer.' })
export class LifestyleItemInfo {
  @Field(() => String, { description: 'Its code, sent back in LifestyleAnswerInput.item.' }) item!: string;
  @Field(() => LifestyleSectionEnum, { description: 'The section it belongs to.' }) section!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => [String], { description: 'Its fields (LifestyleForm.fields), in the order a form shows them.' })
  fields!: string[];
}

@ObjectType({ description: 'A section of the lifestyle form, with the repère it follows.' })
export class LifestyleSectionInfo {
  @Field(() => LifestyleSectionEnum, { description: 'The section of lifestyle.' }) section!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => String, { description: 'The public prevention repère, in French.' }) guideline!: string;
  @Field(() => String, { description: 'Where the repère comes from, and what is this graph’s own.' }) source!: string;
  @Field(() => [String], { description: 'Its items (LifestyleForm.items), in the order of the form.' })
  items!: string[];
}

@ObjectType({
  description:
    'The lifestyle form (no patient data), as three flat lists joined by their codes: sections name their items, items their fields. Flat, so that the whole form is one query within the query cost limit.',
})
export class LifestyleForm {
  @Field(() => [LifestyleSectionInfo], { description: 'The sections asked, in the order of the form.' })
  sections!: LifestyleSectionInfo[];
  @Field(() => [LifestyleItemInfo], { description: 'The items of those sections, in the order of the form.' })
  items!: LifestyleItemInfo[];
  @Field(() => [LifestyleFieldInfo], { description: 'The fields of those items, in the order of the form.' })
  fields!: LifestyleFieldInfo[];
}

@ObjectType({ description: 'The value given to one field, with its labels.' })
export class LifestyleFieldAnswer {
  @Field(() => String, { description: 'The field answered (LifestyleFieldInfo.field).' }) field!: string;
  @Field(() => String, { description: 'The question, in French.' }) label!: string;
  @Field(() => [String], { nullable: true, description: 'The options chosen, for a choice.' }) choices!:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'The label of each option chosen, in the same order.' })
  choiceLabels!: string[] | null;
  @Field(() => Float, { nullable: true, description: 'For an INTEGER, DECIMAL or YEAR.' }) number!: number | null;
  @Field(() => String, { nullable: true, description: 'For a TEXT.' }) text!: string | null;
  @Field(() => String, { description: 'As a person reads it, in French: "7,5 heure(s) par nuit", "Végétarien".' })
  formatted!: string;
}

@ObjectType({ description: 'One answer to an item of lifestyle: what the patient said, and when.' })
export class LifestyleAnswer {
  @Field(() => ID, { description: 'The answer, for recordLifestyleAnswer(id:) and removeLifestyleAnswer.' })
  id!: string;
  @Field(() => LifestyleSectionEnum, { description: 'The section of the item.' }) section!: string;
  @Field(() => String, { description: 'The item answered (LifestyleItemInfo.item).' }) item!: string;
  @Field(() => String, { description: 'In French.' }) itemLabel!: string;
  @Field(() => [LifestyleFieldAnswer], { description: "In the order of the item's fields." })
  values!: LifestyleFieldAnswer[];
  @Field(() => DateTime, { description: 'When the answer was given (a correction in place keeps it).' })
  answeredAt!: Date;
  @Field(() => HealthProfileAuthor, { description: 'Who recorded it, and when (last change).' })
  recordedBy!: HealthProfileAuthor;
}
export const { Connection: LifestyleAnswerConnection } = connectionTypes('LifestyleAnswer', LifestyleAnswer);

@ObjectType({
  description:
    'Where the patient stands in a section of lifestyle: when its answers last changed, and whether they declared it does not concern them. The answers: currentLifestyleAnswers, lifestyleAnswers.',
})
export class LifestyleSectionAnswers {
  @Field(() => LifestyleSectionEnum, { description: 'The section of lifestyle.' }) section!: string;
  @Field(() => String, { description: 'In French.' }) label!: string;
  @Field(() => DateTime, {
    nullable: true,
    description: 'When an answer of the section was last recorded or corrected; null if none is kept.',
  })
  lastChangedAt!: Date | null;
  @Field(() => Boolean, {
    description: 'The patient declared the section does not concern them (setProfileSectionNotConcerned).',
  })
  notConcerned!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When they declared it.' }) declaredAt!: Date | null;
}

@InputType({ description: 'The value of one field: `choices`, `number` or `text`, as the field’s type says.' })
export class LifestyleValueInput {
  @Field(() => String, { description: 'A field of the item (LifestyleFieldInfo.field).' }) field!: string;
  @Field(() => [String], { nullable: true, description: 'For a choice: option values; one for SINGLE_CHOICE.' })
  choices?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'For an INTEGER, DECIMAL or YEAR, within its bounds.' })
  number?: number | null;
  @Field(() => String, { nullable: true, description: 'For a TEXT, at most its maxLength.' }) text?: string | null;
}

@InputType({
  description:
    "An answer to one item, checked against the form (Query.lifestyleForm): each field's type, options, bounds, displayOn and required.",
})
export class LifestyleAnswerInput {
  @Field(() => String, { description: 'The item answered (LifestyleItemInfo.item).' }) item!: string;
  @Field(() => [LifestyleValueInput], { description: 'One per field given; fields not asked are left out.' })
  values!: LifestyleValueInput[];
}
