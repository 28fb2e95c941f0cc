import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { CareRole } from '../../domain/care-roles';
import type { ProfessionalRow } from './directory.repo';

export interface CareRoleRow extends ProfessionalRow {
  patient_ins: string;
  role: CareRole;
  since: Date;
}

/** The roles given on these records, with each holder as the directory holds them. */
export function findCareRoles(store: SqlExecutor, insList: readonly string[]): Promise<CareRoleRow[]> {
  return store.query<CareRoleRow>(
    `SELECT c.patient_ins, c.role, c.since, p.rpps, p.family_name, p.first_name, p.profession_code, p.specialty_code, p.establishment_finess, p.establishment_name
     FROM care_role c JOIN professional p ON p.rpps = c.rpps
     WHERE c.patient_ins = ANY($1::text[]) ORDER BY c.patient_ins, c.role`,
    [insList],
  );
}

/** One holder per role: naming one replaces the previous, from now. */
export async function setCareRole(
  tx: SqlExecutor,
  ins: string,
  role: CareRole,
  rpps: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO care_role (patient_ins, role, rpps, since) VALUES ($1, $2, $3, $4)
     ON CONFLICT (patient_ins, role) DO UPDATE SET rpps = EXCLUDED.rpps, since = EXCLUDED.since
       WHERE care_role.rpps <> EXCLUDED.rpps`,
    [ins, role, rpps, now],
  );
}

/** Whether there was a holder to remove. */
export async function removeCareRole(tx: SqlExecutor, ins: string, role: CareRole): Promise<boolean> {
  const gone = await tx.query('DELETE FROM care_role WHERE patient_ins = $1 AND role = $2 RETURNING rpps', [ins, role]);
  return gone.length > 0;
}

export async function isEstablishmentBlocked(tx: SqlExecutor, ins: string, finess: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM establishment_block WHERE patient_ins = $1 AND finess = $2', [
    ins,
    finess,
  ]);
  return rows.length > 0;
}

/** Blocked from now; blocking again keeps the first instant. */
export async function blockEstablishment(tx: SqlExecutor, ins: string, finess: string, now: Date): Promise<void> {
  await tx.query(
    'INSERT INTO establishment_block (patient_ins, finess, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [ins, finess, now],
  );
}

export async function unblockEstablishment(tx: SqlExecutor, ins: string, finess: string): Promise<void> {
  await tx.query('DELETE FROM establishment_block WHERE patient_ins = $1 AND finess = $2', [ins, finess]);
}
