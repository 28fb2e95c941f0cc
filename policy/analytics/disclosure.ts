import { readFileSync } from 'node:fs';
import { projectPath } from '../../domain/paths';

export interface DisclosureRules {
  minCellCount: number;
  minCohort: number;
  historyDays: number;
}

export function loadDisclosureRules(path = projectPath('policy', 'analytics-rules.json')): DisclosureRules {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<DisclosureRules>;
  for (const key of ['minCellCount', 'minCohort', 'historyDays'] as const) {
    if (!Number.isInteger(data[key]) || (data[key] as number) < 1)
      throw new Error(`${path}: ${key} must be a positive integer`);
  }
  return data as DisclosureRules;
}

export type Suppression = 'SMALL_CELL' | 'SECONDARY' | 'DIFFERENCING';

/** One cell of an aggregate table: its value on each grouping dimension, and its count. */
export interface Cell {
  values: string[];
  count: number;
  suppression: Suppression | null;
}

/**
 * Primary suppression: a count from 1 to minCellCount-1 is never released. Zero is (it names nobody).
 */
export function suppressSmallCells(cells: Cell[], rules: DisclosureRules): void {
  for (const cell of cells) if (cell.count > 0 && cell.count < rules.minCellCount) cell.suppression = 'SMALL_CELL';
}

/**
 * Secondary suppression: a hidden cell must not be recomputable from a margin, i.e. from a coarser query
 * that groups by fewer dimensions (or from the table's total). Along every line of the table (cells that
 * share all values but one dimension's) and over the whole table, a lone suppressed cell takes the
 * smallest released one with it, until no line has exactly one.
 */
export function suppressComplements(cells: Cell[], dimensions: number): void {
  // The lines never change, only which of their cells are hidden: built once.
  const lines: Cell[][] = [cells];
  for (let d = 0; d < dimensions; d++) {
    const byRest = new Map<string, Cell[]>();
    for (const cell of cells) {
      const key = cell.values.filter((_, i) => i !== d).join('\u0000');
      let line = byRest.get(key);
      if (!line) byRest.set(key, (line = []));
      line.push(cell);
    }
    lines.push(...byRest.values());
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((c) => c.suppression !== null);
      if (hidden.length !== 1) continue;
      const candidates = line.filter((c) => c.suppression === null && c.count > 0).sort((a, b) => a.count - b.count);
      if (candidates.length === 0) continue;
      candidates[0].suppression = 'SECONDARY';
      changed = true;
    }
  }
}

/**
 * What one released cell covers: per axis, the set of values it counts (absent: the whole axis). Two cells of
 * the same measure whose regions nest differ by the cells in between: if that difference counts 1 to
 * minCellCount-1, the second release would disclose it.
 */
export type Region = Record<string, string[]>;

/** Axes whose values are code prefixes (ATC levels): a longer code lies inside a shorter one. */
const PREFIX_AXES = new Set(['atc']);

/** Whether every axis of `inner` stays inside `outer` (the caller states months, départements, bands: the finest level). */
export function nests(inner: Region, outer: Region): boolean {
  for (const [axis, values] of Object.entries(outer)) {
    const own = inner[axis];
    if (!own) return false;
    const inside = (v: string) => values.some((o) => v === o || (PREFIX_AXES.has(axis) && v.startsWith(o)));
    if (!own.every(inside)) return false;
  }
  return true;
}

/** The differencing check: would releasing `count` over `region` disclose a small difference with a past release? */
export function disclosesDifference(
  region: Region,
  count: number,
  past: { region: Region; count: number }[],
  rules: DisclosureRules,
): boolean {
  return past.some((p) => {
    const related = nests(region, p.region) || nests(p.region, region);
    const difference = Math.abs(p.count - count);
    return related && difference > 0 && difference < rules.minCellCount;
  });
}
