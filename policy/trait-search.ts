import { readFileSync } from 'node:fs';
import { projectPath } from '../domain/paths';

/**
 * The centre 15 spoken identity search as data: the Fellegi–Sunter weights that rank candidates
 * (`trait-search-weights.json`) and the demand that keeps a question from fishing (`trait-search-demand.json`).
 * Pure: the resolver hands the question in, SQL gets the weights as a parameter.
 */

export const SPOKEN_TRAITS = [
  'NAME',
  'FIRST_NAME',
  'BIRTH_DATE',
  'SEX',
  'BIRTHPLACE',
  'BIRTH_DEPARTEMENT',
  'RESIDENCE_DEPARTEMENT',
] as const;
export type SpokenTrait = (typeof SPOKEN_TRAITS)[number];

export const AGREEMENTS = [
  'EXACT',
  'PHONETIC',
  'APPROXIMATE',
  'PREFIX',
  'INITIAL',
  'SWAPPED_DAY_MONTH',
  'ONE_DIGIT',
  'BIRTH_YEAR',
  'AGE_RANGE',
  'SAME_DEPARTEMENT',
  'DISAGREES',
] as const;
export type Agreement = (typeof AGREEMENTS)[number];

export const DATE_PRECISIONS = ['DATE', 'BIRTH_YEAR', 'AGE_RANGE'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

interface Probabilities {
  m: number;
  u: number;
  perYear?: boolean;
  why: string;
}

const WEIGHTS_PATH = projectPath('policy', 'trait-search-weights.json');
const WEIGHTS = (() => {
  const data = JSON.parse(readFileSync(WEIGHTS_PATH, 'utf8')) as {
    approximate: { similarity: number; why: string };
    traits: Record<string, Record<string, Probabilities>>;
  };
  if (!(data.approximate?.similarity > 0 && data.approximate.similarity < 1))
    throw new Error(`${WEIGHTS_PATH}: approximate.similarity must be between 0 and 1`);
  for (const [trait, kinds] of Object.entries(data.traits)) {
    if (!(SPOKEN_TRAITS as readonly string[]).includes(trait)) throw new Error(`${WEIGHTS_PATH}: no trait ${trait}`);
    for (const [kind, p] of Object.entries(kinds)) {
      if (!(AGREEMENTS as readonly string[]).includes(kind)) throw new Error(`${WEIGHTS_PATH}: no agreement ${kind}`);
      if (!(p.m > 0 && p.m < 1 && p.u > 0 && p.u < 1 && p.why))
        throw new Error(`${WEIGHTS_PATH}: ${trait}.${kind} needs 0 < m, u < 1 and why`);
    }
  }
  for (const trait of SPOKEN_TRAITS)
    if (!data.traits[trait]?.EXACT) throw new Error(`${WEIGHTS_PATH}: ${trait} needs an EXACT agreement`);
  return {
    similarity: data.approximate.similarity,
    traits: data.traits as Record<SpokenTrait, Partial<Record<Agreement, Probabilities>>>,
  };
})();

/** The trigram similarity from which a typed name is an approximate spelling of a stored one. */
export const APPROXIMATE_SIMILARITY = WEIGHTS.similarity;

const round = (w: number) => Math.round(w * 100) / 100;

/**
 * Every weight for one question, keyed `TRAIT:AGREEMENT`: log2(m/u) for each agreement, log2((1-m)/(1-u)) of the
 * trait's EXACT kind for `TRAIT:DISAGREES`. An age range's u grows with its span (`perYear`).
 */
export function traitWeights(ageSpanYears: number | null): Record<string, number> {
  const table: Record<string, number> = {};
  for (const trait of SPOKEN_TRAITS) {
    for (const [kind, p] of Object.entries(WEIGHTS.traits[trait]) as [Agreement, Probabilities][]) {
      const u = p.perYear ? Math.min(0.999, p.u * (ageSpanYears ?? 1)) : p.u;
      table[`${trait}:${kind}`] = round(Math.log2(p.m / u));
    }
    const exact = WEIGHTS.traits[trait].EXACT!;
    table[`${trait}:DISAGREES`] = round(Math.log2((1 - exact.m) / (1 - exact.u)));
  }
  return table;
}

interface Demand {
  names: number;
  minLetters: number;
  others: number;
  maxSpanYears?: number;
  nameMatches: Agreement[];
  why: string;
}

const DEMAND_PATH = projectPath('policy', 'trait-search-demand.json');
const DEMAND = (() => {
  const data = JSON.parse(readFileSync(DEMAND_PATH, 'utf8')) as { byDatePrecision: Record<string, Demand> };
  for (const precision of DATE_PRECISIONS) {
    const d = data.byDatePrecision[precision];
    if (!d || !(d.names >= 1) || !(d.minLetters >= 1) || !(d.others >= 0) || !d.why)
      throw new Error(`${DEMAND_PATH}: ${precision} needs names ≥ 1, minLetters ≥ 1, others ≥ 0 and why`);
    if (!d.nameMatches.every((k) => (AGREEMENTS as readonly string[]).includes(k)))
      throw new Error(`${DEMAND_PATH}: ${precision}.nameMatches names an unknown agreement`);
  }
  return data.byDatePrecision as Record<DatePrecision, Demand>;
})();

/** What a question gives, counted: letters of the name and of the first name (0 when not given). */
export interface SpokenQuestion {
  precision: DatePrecision;
  nameLetters: number;
  firstNameLetters: number;
  /** How many of sex, birthplace, birth département, residence département. */
  others: number;
  /** The age range's span in years (to − from), for AGE_RANGE. */
  ageSpanYears: number | null;
}

/** Why a question is too wide for what it gives (the argument to name, and what to add), or null if it may run. */
export function fishingRefusal(q: SpokenQuestion): { field: string; reason: string } | null {
  const demand = DEMAND[q.precision];
  if (demand.maxSpanYears != null && (q.ageSpanYears ?? 0) > demand.maxSpanYears)
    return { field: 'traits.ageTo', reason: `an age range spans at most ${demand.maxSpanYears} years` };
  const names = [q.nameLetters, q.firstNameLetters].filter((n) => n >= demand.minLetters).length;
  if (names < demand.names)
    return {
      field: 'traits',
      reason:
        demand.names === 1
          ? `give a name or a first name (at least ${demand.minLetters} letters)`
          : `with ${describe(q.precision)}, give the name and the first name (at least ${demand.minLetters} letters each)`,
    };
  if (q.others < demand.others)
    return {
      field: 'traits',
      reason: `with ${describe(q.precision)}, give also the sex, the birthplace, the birth département or the residence département`,
    };
  return null;
}

/** The ways the name may agree at this precision: the wider the date, the closer the name. */
export function allowedNameMatches(precision: DatePrecision): Agreement[] {
  return DEMAND[precision].nameMatches;
}

const describe = (precision: DatePrecision) =>
  ({ DATE: 'a birth date', BIRTH_YEAR: 'only a birth year', AGE_RANGE: 'only an age range' })[precision];

interface SearchRate {
  perMinute: number;
  localPerMinute: number;
}

const RATE_PATH = projectPath('policy', 'trait-search-rate.json');
/** The per-regulator search budgets (`trait-search-rate.json`), checked: the local one stricter, both whole and positive. */
export const SEARCH_RATE: SearchRate = (() => {
  const data = JSON.parse(readFileSync(RATE_PATH, 'utf8')) as SearchRate & { why?: Record<string, string> };
  for (const key of ['perMinute', 'localPerMinute'] as const)
    if (!(Number.isInteger(data[key]) && data[key] >= 1 && data.why?.[key]))
      throw new Error(`${RATE_PATH}: ${key} must be a whole number ≥ 1, with its why`);
  if (data.localPerMinute > data.perMinute)
    throw new Error(`${RATE_PATH}: localPerMinute must not exceed perMinute (the local limit is the stricter)`);
  return { perMinute: data.perMinute, localPerMinute: data.localPerMinute };
})();

/** The clock minute an instant falls in: the window a search is counted in. */
export const searchMinute = (at: Date) => Math.floor(at.getTime() / 60_000);

/**
 * Whether the search numbered `count` in its minute (this one included) is over `limit`, and if so in how many
 * whole seconds the next minute begins (at least 1).
 */
export function rateRefusal(count: number, limit: number, at: Date): { retryAfterSeconds: number } | null {
  if (count <= limit) return null;
  const next = (searchMinute(at) + 1) * 60_000;
  return { retryAfterSeconds: Math.max(1, Math.ceil((next - at.getTime()) / 1000)) };
}
