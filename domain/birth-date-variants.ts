/**
 * The birth dates a caller may have meant when they said one (issue 20): the date itself, day and month the
 * wrong way round (14/03 heard or typed as 03/14), and any one digit of YYYYMMDD wrong (1957 for 1975 is two
 * digits and not here; 1974 for 1975 is), or the year off by one (1979 for 1980: two digits, one year, the error a
 * caller counting an age makes). Each kind ranks lower than the exact date (policy/trait-search-weights.json).
 */
import { isLocalDate, parisDate, shiftDate, type LocalDate } from './calendar';

export interface BirthDateVariants {
  exact: LocalDate;
  /** Day and month exchanged, when both could be a month and differ. */
  swapped: LocalDate[];
  /**
   * One digit of YYYYMMDD replaced, or the year one more or less, still a real date in years 1000 to 9999 (a year
   * 0000 is no date PostgreSQL takes), neither the exact nor the swapped one.
   */
  oneDigit: LocalDate[];
}

export function birthDateVariants(date: LocalDate): BirthDateVariants {
  const [year, month, day] = date.split('-');
  const swappedDate = `${year}-${day}-${month}`;
  const swapped = day !== month && isLocalDate(swappedDate) ? [swappedDate] : [];
  const digits = `${year}${month}${day}`;
  const oneDigit = new Set<LocalDate>();
  const offer = (candidate: string) => {
    if (isLocalDate(candidate) && !candidate.startsWith('0') && candidate !== date && !swapped.includes(candidate))
      oneDigit.add(candidate);
  };
  for (let i = 0; i < digits.length; i++)
    for (const d of '0123456789') {
      if (d === digits[i]) continue;
      const s = digits.slice(0, i) + d + digits.slice(i + 1);
      offer(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`);
    }
  for (const off of [-1, 1]) offer(`${String(Number(year) + off).padStart(4, '0')}-${month}-${day}`);
  return { exact: date, swapped, oneDigit: [...oneDigit] };
}

/** The birth dates of someone aged `from` to `to` years (both included) on the Paris date of `now`: [earliest, latest]. */
export function birthDatesForAges(now: Date, from: number, to: number): [LocalDate, LocalDate] {
  const today = parisDate(now);
  // Aged `to` at most: born after the day `to + 1` years ago; aged `from` at least: born `from` years ago or before.
  const earliest = shiftDate(shiftDate(today, { years: to + 1 }, -1), { days: 1 }, 1);
  return [earliest, shiftDate(today, { years: from }, -1)];
}

/** The first and last day of a birth year. */
export function birthDatesOfYear(year: number): [LocalDate, LocalDate] {
  const y = String(year).padStart(4, '0');
  return [`${y}-01-01`, `${y}-12-31`];
}
