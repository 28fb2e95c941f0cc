import { allowedNameMatches, fishingRefusal, traitWeights, type SpokenQuestion } from './trait-search';

const q = (over: Partial<SpokenQuestion>): SpokenQuestion => ({
  precision: 'DATE',
  nameLetters: 0,
  firstNameLetters: 0,
  others: 0,
  ageSpanYears: null,
  ...over,
});

describe('no fishing: the wider the date, the more traits', () => {
  it.each([
    ['a date and a name', q({ nameLetters: 6 }), null],
    ['a date and a first name', q({ firstNameLetters: 2 }), null],
    ['a date and one letter', q({ nameLetters: 1 }), 'traits'],
    ['a date alone', q({}), 'traits'],
    ['a year and a name only', q({ precision: 'BIRTH_YEAR', nameLetters: 6 }), 'traits'],
    ['a year, a name and a first name', q({ precision: 'BIRTH_YEAR', nameLetters: 6, firstNameLetters: 4 }), null],
    ['a year, a name and an initial', q({ precision: 'BIRTH_YEAR', nameLetters: 6, firstNameLetters: 1 }), 'traits'],
    [
      'an age range and both names, nothing else',
      q({ precision: 'AGE_RANGE', nameLetters: 6, firstNameLetters: 4, ageSpanYears: 10 }),
      'traits',
    ],
    [
      'an age range, both names and the sex',
      q({ precision: 'AGE_RANGE', nameLetters: 6, firstNameLetters: 4, others: 1, ageSpanYears: 10 }),
      null,
    ],
    [
      'an age range with two-letter names',
      q({ precision: 'AGE_RANGE', nameLetters: 2, firstNameLetters: 2, others: 2, ageSpanYears: 10 }),
      'traits',
    ],
    [
      'an age range of 20 years',
      q({ precision: 'AGE_RANGE', nameLetters: 6, firstNameLetters: 4, others: 2, ageSpanYears: 20 }),
      'traits.ageTo',
    ],
  ])('%s', (_case, question, field) => expect(fishingRefusal(question)?.field ?? null).toBe(field));

  it.each([
    ['DATE', 'PREFIX', true],
    ['BIRTH_YEAR', 'PREFIX', false],
    ['BIRTH_YEAR', 'APPROXIMATE', true],
    ['AGE_RANGE', 'APPROXIMATE', false],
    ['AGE_RANGE', 'PHONETIC', true],
  ] as const)('at %s precision the name may agree by %s: %s', (precision, kind, allowed) =>
    expect(allowedNameMatches(precision).includes(kind)).toBe(allowed),
  );
});

describe('Fellegi–Sunter weights', () => {
  const w = traitWeights(10);
  it('ranks each way of agreeing below the exact one', () => {
    expect(w['NAME:EXACT']).toBeGreaterThan(w['NAME:PHONETIC']);
    expect(w['NAME:PHONETIC']).toBeGreaterThan(w['NAME:APPROXIMATE']);
    expect(w['BIRTH_DATE:EXACT']).toBeGreaterThan(w['BIRTH_DATE:SWAPPED_DAY_MONTH']);
    expect(w['BIRTH_DATE:SWAPPED_DAY_MONTH']).toBeGreaterThan(w['BIRTH_DATE:ONE_DIGIT']);
    expect(w['BIRTHPLACE:EXACT']).toBeGreaterThan(w['BIRTHPLACE:SAME_DEPARTEMENT']);
  });
  it('makes a disagreement count against', () => expect(w['BIRTHPLACE:DISAGREES']).toBeLessThan(0));
  it('weighs a wider age range less', () =>
    expect(traitWeights(15)['BIRTH_DATE:AGE_RANGE']).toBeLessThan(traitWeights(2)['BIRTH_DATE:AGE_RANGE']));
  it('is log2(m/u)', () => expect(w['SEX:EXACT']).toBeCloseTo(Math.log2(0.99 / 0.5), 2));
});
