import type { SqlExecutor } from '../../runtime/store/sql-store';
import { INS_OIDS } from '../../domain/ins';
import { nameKeys } from '../../domain/name-keys';
import { firstNameParts, phoneticNameKeys } from '../../domain/spoken-name-keys';
import type { Actor } from '../../domain/actor';
import type { PermitAuthor } from '../../policy/write-permit';
import type { PatientRow } from './patient.repo';
import { professionalsByRpps } from './directory.repo';
import type { ConsentCollector } from '../../policy/lifecycle';

export interface NewRecord {
  ins: string;
  insKind: keyof typeof INS_OIDS;
  birthName: string;
  usedName: string | null;
  firstName: string;
  givenNames: string[];
  sex: 'F' | 'M';
  birthDate: string;
  birthplaceCode: string;
  consents: { etreat: boolean; btg: boolean; masked: boolean };
  collectedBy: ConsentCollector;
  collectedById: string;
  residence: { departement: string; region: string };
}

export async function recordExists(tx: SqlExecutor, ins: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM patient WHERE ins = $1', [ins])).length > 0;
}

export async function insertRecord(tx: SqlExecutor, r: NewRecord, now: Date): Promise<void> {
  const firstNames = firstNameParts(r.firstName, ...r.givenNames);
  await tx.query(
    `INSERT INTO patient (ins, ins_oid, birth_name, used_name, first_name, given_names, sex, birth_date, birthplace_code, identity_status,
       dmp_status, dmp_created_at, consent_etreat, consent_btg, consent_masked, consent_collected_by, consent_collected_by_id, name_keys, first_name_keys,
       residence_departement, residence_region, phonetic_name_keys, first_name_words, phonetic_first_name_keys)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'QUAL', 'ACTIVE', $19, $10, $11, $12, $13, $14, $15, $16, $17, $18, $20, $21, $22)`,
    [
      r.ins,
      INS_OIDS[r.insKind],
      r.birthName,
      r.usedName,
      r.firstName,
      r.givenNames,
      r.sex,
      r.birthDate,
      r.birthplaceCode,
      r.consents.etreat,
      r.consents.btg,
      r.consents.masked,
      r.collectedBy,
      r.collectedById,
      nameKeys(r.birthName, r.usedName),
      nameKeys(r.firstName, ...r.givenNames),
      r.residence.departement,
      r.residence.region,
      now,
      // The spoken search's keys (migration 020).
      phoneticNameKeys(r.birthName, r.usedName),
      firstNames.words,
      firstNames.phonetic,
    ],
  );
}

export async function setStatus(
  tx: SqlExecutor,
  ins: string,
  status: 'ACTIVE' | 'CLOSED' | 'DELETED',
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE patient SET dmp_status = $2, dmp_closed_at = CASE WHEN $2 = 'ACTIVE' THEN NULL ELSE COALESCE(dmp_closed_at, $3) END WHERE ins = $1`,
    [ins, status, now],
  );
}

export async function recordDeath(tx: SqlExecutor, ins: string, deceasedOn: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE patient SET deceased_on = $2, dmp_status = 'CLOSED', dmp_closed_at = COALESCE(dmp_closed_at, $3) WHERE ins = $1`,
    [ins, deceasedOn, now],
  );
  // Nobody breaks the glass on a closed record.
  await tx.query('DELETE FROM emergency_grant WHERE patient_ins = $1', [ins]);
}

export async function setHeirsObjection(tx: SqlExecutor, ins: string, objects: boolean): Promise<void> {
  await tx.query('UPDATE patient SET heirs_objection = $2 WHERE ins = $1', [ins, objects]);
}

export async function heirAccountExists(tx: SqlExecutor, accountId: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM account WHERE id = $1 AND kind = 'heir'`, [accountId])).length > 0;
}

export async function addHeir(
  tx: SqlExecutor,
  ins: string,
  accountId: string,
  relation: string,
  now: Date,
): Promise<void> {
  await tx.query(
    'INSERT INTO heir (patient_ins, account_id, relation, since) VALUES ($1, $2, $3, $4) ON CONFLICT (patient_ins, account_id) DO UPDATE SET relation = EXCLUDED.relation',
    [ins, accountId, relation, now],
  );
}

export async function addPendingPurges(
  tx: SqlExecutor,
  ins: string,
  sources: readonly string[],
  now: Date,
): Promise<void> {
  await tx.query(
    'INSERT INTO pending_purge (patient_ins, source, requested_at) SELECT $1, s, $3 FROM unnest($2::text[]) AS s ON CONFLICT DO NOTHING',
    [ins, sources, now],
  );
}

export async function pendingPurges(tx: SqlExecutor, ins?: string): Promise<{ patient_ins: string; source: string }[]> {
  return ins
    ? tx.query('SELECT patient_ins, source FROM pending_purge WHERE patient_ins = $1 ORDER BY source', [ins])
    : tx.query('SELECT patient_ins, source FROM pending_purge ORDER BY patient_ins, source');
}

/**
 * Every deletion not yet carried to its end: a source still pending, or the registry's own rows, which go last
 * (a patient row marked DELETED exists only until its purge is done and traced).
 */
export async function unfinishedDeletions(tx: SqlExecutor): Promise<string[]> {
  const rows = await tx.query<{ ins: string }>(
    `SELECT patient_ins AS ins FROM pending_purge UNION SELECT ins FROM patient WHERE dmp_status = 'DELETED' ORDER BY ins`,
  );
  return rows.map((r) => r.ins);
}

export async function purgeDone(tx: SqlExecutor, ins: string, source: string): Promise<void> {
  await tx.query('DELETE FROM pending_purge WHERE patient_ins = $1 AND source = $2', [ins, source]);
}

/** The writer as a document's metadata names it, from the registry's own directory. */
export async function authorOf(tx: SqlExecutor, actor: Actor, patient: PatientRow): Promise<PermitAuthor> {
  const none = { profession: null, specialty: null, establishmentFiness: null, establishmentName: null };
  switch (actor.kind) {
    case 'professional': {
      const [p] = await professionalsByRpps(tx, [actor.rpps]);
      const title = actor.profession === '10' || actor.profession === '40' ? 'Dr ' : '';
      return {
        kind: 'PROFESSIONAL',
        id: actor.rpps,
        name: p ? `${title}${p.first_name} ${p.family_name}` : null,
        profession: actor.profession,
        specialty: actor.specialty,
        establishmentFiness: p?.establishment_finess ?? actor.finess,
        establishmentName: p?.establishment_name ?? null,
      };
    }
    case 'establishment': {
      const [a] = await tx.query<{ display_name: string }>('SELECT display_name FROM account WHERE id = $1', [
        actor.id,
      ]);
      return {
        kind: 'ESTABLISHMENT',
        id: actor.finess,
        name: a?.display_name ?? null,
        profession: null,
        specialty: null,
        establishmentFiness: actor.finess,
        establishmentName: a?.display_name ?? null,
      };
    }
    case 'assurance_maladie_feed':
      return { kind: 'ALIM_AM', id: 'ALIM_AM', name: 'Assurance maladie', ...none };
    default:
      return {
        kind: 'PATIENT',
        id: patient.ins,
        name: `${patient.first_name} ${patient.used_name ?? patient.birth_name}`,
        ...none,
      };
  }
}
