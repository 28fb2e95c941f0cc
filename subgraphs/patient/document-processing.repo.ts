import type { SqlExecutor } from '../../runtime/store/sql-store';

export interface ProcessingConsentRow {
  patient_ins: string;
  granted: boolean;
  decided_at: Date;
}

/** The decisions in force of several patients at once (one query per request, by the loader). */
export async function processingConsentsOf(
  db: SqlExecutor,
  insList: readonly string[],
): Promise<ProcessingConsentRow[]> {
  return db.query<ProcessingConsentRow>(
    'SELECT patient_ins, granted, decided_at FROM document_processing_consent WHERE patient_ins = ANY($1::text[])',
    [insList],
  );
}

/**
 * Records the decision at the request's instant (the one clock). The same decision again keeps its first date:
 * the consent in force dates from when it was given, not from when it was confirmed.
 */
export async function setProcessingConsent(tx: SqlExecutor, ins: string, granted: boolean, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO document_processing_consent (patient_ins, granted, decided_at) VALUES ($1, $2, $3)
     ON CONFLICT (patient_ins) DO UPDATE SET granted = EXCLUDED.granted, decided_at = EXCLUDED.decided_at
     WHERE document_processing_consent.granted IS DISTINCT FROM EXCLUDED.granted`,
    [ins, granted, now],
  );
}
