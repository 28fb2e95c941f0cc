import type { Agreement } from '../../policy/trait-search';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { CandidateRow } from './identity-search.repo';

/** What the spoken search asks SQL, every key already computed (domain/name-keys.ts, domain/spoken-name-keys.ts). */
export interface SpokenQuery {
  /** A day and its variants, or a span of birth dates (a year, an age range). */
  dates:
    | { kind: 'DATE'; exact: string; swapped: string[]; oneDigit: string[] }
    | { kind: 'BIRTH_YEAR' | 'AGE_RANGE'; from: string; to: string };
  name: { key: string; phonetic: string; allowed: Agreement[]; similarity: number } | null;
  /** The first name by its words, the phonetic key of each (same order), and all run together. */
  firstName: { words: string[]; phonetic: string[]; key: string } | null;
  sex: 'F' | 'M' | null;
  birthplaceCode: string | null;
  /** The département of the birthplace given, to agree in part with a neighbouring commune. */
  birthplaceDepartement: string | null;
  birthDepartement: string | null;
  residenceDepartement: string | null;
  /** `TRAIT:AGREEMENT` → weight (policy/trait-search.ts). */
  weights: Record<string, number>;
  limit: number;
}

export interface SpokenCandidateRow extends CandidateRow {
  name_how: Agreement | null;
  first_name_how: Agreement | null;
  birth_date_how: Agreement;
  birthplace_how: Agreement | null;
  birth_departement_how: Agreement | null;
  residence_departement_how: Agreement | null;
}

/**
 * Candidates for a spoken question, best first: the date (or its span) through the birth-date index, then each
 * trait's agreement computed once in SQL, the row kept only if every name given agrees in an allowed way, the
 * score the sum of the agreements' weights, ranked and cut in SQL. Homonyms stay apart: one row per INS.
 */
