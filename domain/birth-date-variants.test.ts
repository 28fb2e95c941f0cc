import { birthDatesForAges, birthDateVariants } from './birth-date-variants';

describe('birth dates a caller may have meant', () => {
  it.each([
    ['1975-03-14', []],
    ['1975-03-04', ['1975-04-03']],
    ['1975-03-03', []],
    ['1980-12-11', ['1980-11-12']],
  ])('%s: day and month swapped %j', (date, swapped) => expect(birthDateVariants(date).swapped).toEqual(swapped));

  it.each([
    ['1975-03-14', '1974-03-14', true],
    ['1975-03-14', '1975-03-15', true],
    ['1975-03-14', '1975-08-14', true],
    ['1975-03-14', '1957-03-14', false],
    ['1975-03-14', '1975-03-14', false],
    ['1975-03-14', '1976-03-15', false],
    ['1975-03-04', '1975-04-03', false],
    // The year off by one is two digits when it crosses a decade: a caller counting an age.
    ['1980-03-14', '1979-03-14', true],
    ['1999-03-14', '2000-03-14', true],
    ['1980-03-14', '1978-03-14', false],
    // Year 0000 is no date: offered, it failed the whole search in SQL.
    ['2000-08-08', '0000-08-08', false],
  ])('%s one digit off gives %s: %s', (date, other, expected) =>
    expect(birthDateVariants(date).oneDigit.includes(other)).toBe(expected),
  );

  it('never offers a date that does not exist', () => {
    const offered = birthDateVariants('1975-02-28').oneDigit;
    expect(offered).toContain('1975-02-20');
    expect(offered).not.toContain('1975-02-29');
    expect(offered).not.toContain('1975-02-38');
  });

  it.each([
    ['2026-12-01T12:00:00Z', 75, 85, '1940-12-02', '1951-12-01'],
    ['2026-12-01T12:00:00Z', 80, 80, '1945-12-02', '1946-12-01'],
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    ['2026-12-31T23:30:00Z', 0, 0, '2026-01-02', '2027-01-01'],
  ])('at %s, aged %i to %i: born %s to %s', (now, from, to, earliest, latest) =>
    expect(birthDatesForAges(new Date(now), from, to)).toEqual([earliest, latest]),
  );
});
