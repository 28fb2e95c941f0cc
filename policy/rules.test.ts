import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_RULES, DENY_RULES, GRANT_RULES, RULES, isDenyRule, isGrantRule } from './rules';
import { loadRestrictedSpecialties } from './decide';

describe('the rules a decision returns are a closed set', () => {
  it('names each rule once, each in the family its prefix says', () => {
    expect(new Set(RULES).size).toBe(RULES.length);
    for (const rule of DENY_RULES) expect(rule).toMatch(/^deny\.[a-z0-9-]+$/);
    for (const rule of [...GRANT_RULES, ...ACTION_RULES]) expect(rule).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    for (const rule of [...GRANT_RULES, ...ACTION_RULES]) expect(rule.startsWith('deny.')).toBe(false);
  });

  it.each([
    ['professional.medecin-traitant', true, false],
    ['deny.blocked', false, true],
    ['professional.medecin-traitent', false, false],
    ['deny.blockd', false, false],
    ['write.patient', false, false],
    [42, false, false],
  ])('%s: a grant rule %s, a deny rule %s', (name, grant, deny) => {
    expect(isGrantRule(name)).toBe(grant);
    expect(isDenyRule(name)).toBe(deny);
  });

  describe('a data file naming a rule that does not exist stops the load', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rules-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const specialties = (rule: string) => {
      const path = join(dir, `${rule}.json`);
      writeFileSync(path, JSON.stringify({ specialties: { SM25: { rule, reason: 'r', source: 's' } } }));
      return path;
    };

    it('restricted specialties: a known deny rule loads', () => {
      expect(loadRestrictedSpecialties(specialties('deny.occupational-medicine')).get('SM25')?.rule).toBe(
        'deny.occupational-medicine',
      );
    });

    it.each(['deny.occupational-medecine', 'professional.authorised', 'occupational-medicine'])(
      'restricted specialties: %s does not',
      (rule) => {
        expect(() => loadRestrictedSpecialties(specialties(rule))).toThrow(/DENY_RULES/);
      },
    );
  });
});