export function findSpokenCandidates(store: SqlExecutor, q: SpokenQuery): Promise<SpokenCandidateRow[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = ["dmp_status <> 'DELETED'"];
  const how: string[] = [];

  if (q.dates.kind === 'DATE') {
    const exact = add(q.dates.exact);
    const swapped = add(q.dates.swapped);
    where.push(`birth_date = ANY(${add([q.dates.exact, ...q.dates.swapped, ...q.dates.oneDigit])}::date[])`);
    how.push(`CASE WHEN birth_date = ${exact}::date THEN 'EXACT'
                   WHEN birth_date = ANY(${swapped}::date[]) THEN 'SWAPPED_DAY_MONTH'
                   ELSE 'ONE_DIGIT' END AS birth_date_how`);
  } else {
    const from = add(q.dates.from);
    const to = add(q.dates.to);
    where.push(`birth_date BETWEEN ${from}::date AND ${to}::date`);
    how.push(`${add(q.dates.kind)}::text AS birth_date_how`);
    // Where the name must agree exactly or by sound (a wide date: policy/trait-search-demand.json), the rows are
    // found by the name and the span together, one range of patient_spoken_name per key (migration 030), rather
    // than by listing everyone born in the span.
    // The sex and the first name, when given, are sifted there too, so that only the few patients left are read.
    if (q.name && q.name.allowed.every((a) => a === 'EXACT' || a === 'PHONETIC')) {
      const sifted = [
        `spoken.key = ANY(${add([`n:${q.name.key}`, `p:${q.name.phonetic}`])}::text[])`,
        `spoken.birth_date BETWEEN ${from}::date AND ${to}::date`,
      ];
      if (q.sex) sifted.push(`spoken.sex = ${add(q.sex)}`);
      // A word typed agrees with a part only if they begin alike (one, two or three letters) or sound alike: a
      // necessary test, two array overlaps per row; the first name's agreement is then computed on the few left.
      // Rows written before migration 020 have no parts, and pass.
      if (q.firstName)
        sifted.push(`(cardinality(spoken.first_name_starts) = 0
                      OR spoken.first_name_starts && ${add(q.firstName.words.map((w) => w.slice(0, 3)))}::text[]
                      OR spoken.phonetic_first_name_keys && ${add(q.firstName.phonetic)}::text[])`);
      where.push(`ins IN (SELECT spoken.ins FROM patient_spoken_name spoken WHERE ${sifted.join(' AND ')})`);
    }
  }

  if (q.name) {
    const key = add(q.name.key);
    const phonetic = add(q.name.phonetic);
    // The closest way the typed name agrees with any stored key of the birth or used name.
    how.push(`CASE WHEN ${key} = ANY(name_keys) THEN 'EXACT'
                   WHEN ${phonetic} = ANY(phonetic_name_keys) THEN 'PHONETIC'
                   WHEN EXISTS (SELECT 1 FROM unnest(name_keys) k WHERE similarity(k, ${key}) >= ${add(q.name.similarity)}) THEN 'APPROXIMATE'
                   WHEN EXISTS (SELECT 1 FROM unnest(name_keys) k WHERE left(k, length(${key})) = ${key}) THEN 'PREFIX'
              END AS name_how`);
  } else how.push('NULL::text AS name_how');

  if (q.firstName) {
    const words = add(q.firstName.words);
    const phonetic = add(q.firstName.phonetic);
    const key = add(q.firstName.key);
    // Rows written before migration 020 have no parts: their typed keys still answer, whole or by prefix.
    how.push(`CASE (CASE WHEN cardinality(first_name_words) = 0 THEN
                      CASE WHEN ${key} = ANY(first_name_keys) THEN 4
                           WHEN EXISTS (SELECT 1 FROM unnest(first_name_keys) k WHERE left(k, length(${key})) = ${key}) THEN 2
                           ELSE 0 END
                    ELSE ${firstNameAgreement(words, phonetic, 'patient')} END)
                WHEN 4 THEN 'EXACT' WHEN 3 THEN 'PHONETIC' WHEN 2 THEN 'PREFIX' WHEN 1 THEN 'INITIAL' END AS first_name_how`);
  } else how.push('NULL::text AS first_name_how');

  if (q.sex) where.push(`sex = ${add(q.sex)}`);

  if (q.birthplaceCode) {
    const dep = q.birthplaceDepartement ? add(q.birthplaceDepartement) : 'NULL::text';
    how.push(`CASE WHEN birthplace_code = ${add(q.birthplaceCode)} THEN 'EXACT'
                   WHEN left(birthplace_code, length(${dep})) = ${dep} THEN 'SAME_DEPARTEMENT'
                   ELSE 'DISAGREES' END AS birthplace_how`);
  } else how.push('NULL::text AS birthplace_how');

  if (q.birthDepartement) {
    // An INSEE commune code begins with its département (2 characters, 3 overseas): a valid département is a prefix.
    const dep = add(q.birthDepartement);
    how.push(
      `CASE WHEN left(birthplace_code, length(${dep})) = ${dep} THEN 'EXACT' ELSE 'DISAGREES' END AS birth_departement_how`,
    );
  } else how.push('NULL::text AS birth_departement_how');

  if (q.residenceDepartement) {
    // Where the registry holds no residence, the trait neither agrees nor disagrees.
    how.push(`CASE WHEN residence_departement IS NULL THEN NULL
                   WHEN residence_departement = ${add(q.residenceDepartement)} THEN 'EXACT'
                   ELSE 'DISAGREES' END AS residence_departement_how`);
  } else how.push('NULL::text AS residence_departement_how');

  const weights = add(JSON.stringify(q.weights));
  const weight = (trait: string, column: string) =>
    `coalesce((${weights}::jsonb ->> ('${trait}:' || ${column}))::float8, 0)`;
  const filters: string[] = [];
  if (q.name) filters.push(`name_how = ANY(${add(q.name.allowed)}::text[])`);
  if (q.firstName) filters.push('first_name_how IS NOT NULL');
  const sexWeight = q.sex ? `${add(q.weights['SEX:EXACT'] ?? 0)}::float8` : '0';

  return store.query<SpokenCandidateRow>(
    `SELECT *, (${[
      weight('NAME', 'name_how'),
      weight('FIRST_NAME', 'first_name_how'),
      weight('BIRTH_DATE', 'birth_date_how'),
      weight('BIRTHPLACE', 'birthplace_how'),
      weight('BIRTH_DEPARTEMENT', 'birth_departement_how'),
      weight('RESIDENCE_DEPARTEMENT', 'residence_departement_how'),
      sexWeight,
    ].join(' + ')}) AS score
     FROM (
       SELECT ins, birth_name, used_name, first_name, given_names, sex, birth_date, birthplace_code, identity_status,
              dmp_status, consent_etreat, ${how.join(', ')}
       FROM patient WHERE ${where.join(' AND ')}
     ) AS agreed
     ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
     ORDER BY score DESC, birth_name, first_name, ins LIMIT ${add(q.limit)}`,
    params,
  );
}

/**
 * How the first name typed agrees with the parts stored in `row` (its first_name_words and their phonetic keys):
 * each word typed must agree with some part, and the first name agrees as its weakest word does (4 exact,
 * 3 phonetic, 2 prefix, 1 initial, 0 not at all).
 */
function firstNameAgreement(words: string, phonetic: string, row: string): string {
  return `(SELECT min(best) FROM (
            SELECT (SELECT coalesce(max(CASE WHEN s.w = t.w THEN 4
                                             WHEN length(t.w) > 1 AND s.p = t.p THEN 3
                                             WHEN length(t.w) > 1 AND left(s.w, length(t.w)) = t.w THEN 2
                                             WHEN length(t.w) = 1 AND left(s.w, 1) = t.w THEN 1
                                             ELSE 0 END), 0)
                    FROM unnest(${row}.first_name_words, ${row}.phonetic_first_name_keys) AS s(w, p)) AS best
            FROM unnest(${words}::text[], ${phonetic}::text[]) AS t(w, p)) AS per_word)`;
}
