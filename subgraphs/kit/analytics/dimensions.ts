import { badInput } from '../../../runtime/errors';
import { hasFormat } from '../../../domain/formats';
import { parisMonth } from '../../../domain/calendar';
import { DEPARTEMENTS, REGIONS } from '../../../domain/geo';
import { DOCUMENT_CLASSES, DOCUMENT_TYPES, type ClassCode, type TypeCode } from '../../../domain/codes';
import type { Region } from '../../../policy/analytics/disclosure';
import type { AnalyticsDimension, AnalyticsFilter } from './analytics.type';

/** The axis each dimension lies on: one dimension per axis in a query, and the axis a released region names. */
export const AXIS: Record<AnalyticsDimension, string> = {
  ATC1: 'atc',
  ATC2: 'atc',
  ATC3: 'atc',
  ATC4: 'atc',
  ATC5: 'atc',
  CCAM_CHAPTER: 'ccam',
  DOCUMENT_CLASS: 'class',
  DOCUMENT_TYPE: 'type',
  AGE_BAND: 'age',
  SEX: 'sex',
  DEPARTEMENT: 'geo',
  REGION: 'geo',
  MONTH: 'month',
  QUARTER: 'month',
  YEAR: 'month',
};
const ATC_LENGTH = { ATC1: 1, ATC2: 3, ATC3: 4, ATC4: 5, ATC5: 7 } as const;

/** Where a source's event table keeps what the dimensions read (`e` the event, `s` the subject). */
export interface EventColumns {
  /** The month of the event as an integer YYYYMM (a stored column); absent for a count of patients (ages are then today's, and time is no dimension). */
  month?: string;
  atc?: string;
  ccam?: string;
  classCode?: string;
  typeCode?: string;
}

/** The SQL expression of a dimension; null when the source has no such column. `thisYear`: the Paris year of the request. */
export function dimensionSql(dimension: AnalyticsDimension, columns: EventColumns, thisYear: number): string | null {
  const age = `((${yearOf(columns, thisYear)} - s.birth_year) / 10 * 10)`;
  switch (dimension) {
    case 'ATC1':
    case 'ATC2':
    case 'ATC3':
    case 'ATC4':
    case 'ATC5':
      return columns.atc ? `left(${columns.atc}, ${ATC_LENGTH[dimension]})` : null;
    case 'CCAM_CHAPTER':
      return columns.ccam ? `left(${columns.ccam}, 1)` : null;
    case 'DOCUMENT_CLASS':
      return columns.classCode ?? null;
    case 'DOCUMENT_TYPE':
      return columns.typeCode ?? null;
    case 'AGE_BAND':
      return age;
    case 'SEX':
      return 's.sex';
    case 'DEPARTEMENT':
      return 's.departement';
    case 'REGION':
      return 's.region';
    // Periods group as integers (cheap per row) and are written out per cell by formatDimension.
    case 'MONTH':
      return columns.month ?? null;
    case 'QUARTER':
      return columns.month ? `(${columns.month} / 100 * 10 + (${columns.month} % 100 - 1) / 3 + 1)` : null;
    case 'YEAR':
      return columns.month ? `(${columns.month} / 100)` : null;
  }
}

/** The year of the event, or this year (the request's, from the one clock; an integer, never a client's text) when counting patients. */
const yearOf = (columns: EventColumns, thisYear: number) =>
  columns.month ? `(${columns.month} / 100)` : `${Math.trunc(thisYear)}`;

/** Whether a dimension's expression can be null for a row (a line that is not CCAM has no CCAM chapter). */
export const NULLABLE_DIMENSIONS: ReadonlySet<AnalyticsDimension> = new Set(['CCAM_CHAPTER']);

