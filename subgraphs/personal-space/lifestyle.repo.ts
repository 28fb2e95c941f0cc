import DataLoader from 'dataloader';
import { perRequest } from '../../runtime/context';
import type { SqlStore } from '../../runtime/store/sql-store';
import type { Position } from '../../runtime/graphql/connection';
import type { SubgraphContext } from '../kit/context';
import { listsPerPatient } from '../kit/documents/rows-by-patient';
import {
  fieldBounds,
  fieldMaxLength,
  lifestyleItem,
  LIFESTYLE_SECTIONS,
  type LifestyleFieldDef,
  type LifestyleSectionDef,
  type StoredValue,
} from './lifestyle.form';
import type { LifestyleAnswer, LifestyleFieldAnswer, LifestyleForm } from './lifestyle.type';

export interface LifestyleAnswerRow {
  id: string;
  patient_ins: string;
  section: string;
  item: string;
  answer_values: StoredValue[] | string;
  answered_at: Date;
  recorded_at: Date;
  recorded_by_kind: 'PATIENT' | 'REPRESENTATIVE';
  recorded_by_id: string;
  recorded_by_name: string | null;
}

/** The latest answer of an item, with when its section last changed. */
export interface CurrentAnswerRow extends LifestyleAnswerRow {
  section_changed_at: Date;
}

/** Which answers a history holds: the patient, and a section or an item (null: all). */
export interface LifestyleQuery {
  ins: string;
  section: string | null;
  item: string | null;
}

function where(query: LifestyleQuery, params: unknown[]): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions = [`patient_ins = ${add(query.ins)}`];
  if (query.section) conditions.push(`section = ${add(query.section)}`);
  if (query.item) conditions.push(`item = ${add(query.item)}`);
  return conditions.join(' AND ');
}

/** One page of answers, the latest given first (ties by id), `limit` rows after the cursor's position. */
export async function answerPage(
  store: SqlStore,
  query: LifestyleQuery,
  after: Position | null,
  limit: number,
): Promise<LifestyleAnswerRow[]> {
  const params: unknown[] = [];
  let sql = `SELECT * FROM lifestyle_answer WHERE ${where(query, params)}`;
  if (after) sql += ` AND (answered_at, id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)})`;
  sql += ` ORDER BY answered_at DESC, id DESC LIMIT $${params.push(limit)}`;
  return store.query<LifestyleAnswerRow>(sql, params);
}

export async function answerCount(store: SqlStore, query: LifestyleQuery): Promise<number> {
  const params: unknown[] = [];
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM lifestyle_answer WHERE ${where(query, params)}`,
    params,
  );
  return row.n;
}

/** Per request: the current answer of every item of every patient asked about, in one statement. */
export const lifestyleLoaders = perRequest((ctx: SubgraphContext) => ({
  current: new DataLoader<string, CurrentAnswerRow[]>(async (insList) => {
    // The window runs before DISTINCT ON: it sees every answer of the section, not only the latest per item.
    const rows = await ctx.deps.store.query<CurrentAnswerRow>(
      `SELECT DISTINCT ON (patient_ins, item) *,
              max(recorded_at) OVER (PARTITION BY patient_ins, section) AS section_changed_at
         FROM lifestyle_answer WHERE patient_ins = ANY($1::text[])
        ORDER BY patient_ins, item, answered_at DESC, id DESC`,
      [insList],
    );
    return listsPerPatient(insList, rows);
  }),
}));

const french = (n: number) => String(n).replace('.', ',');

function toFieldAnswer(field: LifestyleFieldDef | undefined, value: StoredValue): LifestyleFieldAnswer {
  const label = field?.label ?? value.field;
  if ('choices' in value) {
    const labels = value.choices.map((c) => field?.options?.find((o) => o.value === c)?.label ?? c);
    return {
      field: value.field,
      label,
      choices: value.choices,
      choiceLabels: labels,
      number: null,
      text: null,
      formatted: labels.join(', '),
    };
  }
  if ('number' in value)
    return {
      field: value.field,
      label,
      choices: null,
      choiceLabels: null,
      number: value.number,
      text: null,
      formatted: field?.unit ? `${french(value.number)} ${field.unit}` : french(value.number),
    };
  return {
    field: value.field,
    label,
    choices: null,
    choiceLabels: null,
    number: null,
    text: value.text,
    formatted: value.text,
  };
}

/** A stored answer as the graph gives it, labelled from the form (a field since removed keeps its code). */
export function toAnswer(row: LifestyleAnswerRow): LifestyleAnswer {
  const item = lifestyleItem(row.item)?.item;
  const stored = typeof row.answer_values === 'string' ? JSON.parse(row.answer_values) : row.answer_values;
  return {
    id: row.id,
    section: row.section,
    item: row.item,
    itemLabel: item?.label ?? row.item,
    values: (stored as StoredValue[]).map((v) =>
      toFieldAnswer(
        item?.fields.find((f) => f.code === v.field),
        v,
      ),
    ),
    answeredAt: row.answered_at,
    recordedBy: {
      kind: row.recorded_by_kind,
      actorId: row.recorded_by_id,
      name: row.recorded_by_name,
      at: row.recorded_at,
    },
  };
}

/** The form of these sections as the graph gives it, flat, its bounds as they stand at `now`. */
export function formOf(sections: readonly LifestyleSectionDef[], now: Date): LifestyleForm {
  const items = sections.flatMap((section) => section.items.map((item) => ({ section, item })));
  return {
    sections: sections.map((section) => ({
      section: section.code,
      label: section.label,
      guideline: section.guideline,
      source: section.$source,
      items: section.items.map((i) => i.code),
    })),
    items: items.map(({ section, item }) => ({
      item: item.code,
      section: section.code,
      label: item.label,
      fields: item.fields.map((f) => f.code),
    })),
    fields: items.flatMap(({ item }) =>
      item.fields.map((f) => {
        const { min, max } = fieldBounds(f, now);
        return {
          item: item.code,
          field: f.code,
          label: f.label,
          type: f.type,
          unit: f.unit ?? null,
          hint: f.hint ?? null,
          required: f.required ?? false,
          min,
          max,
          decimals: f.type === 'DECIMAL' ? (f.decimals ?? 0) : f.type === 'TEXT' || f.options ? null : 0,
          maxLength: fieldMaxLength(f),
          options: (f.options ?? []).map((o) => ({ value: o.value, label: o.label, exclusive: o.exclusive ?? false })),
          displayOn: f.displayOn
            ? {
                field: f.displayOn.field,
                values: f.displayOn.values ?? null,
                min: f.displayOn.min ?? null,
                max: f.displayOn.max ?? null,
              }
            : null,
        };
      }),
    ),
  };
}

export const lifestyleSection = (code: string) => LIFESTYLE_SECTIONS.find((s) => s.code === code)!;
