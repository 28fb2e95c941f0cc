import { firstNameParts, phoneticNameKeys } from '../../domain/spoken-name-keys';
import type { SqlStore } from '../../runtime/store/sql-store';

/** Rows per transaction: a registry of millions is written in short transactions, never one long lock. */
const BATCH = 1000;

/**
 * Writes the spoken search's keys (migration 020: phonetic keys of the names, first names by their parts) of the
 * rows created before them, which 020 left empty (migration 021). Idempotent, in batches in INS order, each row
 * visited once per run; what was already written is not touched. Returns how many rows it wrote.
 */
export async function backfillSpokenKeys(store: SqlStore): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const done = await store.transaction(async (tx) => {
      const rows = await tx.query<{
        ins: string;
        birth_name: string;
        used_name: string | null;
        first_name: string;
        given_names: string[];
      }>(
        `SELECT ins, birth_name, used_name, first_name, given_names FROM patient
         WHERE cardinality(first_name_words) = 0 AND ins > $1 ORDER BY ins LIMIT ${BATCH} FOR UPDATE`,
        [after],
      );
      for (const r of rows) {
        const parts = firstNameParts(r.first_name, ...r.given_names);
        await tx.query(
          `UPDATE patient SET phonetic_name_keys = $2, first_name_words = $3, phonetic_first_name_keys = $4
           WHERE ins = $1 AND cardinality(first_name_words) = 0`,
          [r.ins, phoneticNameKeys(r.birth_name, r.used_name), parts.words, parts.phonetic],
        );
      }
      if (rows.length) after = rows[rows.length - 1].ins;
      written += rows.length;
      return rows.length < BATCH;
    });
    if (done) return written;
  }
}
