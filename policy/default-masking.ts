/**
 * Masking by default (MASQUE_PS, docs/law.md §4): the patient's side may ask that the documents deposited from
 * now on by others (professionals, establishments, the Assurance maladie) be masked from professionals; what the
 * patient's side writes itself is not concerned. The registry keeps each span during which the default was on; a
 * document deposited within one (its `deposited_at`, the source's instant of deposit on the one clock) is masked as if the
 * patient had masked it by hand, so the same readers keep seeing it: its author, the médecin traitant and the
 * administrators, and in an emergency only with the MASKED consent (policy/decide.ts `maskedVisible`). Masking
 * never hides from the patient's side. Nothing at deposit has to remember it: every source's read applies it
 * (policy/document-filter.ts), so no source and no writer can skip it.
 */

/** One span of masking by default: from `from` (included) to `until` (excluded), or still on. ISO instants. */
export interface MaskingPeriod {
  from: string;
  until: string | null;
}

/** What the patient's side reads of its default. */
export interface DocumentMaskingState {
  maskedByDefault: boolean;
  /** Since when the current choice holds: the start of the span still on, or the end of the last one; null if never set. */
  since: Date | null;
}

/** The current choice: the span still on, or else the latest end. Pure. */
export function documentMaskingOf(periods: readonly MaskingPeriod[]): DocumentMaskingState {
  const open = periods.find((p) => p.until === null);
  if (open) return { maskedByDefault: true, since: new Date(open.from) };
  const ends = periods.map((p) => Date.parse(p.until!));
  return { maskedByDefault: false, since: ends.length === 0 ? null : new Date(Math.max(...ends)) };
}

/**
 * Whether a document deposited at `depositedAt` is masked by default (before any decision of the patient on that
 * document, which prevails). The SQL of policy/document-filter.ts says the same of rows; this is its statement in
 * code, for the tests and for callers that hold a single instant. Pure.
 */
export function maskedByDefaultAt(periods: readonly MaskingPeriod[], depositedAt: Date): boolean {
  const at = depositedAt.getTime();
  return periods.some((p) => Date.parse(p.from) <= at && (p.until === null || at < Date.parse(p.until)));
}

/**
 * What setting the default does to the spans: open one from now, close the open one at now (dropped when it
 * began at this very instant, so that no deposit can fall in it), or nothing when the choice is already so.
 */
export type MaskingChange = 'open' | 'close' | 'drop' | 'none';

export function maskingChange(periods: readonly MaskingPeriod[], masked: boolean, now: Date): MaskingChange {
  const open = periods.find((p) => p.until === null);
  if (masked) return open ? 'none' : 'open';
  if (!open) return 'none';
  return Date.parse(open.from) >= now.getTime() ? 'drop' : 'close';
}

/** The spans as the registry's row carries them (JSON from SQL; strings or Dates by driver), as ISO instants. */
export function maskingPeriodsOf(value: unknown): MaskingPeriod[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as {
    from: string | Date;
    until: string | Date | null;
  }[];
  const iso = (v: string | Date) => new Date(v).toISOString();
  return rows.map((r) => ({ from: iso(r.from), until: r.until === null ? null : iso(r.until) }));
}
