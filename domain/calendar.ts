import { DateTime } from 'luxon';

/**
 * Calendar arithmetic as the law counts: in calendar terms (one month before 31 March is the last day of
 * February, eighteen years are eighteen birthdays), on the civil calendar of Europe/Paris where the law speaks
 * of a day. Every period of the DMP is computed here, then handed to SQL as an instant or a date, so that
 * PostgreSQL and PGlite judge the same boundary whatever their session time zone.
 */
export const PARIS = 'Europe/Paris';

/** A span the law states in calendar units ("24 mois", "21 ans", "un mois") or in minutes (a bris de glace grant). */
export interface CalendarPeriod {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
}

/** A civil date, `YYYY-MM-DD`. */
export type LocalDate = string;

const inParis = (at: Date) => DateTime.fromJSDate(at, { zone: PARIS });
/** Only the calendar units of a period (a period read from a data file carries its source beside them). */
const units = ({ years, months, days, hours, minutes }: CalendarPeriod) =>
  Object.fromEntries(Object.entries({ years, months, days, hours, minutes }).filter(([, n]) => n !== undefined));

/**
 * The instant `period` before `at`, counted on the Paris calendar: the same wall-clock time that many months
 * or years earlier, on the last day of the month where that day does not exist, and just after a
 * daylight-saving gap where that time does not exist.
 */
export function before(at: Date, period: CalendarPeriod): Date {
  return inParis(at).minus(units(period)).toJSDate();
}

/** The instant `period` after `at`, counted the same way. */
export function after(at: Date, period: CalendarPeriod): Date {
  return inParis(at).plus(units(period)).toJSDate();
}

/** The civil date in Paris at this instant. */
export function parisDate(at: Date): LocalDate {
  return inParis(at).toISODate()!;
}

/** The year in Paris at this instant. */
export function parisYear(at: Date): number {
  return inParis(at).year;
}

/** The month in Paris at this instant, `YYYY-MM`. */
export function parisMonth(at: Date): string {
  return inParis(at).toFormat('yyyy-MM');
}

/** A civil date moved by a calendar period (the 18th birthday, the end of an archive), clamped to the month's end. */
export function shiftDate(date: LocalDate, period: CalendarPeriod, direction: 1 | -1): LocalDate {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return (direction === 1 ? day.plus(units(period)) : day.minus(units(period))).toISODate()!;
}

/** Whether `date` is a real civil date written `YYYY-MM-DD`. */
export function isLocalDate(date: unknown): date is LocalDate {
  return (
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: 'UTC' }).isValid
  );
}
