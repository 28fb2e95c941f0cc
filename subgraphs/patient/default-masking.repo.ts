import type { SqlExecutor } from '../../runtime/store/sql-store';
import { maskingChange, maskingPeriodsOf, type MaskingPeriod } from '../../policy/default-masking';

/** The spans of masking by default of one patient, oldest first (under the caller's lock on the patient row). */
async function periodsOf(tx: SqlExecutor, ins: string): Promise<MaskingPeriod[]> {
  const rows = await tx.query<{ from: Date | string; until: Date | string | null }>(
    'SELECT since AS "from", until FROM document_masking_default WHERE patient_ins = $1 ORDER BY since',
    [ins],
  );
  return maskingPeriodsOf(rows);
}

/**
 * Sets the patient's default from `now` (the request's instant, the one clock): a span opens, or the open one
 * closes. A span is never rewritten once closed: what was deposited within it was masked at its deposit.
 */
export async function setMaskingDefault(tx: SqlExecutor, ins: string, masked: boolean, now: Date): Promise<void> {
  switch (maskingChange(await periodsOf(tx, ins), masked, now)) {
    case 'open':
      // A span that ended at this very instant is taken up again rather than duplicated.
      await tx.query(
        `INSERT INTO document_masking_default (patient_ins, since, until) VALUES ($1, $2, NULL)
         ON CONFLICT (patient_ins, since) DO UPDATE SET until = NULL`,
        [ins, now],
      );
      return;
    case 'close':
      await tx.query('UPDATE document_masking_default SET until = $2 WHERE patient_ins = $1 AND until IS NULL', [
        ins,
        now,
      ]);
      return;
    case 'drop':
      await tx.query('DELETE FROM document_masking_default WHERE patient_ins = $1 AND until IS NULL', [ins]);
      return;
    case 'none':
      return;
  }
}
