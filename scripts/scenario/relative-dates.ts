import { before, parisDate, type CalendarPeriod } from '../../domain/calendar';

/**
 * Scenario files may state dates relative to the moment they are loaded (`now-15d`, `now-3h`, `now-2mo`,
 * `today-400d`, `today-18y`), so that fixtures stay inside or outside retention windows however old the file
 * is. They resolve against the one clock's instant, in calendar terms on the Paris calendar: `now-1mo` on
 * 31 March is the last day of February, `today-18y` is the date eighteen birthdays ago.
 */
export const RELATIVE_INSTANT = /^now(-(\d{1,6})(mo|[ydhm]))?$/;
export const RELATIVE_DATE = /^today(-(\d{1,6})(mo|[yd]))?$/;

const UNIT: Record<string, keyof CalendarPeriod> = { y: 'years', mo: 'months', d: 'days', h: 'hours', m: 'minutes' };

const back = (now: Date, amount: string | undefined, unit: string | undefined) =>
  amount ? before(now, { [UNIT[unit!]]: Number(amount) }) : now;

export function resolveInstant(value: string, now: Date): string {
  const match = RELATIVE_INSTANT.exec(value);
  return match ? back(now, match[2], match[3]).toISOString() : value;
}

export function resolveDate(value: string, now: Date): string {
  const match = RELATIVE_DATE.exec(value);
  return match ? parisDate(back(now, match[2], match[3])) : value;
}

/** A copy of the scenario with every relative date made absolute, at `now`. */
export function resolveRelativeDates<T>(scenario: T, now: Date): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return resolveDate(resolveInstant(value, now), now);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(scenario) as T;
}
