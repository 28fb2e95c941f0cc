import { parisYear } from '../../domain/calendar';
import form from './lifestyle.json';
import codes from './profile-sections.json';

/**
 * The lifestyle form of the health profile (lifestyle.json): its sections, the items a patient answers and
 * each item's fields. The file is checked when the subgraph loads, so a broken form stops the start rather
 * than a patient's write; and every answer is checked against it before the registry is asked anything.
 */
export const LIFESTYLE_FIELD_TYPES = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'INTEGER',
  'DECIMAL',
  'YEAR',
  'TEXT',
] as const;
export type LifestyleFieldType = (typeof LIFESTYLE_FIELD_TYPES)[number];

export interface LifestyleOptionDef {
  value: string;
  label: string;
  /** Chosen alone, never with another option (NONE). */
  exclusive?: boolean;
}
export interface LifestyleConditionDef {
  field: string;
  values?: string[];
  min?: number;
  max?: number;
}
export interface LifestyleFieldDef {
  code: string;
  label: string;
  type: LifestyleFieldType;
  unit?: string;
  hint?: string;
  min?: number;
  max?: number;
  decimals?: number;
  maxLength?: number;
  required?: boolean;
  options?: LifestyleOptionDef[];
  displayOn?: LifestyleConditionDef;
}
export interface LifestyleItemDef {
  code: string;
  label: string;
  fields: LifestyleFieldDef[];
}
export interface LifestyleSectionDef {
  code: string;
  label: string;
  $source: string;
  guideline: string;
  items: LifestyleItemDef[];
}

/** The earliest year a patient may give (as partial dates, partial-date.ts). */
export const EARLIEST_YEAR = 1900;
/** A free text answer is at most this long unless its field says less. */
const TEXT_MAX = 500;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const sectionLabels = codes.sections.values as Record<string, string>;

function fail(where: string, rule: string): never {
  throw new Error(`lifestyle.json: ${where} ${rule}`);
}

function checkForm(sections: Omit<LifestyleSectionDef, 'label'>[]): LifestyleSectionDef[] {
  const items = new Set<string>();
  return sections.map((section) => {
    if (!CODE.test(section.code)) fail(section.code, 'is not a code');
    // Its label, and the "not concerned" declaration, are the profile sections' (profile-sections.json).
    const label = sectionLabels[section.code] ?? fail(section.code, 'is not a section of profile-sections.json');
    if (!section.$source || !section.guideline) fail(section.code, 'needs its $source and guideline');
    for (const item of section.items) {
      if (!CODE.test(item.code) || items.has(item.code)) fail(item.code, 'is not a code, or named twice');
      items.add(item.code);
      if (item.fields.length === 0) fail(item.code, 'has no field');
      item.fields.forEach((field, i) => {
        const where = `${item.code}.${field.code}`;
        if (!CODE.test(field.code) || item.fields.findIndex((f) => f.code === field.code) !== i)
          fail(where, 'is not a code, or named twice');
        if (!LIFESTYLE_FIELD_TYPES.includes(field.type)) fail(where, `has no type ${field.type}`);
        const choice = field.type === 'SINGLE_CHOICE' || field.type === 'MULTIPLE_CHOICE';
        if (choice !== Boolean(field.options?.length)) fail(where, 'has options if and only if it is a choice');
        if ((field.type === 'INTEGER' || field.type === 'DECIMAL') && !(field.min! <= field.max!))
          fail(where, 'needs min <= max');
        const condition = field.displayOn;
        if (condition) {
          // Asked on an earlier field of the same item, so a form shows them in order.
          const on = item.fields.slice(0, i).find((f) => f.code === condition.field);
          if (!on) fail(where, `is shown on ${condition.field}, not an earlier field of ${item.code}`);
          if (condition.values && !condition.values.every((v) => on.options?.some((o) => o.value === v)))
            fail(where, `is shown on values ${condition.field} does not have`);
          if (!condition.values && (condition.min === undefined || condition.max === undefined))
            fail(where, 'is shown on values or on a range');
        }
      });
    }
    return { ...section, label } as LifestyleSectionDef;
  });
}

export const LIFESTYLE_SECTIONS: readonly LifestyleSectionDef[] = checkForm(
  form.sections as Omit<LifestyleSectionDef, 'label'>[],
);
export const LIFESTYLE_SECTION_CODES = LIFESTYLE_SECTIONS.map((s) => s.code);

const items = new Map(LIFESTYLE_SECTIONS.flatMap((s) => s.items.map((i) => [i.code, { section: s, item: i }])));

/** The item of this code, and its section. */
export const lifestyleItem = (code: string) => items.get(code);

/** The bounds a field takes at `now` (a YEAR runs to this year in Paris). */
export function fieldBounds(field: LifestyleFieldDef, now: Date): { min: number | null; max: number | null } {
  if (field.type === 'YEAR') return { min: EARLIEST_YEAR, max: parisYear(now) };
  return { min: field.min ?? null, max: field.max ?? null };
}

export const fieldMaxLength = (field: LifestyleFieldDef) =>
  field.type === 'TEXT' ? (field.maxLength ?? TEXT_MAX) : null;

