import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ANALYTICS_DIMENSIONS = [
  'ATC1',
  'ATC2',
  'ATC3',
  'ATC4',
  'ATC5',
  'CCAM_CHAPTER',
  'DOCUMENT_CLASS',
  'DOCUMENT_TYPE',
  'AGE_BAND',
  'SEX',
  'DEPARTEMENT',
  'REGION',
  'MONTH',
  'QUARTER',
  'YEAR',
] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];
export const AnalyticsDimensionEnum = Object.fromEntries(ANALYTICS_DIMENSIONS.map((d) => [d, d])) as Record<
  AnalyticsDimension,
  AnalyticsDimension
>;
registerEnumType(AnalyticsDimensionEnum, {
  name: 'AnalyticsDimension',
  description:
    'A grouping dimension: ATC level 1–5, CCAM chapter (the first letter of the code: the anatomical system), document class (TRE_A03) and type (JDV_J07), 10-year age band at the event, sex, département and region of residence, month, quarter, year of the event.',
  valuesConfig: {
    ATC1: { description: 'ATC anatomical main group, 1 character (e.g. N).' },
    ATC2: { description: 'ATC therapeutic subgroup, 3 characters (e.g. N02).' },
    ATC3: { description: 'ATC pharmacological subgroup, 4 characters (e.g. N02B).' },
    ATC4: { description: 'ATC chemical subgroup, 5 characters (e.g. N02BE).' },
    ATC5: { description: 'ATC chemical substance, 7 characters (e.g. N02BE01).' },
    CCAM_CHAPTER: {
      description:
        'First letter of the CCAM code (the anatomical system); lines of another nomenclature are not counted.',
    },
    DOCUMENT_CLASS: { description: 'Document class, a TRE_A03 code.' },
    DOCUMENT_TYPE: { description: 'Document type, a JDV_J07 code.' },
    AGE_BAND: {
      description:
        "Lower bound of the patient's 10-year age band (0, 10, … 110), by year of birth: in the event's year, or this year when counting patients.",
    },
    SEX: { description: 'F or M.' },
    DEPARTEMENT: { description: 'INSEE code of the département of residence.' },
    REGION: { description: 'INSEE code of the region of residence.' },
    MONTH: { description: 'Month of the event, YYYY-MM.' },
    QUARTER: { description: 'Quarter of the event, YYYY-Qn.' },
    YEAR: { description: 'Year of the event, YYYY.' },
  },
});

export const AnalyticsMeasureEnum = { PATIENTS: 'PATIENTS', EVENTS: 'EVENTS' } as const;
export type AnalyticsMeasure = keyof typeof AnalyticsMeasureEnum;
registerEnumType(AnalyticsMeasureEnum, {
  name: 'AnalyticsMeasure',
  description: 'Count distinct consenting patients, or events (dispensations, lines, documents, stays).',
  valuesConfig: {
    PATIENTS: { description: 'Distinct consenting patients: one counts once per cell, however many events they have.' },
    EVENTS: { description: 'Events of the measure: dispensations, care lines, documents or stays.' },
  },
});

export const SuppressionEnum = {
  SMALL_CELL: 'SMALL_CELL',
  SECONDARY: 'SECONDARY',
  DIFFERENCING: 'DIFFERENCING',
} as const;
registerEnumType(SuppressionEnum, {
  name: 'Suppression',
  description:
    'Why a cell is hidden: it counts 1 to 10 (SMALL_CELL); it would let a hidden cell be recomputed from a margin (SECONDARY); it differs by 1 to 10 from a cell you were given before (DIFFERENCING).',
  valuesConfig: {
    SMALL_CELL: { description: 'It counts 1 to 10.' },
    SECONDARY: { description: 'Released, it would let a hidden cell be recomputed from a margin.' },
    DIFFERENCING: {
      description:
        'Its count differs by 1 to 10 from that of a cell you were given before: the difference would disclose a small group.',
    },
  },
});

@InputType('AnalyticsFilter', {
  description: 'Every criterion given must hold. Dates are months: nothing finer ever leaves.',
})
export class AnalyticsFilter {
  @Field(() => [String], { nullable: true, description: 'ATC codes or prefixes (any level).' }) atc?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'CCAM chapters: first letters of the codes.' }) ccamChapters?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'TRE_A03 classes.' }) classCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'JDV_J07 types.' }) typeCodes?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'Lower bounds of 10-year age bands: 0, 10, … 110.' }) ageBands?:
    number[] | null;
  @Field(() => [String], { nullable: true, description: 'F, M.' }) sexes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'INSEE départements of residence.' }) departements?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'INSEE regions of residence.' }) regions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM.' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month included, YYYY-MM.' }) to?: string | null;
}

@ObjectType({
  description: 'One cell: its value on each grouping dimension, in the order asked, and its count unless suppressed.',
})
@Directive('@shareable')
export class AggregateCell {
  @Field(() => [String], {
    description:
      'Its value on each dimension, in the order of AggregateTable.dimensions: a code, an age band, YYYY-MM, YYYY-Qn or YYYY.',
  })
  values!: string[];
  @Field(() => Int, { nullable: true, description: 'null when suppressed.' }) count!: number | null;
  @Field(() => SuppressionEnum, { nullable: true, description: 'Why its count is hidden; null when released.' })
  suppression!: keyof typeof SuppressionEnum | null;
}

@ObjectType({
  description:
    'An aggregate over consenting patients only. No released cell counts 1 to 10, and no hidden cell can be recomputed from the others or from a margin.',
})
@Directive('@shareable')
export class AggregateTable {
  @Field(() => AnalyticsMeasureEnum, { description: 'What the cells count, as asked.' }) measure!: AnalyticsMeasure;
  @Field(() => [AnalyticsDimensionEnum], { description: 'The grouping dimensions, in the order asked.' })
  dimensions!: AnalyticsDimension[];
  @Field(() => [AggregateCell], { description: 'Cells with events; a combination absent from the list counts 0.' })
  cells!: AggregateCell[];
  @Field(() => Int, { description: 'How many of the cells have their count hidden.' }) suppressedCells!: number;
}

/** A source's view of the Analytics entity: its key and the registry's grant (a class per subgraph, as for Patient). */
export function createAnalyticsRef() {
  @ObjectType('Analytics')
  @Directive('@key(fields: "id")')
  class SourceAnalytics {
    @Field(() => ID, { description: 'Identifies this Analytics object for the request that made it; nothing to keep.' })
    id!: string;
    @Field(() => String, { nullable: true })
    @Directive('@external')
    grant?: string | null;
  }
  return SourceAnalytics;
}

export const REQUIRES_ANALYTICS_GRANT = '@requires(fields: "grant")';
