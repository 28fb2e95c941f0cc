import { systemClock } from '../../domain/clock';

/**
 * The instants every rule of time is tested at (issue 13): the edges of a month and of a quarter as Paris
 * lives them, the turn of the year in UTC (already the next year in Paris), a leap day, the two days Paris
 * changes its clocks, and today. A rule that holds on all of them holds on a day nobody thought of.
 */
export const CALENDAR_SWEEP: readonly (readonly [label: string, at: Date])[] = [
  [
    'the first day of a month, at midnight in Paris (still the day before in UTC)',
    new Date('2027-05-01T00:00:00+02:00'),
  ],
  ['the last day of a month, a minute before midnight in Paris', new Date('2027-04-30T23:59:00+02:00')],
  ['the first day of a quarter, half past midnight in Paris', new Date('2027-07-01T00:30:00+02:00')],
  ['the last day of a quarter, at 23:30 in Paris', new Date('2027-09-30T23:30:00+02:00')],
  ['31 December at 23:59 UTC (1 January in Paris)', new Date('2026-12-31T23:59:00Z')],
  ['29 February 2028', new Date('2028-02-29T12:00:00Z')],
  ['the spring daylight-saving day in Paris, just after 02:00 became 03:00', new Date('2027-03-28T01:30:00Z')],
  ['the autumn daylight-saving day in Paris, in the hour that happens twice', new Date('2027-10-31T00:30:00Z')],
  ['today', systemClock.now()],
];
