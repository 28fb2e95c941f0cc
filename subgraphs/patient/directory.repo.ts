import type { SqlExecutor } from '../../runtime/store/sql-store';

/** A professional as the directory holds them: no patient is ever joined here. */
export interface ProfessionalRow {
  rpps: string;
  family_name: string;
  first_name: string;
  profession_code: string;
  specialty_code: string | null;
  establishment_finess: string | null;
  establishment_name: string | null;
}

export interface EstablishmentRow {
  finess: string;
  name: string;
}

const PROFESSIONAL_COLUMNS =
  'rpps, family_name, first_name, profession_code, specialty_code, establishment_finess, establishment_name';

export function professionalsByRpps(store: SqlExecutor, rppsList: readonly string[]): Promise<ProfessionalRow[]> {
  return store.query<ProfessionalRow>(`SELECT ${PROFESSIONAL_COLUMNS} FROM professional WHERE rpps = ANY($1::text[])`, [
    rppsList,
  ]);
}

export interface ProfessionalContactRow {
  rpps: string;
  address_line: string;
  postal_code: string;
  city: string;
  phone: string | null;
}

/** The practice addresses the directory publishes, for several professionals at once (complete ones only). */
export function professionalContacts(
  store: SqlExecutor,
  rppsList: readonly string[],
): Promise<ProfessionalContactRow[]> {
  return store.query<ProfessionalContactRow>(
    `SELECT rpps, address_line, postal_code, city, phone FROM professional
     WHERE rpps = ANY($1::text[]) AND address_line IS NOT NULL AND postal_code IS NOT NULL AND city IS NOT NULL`,
    [rppsList],
  );
}

/** Where a name breaks into words: spaces, hyphens, apostrophes. */
const WORD_BREAK = "[[:space:]'’-]+";

/**
 * Professionals whose name matches the query as typed so far: the whole query folded starts the family name
 * ("dupont-mo", "ndiaye"), or every word of it starts a word of the family or first names, in any order
 * ("helene dupont", "dupont hel", "moretti"). By family name, then first name, then RPPS.
 */
export function professionalsNamed(store: SqlExecutor, name: string, limit: number): Promise<ProfessionalRow[]> {
  return store.query<ProfessionalRow>(
    `WITH q AS (
       SELECT directory_fold($1) AS whole,
              ARRAY(SELECT directory_fold(w) FROM regexp_split_to_table($1, $3) AS w WHERE directory_fold(w) <> '') AS words
     )
     SELECT ${PROFESSIONAL_COLUMNS} FROM professional, q
     WHERE directory_fold(family_name) LIKE q.whole || '%'
        OR NOT EXISTS (
          SELECT 1 FROM unnest(q.words) AS typed(word)
          WHERE NOT EXISTS (
            SELECT 1 FROM regexp_split_to_table(family_name || ' ' || first_name, $3) AS own(word)
            WHERE directory_fold(own.word) LIKE typed.word || '%'
          )
        )
     ORDER BY directory_fold(family_name), directory_fold(first_name), rpps
     LIMIT $2`,
    [name, limit, WORD_BREAK],
  );
}

export function establishmentsByFiness(store: SqlExecutor, finessList: readonly string[]): Promise<EstablishmentRow[]> {
  return store.query<EstablishmentRow>(
    'SELECT finess, name FROM establishment_directory WHERE finess = ANY($1::text[])',
    [finessList],
  );
}

/** Establishments whose folded name holds the folded query anywhere ("timone", "hopital nord"). */
export function establishmentsNamed(store: SqlExecutor, name: string, limit: number): Promise<EstablishmentRow[]> {
  return store.query<EstablishmentRow>(
    `SELECT finess, name FROM establishment_directory, directory_fold($1) AS q(key)
     WHERE directory_fold(name) LIKE '%' || q.key || '%'
     ORDER BY directory_fold(name), finess LIMIT $2`,
    [name, limit],
  );
}

/** The names of members of staff without a card, by establishment and staff id. */
export async function staffNames(
  store: SqlExecutor,
  members: readonly { finess: string; staffId: string }[],
): Promise<{ finess: string; staff_id: string; name: string }[]> {
  return store.query<{ finess: string; staff_id: string; name: string }>(
    `SELECT s.finess, s.staff_id, s.first_name || ' ' || s.family_name AS name
     FROM establishment_staff s JOIN unnest($1::text[], $2::text[]) AS m(finess, staff_id)
       ON m.finess = s.finess AND m.staff_id = s.staff_id`,
    [members.map((m) => m.finess), members.map((m) => m.staffId)],
  );
}

/** The names of the accounts that act (regulators, establishments' channels, representatives, heirs…). */
export function accountNames(
  store: SqlExecutor,
  ids: readonly string[],
): Promise<{ id: string; display_name: string }[]> {
  return store.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM account WHERE id = ANY($1::text[])',
    [ids],
  );
}
