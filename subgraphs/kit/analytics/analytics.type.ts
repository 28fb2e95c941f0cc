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
});

export const AnalyticsMeasureEnum = { PATIENTS: 'PATIENTS', EVENTS: 'EVENTS' } as const;
export type AnalyticsMeasure = keyof typeof AnalyticsMeasureEnum;
registerEnumType(AnalyticsMeasureEnum, {
  name: 'AnalyticsMeasure',
  description: 'Count distinct consenting patients, or events (dispensations, lines, documents, stays).',
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
  @Field(() => [String]) values!: string[];
  @Field(() => Int, { nullable: true, description: 'null when suppressed.' }) count!: number | null;
  @Field(() => SuppressionEnum, { nullable: true }) suppression!: keyof typeof SuppressionEnum | null;
}

@ObjectType({
  description:
    'An aggregate over consenting patients only. No released cell counts 1 to 10, and no hidden cell can be recomputed from the others or from a margin.',
})
@Directive('@shareable')
export class AggregateTable {
  @Field(() => AnalyticsMeasureEnum) measure!: AnalyticsMeasure;
  @Field(() => [AnalyticsDimensionEnum]) dimensions!: AnalyticsDimension[];
  @Field(() => [AggregateCell], { description: 'Cells with events; a combination absent from the list counts 0.' })
  cells!: AggregateCell[];
  @Field(() => Int) suppressedCells!: number;
}

/** A source's view of the Analytics entity: its key and the registry's grant (a class per subgraph, as for Patient). */
export function createAnalyticsRef() {
  @ObjectType('Analytics')
  @Directive('@key(fields: "id")')
  class SourceAnalytics {
    @Field(() => ID) id!: string;
    @Field(() => String, { nullable: true })
    @Directive('@external')
    grant?: string | null;
  }
  return SourceAnalytics;
}

export const REQUIRES_ANALYTICS_GRANT = '@requires(fields: "grant")';
