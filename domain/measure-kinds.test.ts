import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkMeasureValues,
  formatMeasure,
  loadMeasureKinds,
  measureKind,
  MeasureKindsError,
  MEASURE_KINDS,
} from './measure-kinds';
import { projectPath } from './paths';

const kind = (code: string) => measureKind(code)!;

describe('the kinds of measure (domain/measure-kinds.json)', () => {
  it('holds together: codes unique, bounds ordered, a LOINC code or a reason for none', () => {
    expect(MEASURE_KINDS.length).toBeGreaterThanOrEqual(14);
    for (const k of MEASURE_KINDS) expect([k.code, k.loincSource.length > 0]).toEqual([k.code, true]);
  });

  it.each<[string, (file: any) => void, RegExp]>([
    ['a kind twice', (f) => f.kinds.push(f.kinds[0]), /WEIGHT twice/],
    ['bounds upside down', (f) => (f.kinds[0].metrics[0].min = 1000), /min must be below max/],
    ['a LOINC code that is not one', (f) => (f.kinds[0].loinc.code = 'weight'), /not a LOINC code/],
    ['an order naming another metric', (f) => (f.kinds[0].lessThan = { WEIGHT: 'HEIGHT' }), /lessThan/],
  ])('refuses a file with %s', (_what, spoil, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'measure-kinds-'));
    try {
      const file = JSON.parse(readFileSync(projectPath('domain', 'measure-kinds.json'), 'utf8'));
      spoil(file);
      writeFileSync(join(dir, 'kinds.json'), JSON.stringify(file));
      expect(() => loadMeasureKinds(join(dir, 'kinds.json'))).toThrow(MeasureKindsError);
      expect(() => loadMeasureKinds(join(dir, 'kinds.json'))).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, string, { metric?: string; value: number; unit?: string }[], string | null]>([
    ['a weight', 'WEIGHT', [{ value: 72.5 }], null],
    ['a weight in its UCUM unit', 'WEIGHT', [{ value: 72.5, unit: 'kg' }], null],
    ['a newborn weight to the gram', 'WEIGHT', [{ value: 3.215 }], null],
    ['a weight in pounds', 'WEIGHT', [{ value: 160, unit: '[lb_av]' }], 'input.values[0].unit'],
    ['a weight of zero', 'WEIGHT', [{ value: 0 }], 'input.values[0].value'],
    ['no value', 'WEIGHT', [], 'input.values'],
    ['two weights', 'WEIGHT', [{ value: 72 }, { value: 73 }], 'input.values[1].metric'],
    [
      'a blood pressure',
      'BLOOD_PRESSURE',
      [
        { metric: 'DIASTOLIC_BLOOD_PRESSURE', value: 80 },
        { metric: 'SYSTOLIC_BLOOD_PRESSURE', value: 120, unit: 'mmHg' },
      ],
      null,
    ],
    [
      'a pressure with equal values',
      'BLOOD_PRESSURE',
      [
        { metric: 'SYSTOLIC_BLOOD_PRESSURE', value: 90 },
        { metric: 'DIASTOLIC_BLOOD_PRESSURE', value: 90 },
      ],
      'input.values[1].value',
    ],
    ['a glucose in mg/dL', 'GLUCOSE', [{ value: 95, unit: 'mg/dL' }], 'input.values[0].unit'],
    ['a glucose to the centigram', 'GLUCOSE', [{ value: 0.95 }], null],
    ['a glucose to the milligram', 'GLUCOSE', [{ value: 0.951 }], 'input.values[0].value'],
    ['pain 10 of 10', 'PAIN_SEVERITY', [{ value: 10 }], null],
    ['pain 11 of 10', 'PAIN_SEVERITY', [{ value: 11 }], 'input.values[0].value'],
    ['no steps at all', 'STEPS_BY_DAY', [{ value: 0 }], null],
  ])('%s', (_what, code, values, field) => {
    const checked = checkMeasureValues(kind(code), values);
    expect(checked.ok ? null : (checked as { field: string }).field).toBe(field);
  });

  it.each<[string, Record<string, number>, string]>([
    ['WEIGHT', { WEIGHT: 72.5 }, '72,5 kg'],
    ['WEIGHT', { WEIGHT: 3.215 }, '3,215 kg'],
    ['BLOOD_PRESSURE', { SYSTOLIC_BLOOD_PRESSURE: 120, DIASTOLIC_BLOOD_PRESSURE: 80 }, '120/80 mmHg'],
    ['BODY_TEMPERATURE', { BODY_TEMPERATURE: 37 }, '37 °C'],
    ['STEPS_BY_DAY', { STEPS_BY_DAY: 12000 }, '12\u202f000 pas/jour'],
    ['PAIN_SEVERITY', { PAIN_SEVERITY: 4 }, '4/10'],
  ])('writes a %s as a person reads it', (code, values, text) => {
    expect(formatMeasure(kind(code), values)).toBe(text);
  });
});
