import type { SqlExecutor } from '../../runtime/store/sql-store';
import { patientKeys, pseudonym } from '../../audit/patient-keys';
import { withheldFor } from '../../audit/trace-repo';
import type { PatientSide } from '../../audit/trace';

/** Who acted for an establishment on a record, and when last: from the access history. */
export interface AccessorRow {
  patient_ins: string;
  actor_id: string;
  last_at: Date;
}

/**
 * The professionals and establishments' channels whose access to these records was allowed, each with its last
 * instant, grouped in SQL. Read for `side` as the patient's side reads its history: an access that touched only
 * what is hidden from that side (R1111-53, a minor's secret) is not there (audit/trace-repo.ts, withheldFor).
 */
export async function accessorsOf(
  audit: SqlExecutor,
  insList: readonly string[],
  side: PatientSide | null,
): Promise<AccessorRow[]> {
  const keys = await patientKeys(audit, insList, { create: false });
  // A patient's traces name them by pseudonym, or by INS (those written before pseudonyms).
  const pairs = insList.flatMap((ins) => {
    const key = keys.get(ins);
    return key
      ? [
          [ins, ins],
          [ins, pseudonym(key, ins)],
        ]
      : [[ins, ins]];
  });
  const params: unknown[] = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  const add = (v: unknown) => `$${params.push(v)}`;
  const hidden = side
    ? `AND NOT ${withheldFor(side, { requestId: 't.request_id', patientRefs: 't.patient_ref', touched: 't.touched' }, add)}`
    : '';
  return audit.query<AccessorRow>(
    `SELECT r.ins AS patient_ins, t.actor_id, max(t.at) AS last_at
     FROM unnest($1::text[], $2::text[]) AS r(ins, ref)
     JOIN access_trace t ON t.patient_ref = r.ref
     WHERE t.outcome = 'allowed' AND t.actor_kind IN ('professional', 'establishment') ${hidden}
     GROUP BY r.ins, t.actor_id`,
    params,
  );
}

export interface RecordEstablishmentRow {
  patient_ins: string;
  finess: string;
  name: string;
  links: string[];
  blocked_since: Date | null;
  care_team_until: Date | null;
  last_access_at: Date | null;
}

/**
 * The establishments each record is linked to, from the directory and the history's accessors: where someone
 * acting for it accessed (a member of staff by the establishment in their id, a professional by where the
 * directory places them, a channel by its account), whose care team holds an authorisation in force, where a
 * professional the patient gave access to works, and those the patient blocked. Most recent access first.
 */
export function findRecordEstablishments(
  store: SqlExecutor,
  insList: readonly string[],
  accessors: readonly AccessorRow[],
  now: Date,
): Promise<RecordEstablishmentRow[]> {
  return store.query<RecordEstablishmentRow>(
    `WITH accessed AS (
       SELECT a.patient_ins,
              COALESCE(CASE WHEN a.actor_id LIKE 'staff:%' THEN split_part(a.actor_id, ':', 2) END,
                       m.establishment_finess, acc.attributes->>'finess') AS finess,
              max(a.last_at) AS last_at
       FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS a(patient_ins, actor_id, last_at)
       LEFT JOIN professional m ON a.actor_id = 'ps:' || m.rpps
       LEFT JOIN account acc ON acc.id = a.actor_id AND acc.kind = 'establishment'
       GROUP BY 1, 2
     ),
     linked AS (
       SELECT patient_ins, finess, 'ACCESSED' AS link FROM accessed WHERE finess IS NOT NULL
       UNION SELECT patient_ins, finess, 'CARE_TEAM_AUTHORISED' FROM care_team_authorisation
         WHERE patient_ins = ANY($1::text[]) AND until > $5
       UNION SELECT r.patient_ins, m.establishment_finess, 'PROFESSIONAL_OF_CARE'
         FROM care_relation r JOIN professional m ON m.rpps = r.rpps
         WHERE r.patient_ins = ANY($1::text[]) AND m.establishment_finess IS NOT NULL
           AND r.relation IN ('MEDECIN_TRAITANT', 'ADMINISTRATOR', 'AUTHORISED') AND (r.until IS NULL OR r.until > $5)
       UNION SELECT patient_ins, finess, 'BLOCKED' FROM establishment_block WHERE patient_ins = ANY($1::text[])
     )
     SELECT l.patient_ins, l.finess, COALESCE(e.name, l.finess) AS name,
            array_agg(l.link ORDER BY l.link) AS links,
            b.since AS blocked_since, c.until AS care_team_until, x.last_at AS last_access_at
     FROM linked l
     LEFT JOIN establishment_directory e ON e.finess = l.finess
     LEFT JOIN establishment_block b ON b.patient_ins = l.patient_ins AND b.finess = l.finess
     LEFT JOIN care_team_authorisation c ON c.patient_ins = l.patient_ins AND c.finess = l.finess AND c.until > $5
     LEFT JOIN accessed x ON x.patient_ins = l.patient_ins AND x.finess = l.finess
     GROUP BY l.patient_ins, l.finess, e.name, b.since, c.until, x.last_at
     ORDER BY l.patient_ins, x.last_at DESC NULLS LAST, name, l.finess`,
    [
      insList,
      accessors.map((a) => a.patient_ins),
      accessors.map((a) => a.actor_id),
      accessors.map((a) => a.last_at),
      now,
    ],
  );
}