/** A grouped value as the table shows it: YYYY-MM, YYYY-Qn, YYYY, or the code itself. */
export function formatDimension(dimension: AnalyticsDimension, raw: unknown): string {
  const n = Number(raw);
  switch (dimension) {
    case 'MONTH':
      return `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
    case 'QUARTER':
      return `${Math.floor(n / 10)}-Q${n % 10}`;
    default:
      return String(raw ?? '');
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const AGE_BANDS = Array.from({ length: 12 }, (_, i) => i * 10);

/** Months from `from` to `to`, both included (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [lastYear, lastMonth] = to.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** An open start reaches back to the oldest data the sources keep. */
const EARLIEST_MONTH = '2000-01';

/** Checks a filter: each problem a BAD_USER_INPUT naming the field. */
export function checkFilter(filter: AnalyticsFilter): AnalyticsFilter {
  for (const code of filter.atc ?? [])
    if (!hasFormat('atcPrefix', code)) throw badInput('filter.atc', `${code} is not an ATC code or prefix`);
  for (const c of filter.ccamChapters ?? [])
    if (!/^[A-Z]$/.test(c)) throw badInput('filter.ccamChapters', 'a CCAM chapter is one capital letter');
  for (const c of filter.classCodes ?? [])
    if (!DOCUMENT_CLASSES.has(c as ClassCode)) throw badInput('filter.classCodes', `${c} is not a TRE_A03 class`);
  for (const t of filter.typeCodes ?? [])
    if (!DOCUMENT_TYPES.has(t as TypeCode)) throw badInput('filter.typeCodes', `${t} is not a JDV_J07 type`);
  for (const b of filter.ageBands ?? [])
    if (!AGE_BANDS.includes(b)) throw badInput('filter.ageBands', 'lower bounds of 10-year bands: 0, 10, … 110');
  for (const s of filter.sexes ?? []) if (s !== 'F' && s !== 'M') throw badInput('filter.sexes', 'F or M');
  for (const d of filter.departements ?? [])
    if (!DEPARTEMENTS.has(d as never)) throw badInput('filter.departements', `${d} is not an INSEE département`);
  for (const r of filter.regions ?? [])
    if (!REGIONS.has(r as never)) throw badInput('filter.regions', `${r} is not an INSEE region`);
  for (const key of ['from', 'to'] as const)
    if (filter[key] != null && !MONTH.test(filter[key]!)) throw badInput(`filter.${key}`, 'a month, YYYY-MM');
  if (filter.from && filter.to && filter.from > filter.to)
    throw badInput('filter.to', 'must not be before filter.from');
  return filter;
}

/** The WHERE conditions a filter adds (parameters appended to `params`). */
export function filterSql(
  filter: AnalyticsFilter,
  columns: EventColumns,
  params: unknown[],
  unsupported: (field: string) => never,
  thisYear: number,
): string[] {
  const add = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  const column = (name: keyof EventColumns, field: string) => columns[name] ?? unsupported(field);
  if (filter.atc?.length)
    parts.push(`${column('atc', 'filter.atc')} LIKE ANY(${add(filter.atc.map((p) => `${p}%`))}::text[])`);
  if (filter.ccamChapters?.length)
    parts.push(`left(${column('ccam', 'filter.ccamChapters')}, 1) = ANY(${add(filter.ccamChapters)}::text[])`);
  if (filter.classCodes?.length)
    parts.push(`${column('classCode', 'filter.classCodes')} = ANY(${add(filter.classCodes)}::text[])`);
  if (filter.typeCodes?.length)
    parts.push(`${column('typeCode', 'filter.typeCodes')} = ANY(${add(filter.typeCodes)}::text[])`);
  if (filter.ageBands?.length)
    parts.push(`((${yearOf(columns, thisYear)} - s.birth_year) / 10 * 10) = ANY(${add(filter.ageBands)}::int[])`);
  parts.push(...subjectFilterSql(filter, params));
  const monthNumber = (month: string) => Number(month.replace('-', ''));
  if (filter.from) parts.push(`${columns.month ?? unsupported('filter.from')} >= ${add(monthNumber(filter.from))}`);
  if (filter.to) parts.push(`${columns.month ?? unsupported('filter.to')} <= ${add(monthNumber(filter.to))}`);
  return parts;
}

/** The conditions on the subject alone (who is counted), for the cohort-size check as well. */
export function subjectFilterSql(filter: AnalyticsFilter, params: unknown[]): string[] {
  const add = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  if (filter.sexes?.length) parts.push(`s.sex = ANY(${add(filter.sexes)}::text[])`);
  if (filter.departements?.length) parts.push(`s.departement = ANY(${add(filter.departements)}::text[])`);
  if (filter.regions?.length) parts.push(`s.region = ANY(${add(filter.regions)}::text[])`);
  return parts;
}

const departementsOf = (region: string) =>
  [...DEPARTEMENTS].filter(([, d]) => d.region === region).map(([code]) => code as string);

/** Intersects two value sets of an axis (absent: everything); ATC values are prefixes, the longer one wins. */
function intersect(axis: string, a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  if (axis !== 'atc') return a.filter((v) => b.includes(v));
  const out = new Set<string>();
  for (const x of a)
    for (const y of b) {
      if (x.startsWith(y)) out.add(x);
      else if (y.startsWith(x)) out.add(y);
    }
  return [...out];
}

/** The region a filter covers, axis by axis, at the finest level (months, départements); an open end is the current Paris month. */
export function filterRegion(filter: AnalyticsFilter, now: Date): Region {
  const region: Region = {};
  const set = (axis: string, values: string[] | undefined) => {
    const v = intersect(axis, region[axis], values);
    if (v) region[axis] = v;
  };
  if (filter.atc?.length) set('atc', filter.atc);
  if (filter.ccamChapters?.length) set('ccam', filter.ccamChapters);
  if (filter.classCodes?.length) set('class', filter.classCodes);
  if (filter.typeCodes?.length) set('type', filter.typeCodes);
  if (filter.ageBands?.length) set('age', filter.ageBands.map(String));
  if (filter.sexes?.length) set('sex', filter.sexes);
  if (filter.departements?.length) set('geo', filter.departements);
  if (filter.regions?.length) set('geo', filter.regions.flatMap(departementsOf));
  if (filter.from || filter.to)
    set('month', monthsBetween(filter.from ?? EARLIEST_MONTH, filter.to ?? parisMonth(now)));
  return region;
}

/** The region one cell covers: the filter's, narrowed by the cell's value on each grouping dimension. */
export function cellRegion(base: Region, dimensions: AnalyticsDimension[], values: string[]): Region {
  const region: Region = { ...base };
  dimensions.forEach((dimension, i) => {
    const value = values[i];
    const axis = AXIS[dimension];
    let own: string[];
    if (dimension === 'REGION') own = departementsOf(value);
    else if (dimension === 'QUARTER') {
      const [y, q] = value.split('-Q');
      own = monthsBetween(
        `${y}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}`,
        `${y}-${String(Number(q) * 3).padStart(2, '0')}`,
      );
    } else if (dimension === 'YEAR') own = monthsBetween(`${value}-01`, `${value}-12`);
    else own = [value];
    region[axis] = intersect(axis, region[axis], own) ?? own;
  });
  return region;
}
