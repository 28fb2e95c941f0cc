import { readFileSync } from 'node:fs';
import { projectPath } from './paths';

/** One value a measure carries: its code, unit and the bounds a value is checked against. */
export interface MeasureMetricDef {
  code: string;
  label: string;
  /** The metric's own LOINC code, where the kind's is a panel (blood pressure). */
  loinc?: string;
  /** The unit as UCUM writes it (what a device sends). */
  ucum: string;
  /** The unit as a person reads it. */
  unit: string;
  min: number;
  max: number;
  /** Digits after the decimal point a value may have. */
  decimals: number;
  hint: string;
}

export interface MeasureKindDef {
  code: string;
  label: string;
  loinc: { code: string; display: string } | null;
  loincSource: string;
  metrics: MeasureMetricDef[];
  /** metric → the metric its value must stay below. */
  lessThan?: Record<string, string>;
  contexts: { code: string; label: string }[];
  targetable: boolean;
  shownByDefault: boolean;
}

interface MeasureKindsFile {
  version: number;
  kinds: MeasureKindDef[];
}

export class MeasureKindsError extends Error {}

/** Loads domain/measure-kinds.json and checks it holds together, so a bad edit stops the start. */
export function loadMeasureKinds(path = projectPath('domain', 'measure-kinds.json')): readonly MeasureKindDef[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as MeasureKindsFile;
  const kinds = new Set<string>();
  const metrics = new Set<string>();
  const fail = (what: string) => {
    throw new MeasureKindsError(`${path}: ${what}`);
  };
  for (const kind of file.kinds) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(kind.code)) fail(`${kind.code} is not an enum-like code`);
    if (kinds.has(kind.code)) fail(`${kind.code} twice`);
    kinds.add(kind.code);
    if (kind.metrics.length === 0) fail(`${kind.code} has no metric`);
    if (kind.loinc && !/^\d{1,7}-\d$/.test(kind.loinc.code))
      fail(`${kind.code}: ${kind.loinc.code} is not a LOINC code`);
    for (const metric of kind.metrics) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(metric.code)) fail(`${metric.code} is not an enum-like code`);
      if (metrics.has(metric.code)) fail(`metric ${metric.code} twice`);
      metrics.add(metric.code);
      if (!(metric.min < metric.max)) fail(`${metric.code}: min must be below max`);
      if (!Number.isInteger(metric.decimals) || metric.decimals < 0 || metric.decimals > 3)
        fail(`${metric.code}: decimals must be 0 to 3`);
    }
    for (const [low, high] of Object.entries(kind.lessThan ?? {}))
      if (![low, high].every((m) => kind.metrics.some((x) => x.code === m)))
        fail(`${kind.code}: lessThan names a metric it does not have`);
    const contexts = kind.contexts.map((c) => c.code);
    if (new Set(contexts).size !== contexts.length) fail(`${kind.code}: a context twice`);
  }
  return file.kinds;
}

export const MEASURE_KINDS = loadMeasureKinds();
export const MEASURE_KIND_CODES = MEASURE_KINDS.map((k) => k.code);
export const MEASURE_METRIC_CODES = MEASURE_KINDS.flatMap((k) => k.metrics.map((m) => m.code));
export const MEASURE_CONTEXT_CODES = [...new Set(MEASURE_KINDS.flatMap((k) => k.contexts.map((c) => c.code)))];

const BY_CODE = new Map(MEASURE_KINDS.map((k) => [k.code, k]));
export const measureKind = (code: string): MeasureKindDef | undefined => BY_CODE.get(code);

/** A refusal of a value, naming the input's path and the rule (the subgraph turns it into BAD_USER_INPUT). */
export interface ValueRefusal {
  field: string;
  rule: string;
}

/** The digits after the point a number is written with (0.1 + 0.2 is not 0.30000000000000004 here). */
function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? text.split('.')[1].length : 0;
}

/** One value checked against its metric: the unit if given, the bounds, the decimals. */
export function checkMetricValue(
  metric: MeasureMetricDef,
  value: number,
  unit: string | null | undefined,
  field: string,
): ValueRefusal | null {
  if (unit != null && unit !== metric.ucum && unit !== metric.unit)
    return { field: `${field}.unit`, rule: `must be ${metric.ucum} (${metric.unit})` };
  if (!Number.isFinite(value)) return { field: `${field}.value`, rule: 'must be a number' };
  if (value < metric.min || value > metric.max)
    return {
      field: `${field}.value`,
      rule: `must be between ${metric.min} and ${metric.max} ${metric.unit}`,
    };
  if (decimalsOf(value) > metric.decimals)
    return {
      field: `${field}.value`,
      rule: metric.decimals === 0 ? 'must be a whole number' : `at most ${metric.decimals} decimals`,
    };
  return null;
}

/**
 * The values of one measure of `kind`, checked: exactly one per metric of the kind, each within its metric's
 * unit, bounds and decimals, and the kind's order between metrics. Pure. `field` is the input's path.
 */
export function checkMeasureValues(
  kind: MeasureKindDef,
  values: readonly { metric?: string | null; value: number; unit?: string | null }[],
  field = 'input.values',
): { ok: true; values: Record<string, number> } | ({ ok: false } & ValueRefusal) {
  const single = kind.metrics.length === 1 ? kind.metrics[0].code : null;
  const checked: Record<string, number> = {};
  for (const [i, given] of values.entries()) {
    const code = given.metric ?? single;
    if (!code) return { ok: false, field: `${field}[${i}].metric`, rule: `${kind.code} has several metrics: name it` };
    const metric = kind.metrics.find((m) => m.code === code);
    if (!metric)
      return {
        ok: false,
        field: `${field}[${i}].metric`,
        rule: `${kind.code} has ${kind.metrics.map((m) => m.code).join(', ')}`,
      };
    if (code in checked) return { ok: false, field: `${field}[${i}].metric`, rule: `${code} given twice` };
    const refused = checkMetricValue(metric, given.value, given.unit, `${field}[${i}]`);
    if (refused) return { ok: false, ...refused };
    checked[code] = given.value;
  }
  const missing = kind.metrics.filter((m) => !(m.code in checked)).map((m) => m.code);
  if (missing.length > 0) return { ok: false, field, rule: `${kind.code} needs a value for ${missing.join(', ')}` };
  for (const [low, high] of Object.entries(kind.lessThan ?? {}))
    if (!(checked[low] < checked[high]))
      return {
        ok: false,
        field: `${field}[${values.findIndex((v) => (v.metric ?? single) === low)}].value`,
        rule: `${low} must be below ${high}`,
      };
  return { ok: true, values: checked };
}

/** How a person reads a measure, in French: "72,5 kg", "120/80 mmHg", "8 500 pas/jour", "4/10". */
export function formatMeasure(kind: MeasureKindDef, values: Record<string, number>): string {
  const number = (metric: MeasureMetricDef) =>
    new Intl.NumberFormat('fr-FR', { maximumFractionDigits: metric.decimals }).format(values[metric.code]);
  // A unit that is a ratio ("/10") follows its number without a space.
  const unit = (u: string) => (u.startsWith('/') ? u : ` ${u}`);
  const units = new Set(kind.metrics.map((m) => m.unit));
  if (units.size === 1) return `${kind.metrics.map(number).join('/')}${unit(kind.metrics[0].unit)}`;
  return kind.metrics.map((m) => `${number(m)}${unit(m.unit)}`).join(' / ');
}
