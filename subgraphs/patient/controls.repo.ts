import { authorisationEnds } from '../../policy/periods';
import type { SqlExecutor } from '../../runtime/store/sql-store';

export type CareRelationKind = 'MEDECIN_TRAITANT' | 'ADMINISTRATOR' | 'AUTHORISED' | 'BLOCKED';

export async function relationsOf(tx: SqlExecutor, ins: string, rpps: string): Promise<Set<CareRelationKind>> {
  const rows = await tx.query<{ relation: CareRelationKind }>(
    'SELECT relation FROM care_relation WHERE patient_ins = $1 AND rpps = $2',
    [ins, rpps],
  );
  return new Set(rows.map((r) => r.relation));
}

export async function addRelation(
  tx: SqlExecutor,
  ins: string,
  rpps: string,
  relation: CareRelationKind,
  now: Date,
  /** The professional who recorded the patient's consent at a consultation; absent when the patient's side gave it. */
  consentRecordedBy: string | null = null,
): Promise<void> {
  // An authorisation lasts a year from now: given again, it is renewed from now, by whoever gave it this time.
  const until = relation === 'AUTHORISED' ? authorisationEnds(now) : null;
  await tx.query(
    `INSERT INTO care_relation (patient_ins, rpps, relation, since, until, consent_recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (patient_ins, rpps, relation) DO UPDATE
       SET since = EXCLUDED.since, until = EXCLUDED.until, consent_recorded_by = EXCLUDED.consent_recorded_by
       WHERE care_relation.until IS NOT NULL`,
    [ins, rpps, relation, now, until, consentRecordedBy],
  );
}

export async function removeRelation(
  tx: SqlExecutor,
  ins: string,
  rpps: string,
  relation: CareRelationKind,
): Promise<void> {
  await tx.query('DELETE FROM care_relation WHERE patient_ins = $1 AND rpps = $2 AND relation = $3', [
    ins,
    rpps,
    relation,
  ]);
}

/** The médecin traitant is one per patient: naming one replaces the previous. */
/** Whether there was a médecin traitant to remove. */
export async function removeMedecinTraitant(tx: SqlExecutor, ins: string): Promise<boolean> {
  const gone = await tx.query(
    `DELETE FROM care_relation WHERE patient_ins = $1 AND relation = 'MEDECIN_TRAITANT' RETURNING rpps`,
    [ins],
  );
  return gone.length > 0;
}

export async function replaceMedecinTraitant(tx: SqlExecutor, ins: string, rpps: string, now: Date): Promise<void> {
  await tx.query(`DELETE FROM care_relation WHERE patient_ins = $1 AND relation = 'MEDECIN_TRAITANT'`, [ins]);
  await addRelation(tx, ins, rpps, 'MEDECIN_TRAITANT', now);
}

/**
 * The patient's decisions on one document, held by the registry and carried to the sources by the grant: a mask
 * (MASQUE_PS) and a minor's secret (INVISIBLE_REPRESENTANTS_LEGAUX, L1111-5). Each is a row, there or not.
 */
const DOCUMENT_DECISIONS = {
  mask: { table: 'document_mask', at: 'masked_at' },
  secret: { table: 'document_secret', at: 'kept_at' },
} as const;

export async function setDocumentDecision(
  tx: SqlExecutor,
  decision: keyof typeof DOCUMENT_DECISIONS,
  ins: string,
  document: { id: string; source: string },
  on: boolean,
  now: Date,
): Promise<void> {
  const { table, at } = DOCUMENT_DECISIONS[decision];
  if (on) {
    await tx.query(
      `INSERT INTO ${table} (patient_ins, document_id, source, ${at}) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [ins, document.id, document.source, now],
    );
  } else {
    await tx.query(`DELETE FROM ${table} WHERE patient_ins = $1 AND document_id = $2`, [ins, document.id]);
  }
  // A mask lifted by hand holds against the patient's default too (policy/default-masking.ts); masked again,
  // the document is the patient's mask alone.
  if (decision === 'mask') await setUnmasked(tx, ins, document, !on, now);
}

async function setUnmasked(
  tx: SqlExecutor,
  ins: string,
  document: { id: string; source: string },
  on: boolean,
  now: Date,
): Promise<void> {
  if (on) {
    await tx.query(
      `INSERT INTO document_unmask (patient_ins, document_id, source, unmasked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [ins, document.id, document.source, now],
    );
  } else {
    await tx.query('DELETE FROM document_unmask WHERE patient_ins = $1 AND document_id = $2', [ins, document.id]);
  }
}

export async function setEmergencyConsents(
  tx: SqlExecutor,
  ins: string,
  consents: { etreat?: boolean | null; btg?: boolean | null; masked?: boolean | null },
): Promise<void> {
  await tx.query(
    `UPDATE patient SET consent_etreat = COALESCE($2, consent_etreat), consent_btg = COALESCE($3, consent_btg), consent_masked = COALESCE($4, consent_masked) WHERE ins = $1`,
    [ins, consents.etreat ?? null, consents.btg ?? null, consents.masked ?? null],
  );
}

export async function setSecondaryUse(tx: SqlExecutor, ins: string, consent: boolean): Promise<void> {
  await tx.query('UPDATE patient SET secondary_use = $2 WHERE ins = $1', [ins, consent]);
}

/** An authorisation of an establishment's care team: a year from now, renewed from now when given again. */
export async function authoriseCareTeam(
  tx: SqlExecutor,
  ins: string,
  finess: string,
  now: Date,
  consentRecordedBy: string | null = null,
): Promise<void> {
  await tx.query(
    `INSERT INTO care_team_authorisation (patient_ins, finess, since, until, consent_recorded_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (patient_ins, finess) DO UPDATE
       SET since = EXCLUDED.since, until = EXCLUDED.until, consent_recorded_by = EXCLUDED.consent_recorded_by`,
    [ins, finess, now, authorisationEnds(now), consentRecordedBy],
  );
}

export async function revokeCareTeam(tx: SqlExecutor, ins: string, finess: string): Promise<void> {
  await tx.query('DELETE FROM care_team_authorisation WHERE patient_ins = $1 AND finess = $2', [ins, finess]);
}
