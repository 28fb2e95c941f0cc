import { deadlineOf, remainingMs } from './deadline';

describe('the deadline a call carries', () => {
  const now = 1_000_000;
  it.each<[string, string | string[] | undefined, number | undefined]>([
    ['what is left, in ms', '750', now + 750],
    ['nothing left', '0', now],
    ['the longest allowed', '600000', now + 600_000],
    ['longer than any deadline the gateway gives: ignored', '600001', undefined],
    ['no header', undefined, undefined],
    ['a header sent twice', ['750', '750'], undefined],
    ['a negative value', '-5', undefined],
    ['a fraction', '7.5', undefined],
    ['words', 'soon', undefined],
  ])('%s', (_label, header, expected) => {
    expect(deadlineOf(header, now)).toBe(expected);
  });

  it.each<[number | undefined, number]>([
    [undefined, 5000],
    [now + 300, 300],
    [now - 10, 0],
  ])('what is left of %p', (deadlineAt, left) => {
    expect(remainingMs(deadlineAt, 5000, now)).toBe(left);
  });
});
