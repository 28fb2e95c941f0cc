import type { DmpStatus } from '../../policy/decide';
import type { SqlExecutor } from '../../runtime/store/sql-store';

export interface TraitQuery {
  birthDate: string;
  name: string | null;
  firstName: string | null;
  sex: 'F' | 'M' | null;
  birthplaceCode: string | null;
  limit: number;
}

export interface CandidateRow {
  ins: string;
  birth_name: string;
  used_name: string | null;
  first_name: string;
  given_names: string[];
  sex: 'F' | 'M';
  birth_date: string | Date;
  birthplace_code: string;
  identity_status: string;
  dmp_status: DmpStatus;
  consent_etreat: boolean;
  score: number;
}

/**
 * Candidates for spoken traits, best first. The birth date is an equality on its index; names match any of
 * the stored keys by prefix (an exact key scores higher); sex, when given, must agree; birthplace only ranks.
 */
export function findCandidates(store: SqlExecutor, q: TraitQuery): Promise<CandidateRow[]> {
  const params: unknown[] = [q.birthDate];
  const add = (v: unknown) => `$${params.push(v)}`;
  const where = ['birth_date = $1', "dmp_status <> 'DELETED'"];
  const score: string[] = [];
  if (q.name) {
    const key = add(q.name);
    where.push(`EXISTS (SELECT 1 FROM unnest(name_keys) k WHERE left(k, length(${key})) = ${key})`);
    score.push(`CASE WHEN ${key} = ANY(name_keys) THEN 4 ELSE 2 END`);
  }
  if (q.firstName) {
    const key = add(q.firstName);
    where.push(`EXISTS (SELECT 1 FROM unnest(first_name_keys) k WHERE left(k, length(${key})) = ${key})`);
    score.push(`CASE WHEN ${key} = ANY(first_name_keys) THEN 3 ELSE 1 END`);
  }
  if (q.sex) where.push(`sex = ${add(q.sex)}`);
  if (q.birthplaceCode) score.push(`CASE WHEN birthplace_code = ${add(q.birthplaceCode)} THEN 1 ELSE 0 END`);
  return store.query<CandidateRow>(
    `SELECT ins, birth_name, used_name, first_name, given_names, sex, birth_date, birthplace_code, identity_status, dmp_status, consent_etreat,
            (${score.length ? score.join(' + ') : '0'}) AS score
     FROM patient WHERE ${where.join(' AND ')}
     ORDER BY score DESC, birth_name, first_name, ins LIMIT ${add(q.limit)}`,
    params,
  );
}
