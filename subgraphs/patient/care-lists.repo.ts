import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { CareRole } from '../../domain/care-roles';
import type { ProfessionalRow } from './directory.repo';

export interface ListedProfessionalRow extends ProfessionalRow {
  patient_ins: string;
  since: Date;
  /** The role the patient gave them, if any (care_role). */
  role: CareRole | null;
  /** They are the médecin traitant the patient named on the DMP (care_relation). */
  medecin_traitant: boolean;
}

export interface ListedEstablishmentRow {
  patient_ins: string;
  finess: string;
  name: string;
  since: Date;
}

/** The professionals kept in these records' lists, as the directory holds them, with any role given. */
export function findListedProfessionals(
  store: SqlExecutor,
  insList: readonly string[],
): Promise<ListedProfessionalRow[]> {
  return store.query<ListedProfessionalRow>(
    `SELECT l.patient_ins, l.since, p.rpps, p.family_name, p.first_name, p.profession_code, p.specialty_code,
            p.establishment_finess, p.establishment_name,
            (SELECT min(c.role) FROM care_role c WHERE c.patient_ins = l.patient_ins AND c.rpps = l.rpps) AS role,
            EXISTS (SELECT 1 FROM care_relation r WHERE r.patient_ins = l.patient_ins AND r.rpps = l.rpps
                    AND r.relation = 'MEDECIN_TRAITANT') AS medecin_traitant
     FROM listed_professional l JOIN professional p ON p.rpps = l.rpps
     WHERE l.patient_ins = ANY($1::text[]) ORDER BY l.patient_ins, p.family_name, p.first_name, p.rpps`,
    [insList],
  );
}

/** Whether it was added: false if already listed. */
export async function addListedProfessional(tx: SqlExecutor, ins: string, rpps: string, now: Date): Promise<boolean> {
  const added = await tx.query(
    'INSERT INTO listed_professional (patient_ins, rpps, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING rpps',
    [ins, rpps, now],
  );
  return added.length > 0;
}

/** Whether there was an entry to remove. */
export async function removeListedProfessional(tx: SqlExecutor, ins: string, rpps: string): Promise<boolean> {
  const gone = await tx.query('DELETE FROM listed_professional WHERE patient_ins = $1 AND rpps = $2 RETURNING rpps', [
    ins,
    rpps,
  ]);
  return gone.length > 0;
}

/** The establishments kept in these records' lists, as the directory holds them. */
export function findListedEstablishments(
  store: SqlExecutor,
  insList: readonly string[],
): Promise<ListedEstablishmentRow[]> {
  return store.query<ListedEstablishmentRow>(
    `SELECT l.patient_ins, l.finess, e.name, l.since
     FROM listed_establishment l JOIN establishment_directory e ON e.finess = l.finess
     WHERE l.patient_ins = ANY($1::text[]) ORDER BY l.patient_ins, e.name, l.finess`,
    [insList],
  );
}

/** Whether it was added: false if already listed. */
export async function addListedEstablishment(
  tx: SqlExecutor,
  ins: string,
  finess: string,
  now: Date,
): Promise<boolean> {
  const added = await tx.query(
    'INSERT INTO listed_establishment (patient_ins, finess, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING finess',
    [ins, finess, now],
  );
  return added.length > 0;
}

/** Whether there was an entry to remove. */
export async function removeListedEstablishment(tx: SqlExecutor, ins: string, finess: string): Promise<boolean> {
  const gone = await tx.query(
    'DELETE FROM listed_establishment WHERE patient_ins = $1 AND finess = $2 RETURNING finess',
    [ins, finess],
  );
  return gone.length > 0;
}