/** One value as given: choices for a choice, a number for a number or a year, a text for a text. */
export interface GivenValue {
  field: string;
  choices?: string[] | null;
  number?: number | null;
  text?: string | null;
}
/** One value as kept: the field and exactly one of its shapes. */
export type StoredValue =
  { field: string; choices: string[] } | { field: string; number: number } | { field: string; text: string };

/** Whether a field is asked, given the values of the item (displayOn). */
function isShown(field: LifestyleFieldDef, values: ReadonlyMap<string, StoredValue>): boolean {
  const condition = field.displayOn;
  if (!condition) return true;
  const on = values.get(condition.field);
  if (!on) return false;
  if (condition.values) return 'choices' in on && on.choices.some((c) => condition.values!.includes(c));
  return 'number' in on && on.number >= condition.min! && on.number <= condition.max!;
}

type Refusal = { ok: false; field: string; rule: string };
const refuse = (field: string, rule: string): Refusal => ({ ok: false, field, rule });

function checkValue(field: LifestyleFieldDef, given: GivenValue, at: string, now: Date): StoredValue | Refusal {
  const shapes = [given.choices != null, given.number != null, given.text != null].filter(Boolean).length;
  const wanted =
    field.type === 'SINGLE_CHOICE' || field.type === 'MULTIPLE_CHOICE'
      ? 'choices'
      : field.type === 'TEXT'
        ? 'text'
        : 'number';
  if (shapes !== 1 || given[wanted] == null) return refuse(at, `${field.code} takes ${wanted}, and only that`);
  switch (field.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const choices = given.choices!;
      if (choices.length === 0) return refuse(`${at}.choices`, `choose at least one`);
      if (field.type === 'SINGLE_CHOICE' && choices.length > 1) return refuse(`${at}.choices`, `choose one`);
      if (new Set(choices).size !== choices.length) return refuse(`${at}.choices`, `an option is chosen twice`);
      const unknown = choices.find((c) => !field.options!.some((o) => o.value === c));
      if (unknown !== undefined)
        return refuse(`${at}.choices`, `${field.code} takes ${field.options!.map((o) => o.value).join(', ')}`);
      const alone = field.options!.find((o) => o.exclusive && choices.includes(o.value));
      if (alone && choices.length > 1) return refuse(`${at}.choices`, `${alone.value} is chosen alone`);
      return { field: field.code, choices };
    }
    case 'TEXT': {
      const text = given.text!.trim();
      const max = fieldMaxLength(field)!;
      if (!text) return refuse(`${at}.text`, `is required`);
      if (text.length > max) return refuse(`${at}.text`, `must be at most ${max} characters`);
      return { field: field.code, text };
    }
    default: {
      const number = given.number!;
      const { min, max } = fieldBounds(field, now);
      if (!Number.isFinite(number)) return refuse(`${at}.number`, `not a number`);
      const decimals = field.type === 'DECIMAL' ? (field.decimals ?? 0) : 0;
      const scaled = number * 10 ** decimals;
      // Within a rounding error of binary floats (1.1 × 10 is not exactly 11).
      if (Math.abs(Math.round(scaled) - scaled) > 1e-6)
        return refuse(`${at}.number`, decimals === 0 ? 'must be a whole number' : `at most ${decimals} decimal(s)`);
      if ((min !== null && number < min) || (max !== null && number > max))
        return refuse(`${at}.number`, `must be from ${min} to ${max}`);
      return { field: field.code, number };
    }
  }
}

/**
 * An item's answer checked against the form: each field named once and of the item, its value of the
 * field's shape, options and bounds; a field asked only on another's value (displayOn) not given otherwise;
 * every required field that is asked, given. The rule names the argument it is about (`input.values[1]…`).
 */
export function checkAnswer(
  item: LifestyleItemDef,
  given: readonly GivenValue[],
  now: Date,
): { ok: true; values: StoredValue[] } | Refusal {
  if (given.length === 0) return refuse('input.values', 'give at least one value');
  const byField = new Map<string, StoredValue>();
  for (const [i, value] of given.entries()) {
    const at = `input.values[${i}]`;
    const field = item.fields.find((f) => f.code === value.field);
    if (!field)
      return { ok: false, field: `${at}.field`, rule: `${item.code} has ${item.fields.map((f) => f.code).join(', ')}` };
    if (byField.has(field.code)) return { ok: false, field: `${at}.field`, rule: `${field.code} is given twice` };
    const checked = checkValue(field, value, at, now);
    if ('ok' in checked) return checked;
    byField.set(field.code, checked);
  }
  for (const [i, value] of given.entries()) {
    const field = item.fields.find((f) => f.code === value.field)!;
    if (!isShown(field, byField))
      return {
        ok: false,
        field: `input.values[${i}].field`,
        rule: `${field.code} is asked only when ${field.displayOn!.field} is ${field.displayOn!.values?.join(' or ') ?? `from ${field.displayOn!.min} to ${field.displayOn!.max}`}`,
      };
  }
  const missing = item.fields.find((f) => f.required && isShown(f, byField) && !byField.has(f.code));
  if (missing) return { ok: false, field: 'input.values', rule: `${missing.code} is required` };
  // Kept in the form's order, whatever order they came in.
  return { ok: true, values: item.fields.filter((f) => byField.has(f.code)).map((f) => byField.get(f.code)!) };
}
