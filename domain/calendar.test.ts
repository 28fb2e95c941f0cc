import { after, before, isLocalDate, parisDate, parisMonth, parisYear, shiftDate } from './calendar';
import { CALENDAR_SWEEP } from '../test/support/calendar-sweep';

const at = (iso: string) => new Date(iso);

describe('calendar periods in calendar terms, on the Paris calendar', () => {
  it.each<[string, string, Parameters<typeof before>[1], string]>([
    // Months keep the wall-clock time and clamp to the month's end.
    [
      'one month before 31 March is the last day of February',
      '2027-03-31T10:00:00+02:00',
      { months: 1 },
      '2027-02-28T10:00:00+01:00',
    ],
    [
      'one month before 31 March of a leap year is 29 February',
      '2028-03-31T10:00:00+02:00',
      { months: 1 },
      '2028-02-29T10:00:00+01:00',
    ],
    [
      '24 months before 29 February 2028 is 28 February 2026',
      '2028-02-29T12:00:00Z',
      { months: 24 },
      '2026-02-28T12:00:00Z',
    ],
    [
      'four months before 30 June is 28 February, across the change to summer time',
      '2027-06-30T12:00:00+02:00',
      { months: 4 },
      '2027-02-28T12:00:00+01:00',
    ],
    [
      '21 years before 1 January at 00:59 in Paris is 1 January 21 years earlier, not 31 December',
      '2026-12-31T23:59:00Z',
      { years: 21 },
      '2005-12-31T23:59:00Z',
    ],
    [
      'a month before midnight on 1 May in Paris is midnight on 1 April',
      '2027-05-01T00:00:00+02:00',
      { months: 1 },
      '2027-04-01T00:00:00+02:00',
    ],
    [
      'a day before the spring change is the same wall time, 23 hours earlier',
      '2027-03-28T12:00:00+02:00',
      { days: 1 },
      '2027-03-27T12:00:00+01:00',
    ],
    [
      'a day before the day after the autumn change is the same wall time, 25 hours earlier',
      '2027-11-01T12:00:00+01:00',
      { days: 1 },
      '2027-10-31T12:00:00+01:00',
    ],
    [
      'a month before 02:30 on the spring change day falls in a gap, and lands after it',
      '2027-04-28T02:30:00+02:00',
      { months: 1 },
      '2027-03-28T03:30:00+02:00',
    ],
  ])('%s', (_label, from, period, expected) => {
    expect(before(at(from), period).toISOString()).toBe(at(expected).toISOString());
  });

  it('counts minutes as elapsed time, across a change of the clocks', () => {
    expect(after(at('2027-03-28T00:30:00Z'), { minutes: 60 }).toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it.each<[string, string, number, string]>([
    ['31 December at 23:59 UTC', '2026-12-31T23:59:00Z', 2027, '2027-01'],
    ['midnight on 1 May in Paris', '2027-04-30T22:00:00Z', 2027, '2027-05'],
    ['a minute before midnight on 30 April in Paris', '2027-04-30T21:59:00Z', 2027, '2027-04'],
  ])('reads the day, month and year of %s in Paris', (_label, iso, year, month) => {
    expect(parisYear(at(iso))).toBe(year);
    expect(parisMonth(at(iso))).toBe(month);
    expect(parisDate(at(iso)).slice(0, 7)).toBe(month);
  });

  it.each<[string, Parameters<typeof shiftDate>[1], 1 | -1, string]>([
    ['2028-02-29', { years: 18 }, -1, '2010-02-28'],
    ['2026-03-01', { years: 18 }, -1, '2008-03-01'],
    ['2018-02-28', { years: 10 }, 1, '2028-02-28'],
    ['2028-01-31', { months: 1 }, 1, '2028-02-29'],
  ])('moves the date %s by a calendar period', (date, period, direction, expected) => {
    expect(shiftDate(date, period, direction)).toBe(expected);
  });

  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['27-01-01', false],
    [20270101, false],
  ])('knows %s is a civil date or not', (value, valid) => {
    expect(isLocalDate(value)).toBe(valid);
  });

  it.each(CALENDAR_SWEEP)(
    'at %s, a period back and forth returns to the same instant when no month end clamps it',
    (_label, now) => {
      expect(after(before(now, { days: 10 }), { days: 10 }).getTime()).toBe(now.getTime());
      expect(after(before(now, { minutes: 90 }), { minutes: 90 }).getTime()).toBe(now.getTime());
    },
  );
});
