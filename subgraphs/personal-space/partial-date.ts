import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { isLocalDate, parisDate } from '../../domain/calendar';
import { badInput } from '../../runtime/errors';

/**
 * A date the patient remembers only in part: a year, a month of a year, or a day. It is written as ISO 8601
 * writes a date of reduced precision (`2019`, `2019-04`, `2019-04-12`) and kept as that text, which sorts
 * in time order and never invents a day or a month the patient did not give.
 */
export const PartialDatePrecisionEnum = { YEAR: 'YEAR', MONTH: 'MONTH', DAY: 'DAY' } as const;
export type PartialDatePrecision = keyof typeof PartialDatePrecisionEnum;
registerEnumType(PartialDatePrecisionEnum, {
  name: 'PartialDatePrecision',
  description: 'How much of a date the patient gave.',
  valuesConfig: {
    YEAR: { description: 'A year alone (`2019`): `month` and `day` are null.' },
    MONTH: { description: 'A month of a year (`2019-04`): `day` is null.' },
    DAY: { description: 'A whole day (`2019-04-12`).' },
  },
});

/** What a partial-date argument accepts, said once for every description. */
export const PARTIAL_DATE_INPUT = 'A year (2019), a month (2019-04) or a day (2019-04-12), ISO 8601.';

@ObjectType({ description: 'A date given as a year, a month of a year, or a day (ISO 8601 reduced precision).' })
export class PartialDate {
  @Field(() => String, { description: '`2019`, `2019-04` or `2019-04-12`.' }) value!: string;
  @Field(() => PartialDatePrecisionEnum, { description: 'How much of the date was given.' })
  precision!: PartialDatePrecision;
  @Field(() => Int, { description: 'The year, always given.' }) year!: number;
  @Field(() => Int, { nullable: true, description: '1 to 12, when given.' }) month!: number | null;
  @Field(() => Int, { nullable: true, description: 'The day of the month, when given.' }) day!: number | null;
}

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EARLIEST_YEAR = 1900;

/** The stored text as the GraphQL type (null stays null). */
export function toPartialDate(value: string | null): PartialDate | null {
  const m = value == null ? null : SHAPE.exec(value);
  if (!m) return null;
  const [, year, month, day] = m;
  return {
    value: value!,
    precision: day ? 'DAY' : month ? 'MONTH' : 'YEAR',
    year: Number(year),
    month: month ? Number(month) : null,
    day: day ? Number(day) : null,
  };
}

/**
 * A partial-date argument, checked on the calendar (no month 13, no 30 February), from 1900, and, unless
 * `future` is allowed, not after the request's day in Paris at the precision given (this year, this month).
 * BAD_USER_INPUT naming `field` otherwise; null or empty gives null.
 */
export function partialDateArgument(
  field: string,
  raw: string | null | undefined,
  now: Date,
  { future = false }: { future?: boolean } = {},
): string | null {
  if (raw == null || raw === '') return null;
  const m = SHAPE.exec(raw);
  if (!m) throw badInput(field, 'must be a year (2019), a month (2019-04) or a day (2019-04-12)');
  const [, year, month, day] = m;
  if (Number(year) < EARLIEST_YEAR) throw badInput(field, `must be from ${EARLIEST_YEAR}`);
  if (month && (Number(month) < 1 || Number(month) > 12)) throw badInput(field, 'has no such month');
  if (day && !isLocalDate(raw)) throw badInput(field, 'has no such day in that month');
  if (!future && raw > parisDate(now).slice(0, raw.length)) throw badInput(field, 'must not be in the future');
  return raw;
}

/** Whether `end` can follow `start`: compared at the precision both give (2019 may end in 2019-04). */
export function endsAfter(start: string | null, end: string | null): boolean {
  if (!start || !end) return true;
  const common = Math.min(start.length, end.length);
  return end.slice(0, common) >= start.slice(0, common);
}
