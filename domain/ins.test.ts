import { checkIns, nirKey } from './ins';

describe('INS validation', () => {
  it.each([
    ['1 84 12 76 451 089', 'a NIR born in Seine-Maritime'],
    ['2 90 02 2A 004 012', 'a NIR born in Corse-du-Sud'],
    ['1 75 04 2B 123 456', 'a NIR born in Haute-Corse'],
    ['1 68 05 99 135 020', 'a NIR born abroad (99 + country)'],
  ])('accepts %s (%s) with its computed key', (nir13) => {
    const digits = nir13.replace(/\s/g, '');
    const result = checkIns(digits + nirKey(digits));
    expect(result).toEqual({ ok: true, ins: digits + nirKey(digits) });
  });

  it('computes the key the Corsican way: 2A counts as 19, 2B as 18', () => {
    expect(nirKey('290022A004012')).toBe(String(97n - (2900219004012n % 97n)).padStart(2, '0'));
    expect(nirKey('175042B123456')).toBe(String(97n - (1750418123456n % 97n)).padStart(2, '0'));
  });

  it.each([
    ['18412764510899', 'an INS has 15 characters'],
    ['184127645108900', 'the control key does not match'],
    ['984127645108912', 'not the shape'],
    ['1841276451089AB', 'not the shape'],
  ])('refuses %s: %s', (raw, reason) => {
    const result = checkIns(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
