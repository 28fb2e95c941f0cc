import type { HabilitationMatrix } from './matrix';
import { readableTypes } from './matrix';
import type { AccessGrant } from './grant';
import type { TypeCode } from '../domain/codes';
import { revealCutoff } from './periods';

/**
 * The SQL condition that keeps only the documents a grant lets its holder see. Every source table shares the
 * document columns (type_code, visibility, author_id, deposited_at), so this one builder serves all sources.
 * Parameters are appended to `params`; the returned text refers to them by position. `now` is the request's
 * instant (the one clock), never the database's.
 */
export function visibleDocumentsCondition(
  grant: AccessGrant,
  matrix: HabilitationMatrix,
  params: unknown[],
  now: Date,
  /** The source's table, quoted: a mask follows the document's lineage, found there. */
  table: string,
): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions: string[] = [];
  if (grant.matrixProfession !== null)
    conditions.push(`type_code = ANY(${add(readableTypes(matrix, grant.matrixProfession))}::text[])`);
  if (grant.typeCodes) conditions.push(`type_code = ANY(${add(grant.typeCodes)}::text[])`);
  const alwaysHidden = grant.hiddenLabels.filter((label) => label !== 'INVISIBLE_PATIENT');
  if (alwaysHidden.length > 0) conditions.push(`NOT (visibility && ${add(alwaysHidden)}::text[])`);
  // L1111-5: what the minor chose to keep secret after deposit is hidden as if deposited with the label.
  const secret = grant.hiddenLabels.includes('INVISIBLE_REPRESENTANTS_LEGAUX')
    ? secretCondition(grant, params, table)
    : 'FALSE';
  if (secret !== 'FALSE') conditions.push(`NOT (${secret})`);
  if (grant.hiddenLabels.includes('INVISIBLE_PATIENT')) {
    // R1111-53: hidden until the consultation d'annonce, and shown by itself one month after deposit.
    conditions.push(
      `NOT ('INVISIBLE_PATIENT' = ANY(visibility) AND deposited_at > ${add(revealCutoff(now))}::timestamptz)`,
    );
  }
  const masked = grant.maskedVisible ? 'FALSE' : maskedCondition(grant, params, table);
  if (masked !== 'FALSE') {
    // Masking hides from professionals except the document's own author; it is not deletion.
    const notMasked = `NOT (${masked})`;
    conditions.push(grant.authorId === null ? notMasked : `(${notMasked} OR author_id = ${add(grant.authorId)})`);
  }
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/**
 * The SQL condition true for a document the patient masked (MASQUE_PS), 'FALSE' when they masked none. A mask
 * follows the document across its versions: a row is masked when any version of its lineage was masked, so
 * the author's new version of a masked document is masked too.
 */
export function maskedCondition(grant: AccessGrant, params: unknown[], table: string): string {
  const conditions = [
    inLineageOf(grant.maskedDocumentIds ?? [], params, table),
    maskedByDefaultCondition(grant, params, table),
  ].filter((c) => c !== 'FALSE');
  return conditions.length === 0 ? 'FALSE' : `(${conditions.join(' OR ')})`;
}

/**
 * True for a document whose lineage has a version deposited by another than the patient's side while the patient
 * masked new documents by default
 * (policy/default-masking.ts), unless the patient unmasked it since: masked from the instant of its deposit,
 * whatever the source or the writer, as the patient's own mask is. The derived table renames the columns it
 * reads so that the unqualified ones name the row being judged, whatever the caller calls its table.
 */
function maskedByDefaultCondition(grant: AccessGrant, params: unknown[], table: string): string {
  const periods = grant.maskedByDefault ?? [];
  if (periods.length === 0) return 'FALSE';
  const add = (value: unknown) => `$${params.push(value)}`;
  const during = periods
    .map((p) =>
      p.until === null
        ? `v.deposited >= ${add(p.from)}::timestamptz`
        : `(v.deposited >= ${add(p.from)}::timestamptz AND v.deposited < ${add(p.until)}::timestamptz)`,
    )
    .join(' OR ');
  // What the patient's side writes itself is theirs to mask as they write it: the default is for what others bring.
  const deposited = `EXISTS (SELECT 1 FROM (SELECT s.patient_ins AS owner, COALESCE(s.lineage_id, s.id) AS lineage, s.deposited_at AS deposited, s.author_kind AS writer FROM ${table} s) v
     WHERE v.owner = patient_ins AND v.lineage = COALESCE(lineage_id, id) AND v.writer <> 'PATIENT' AND (${during}))`;
  const unmasked = inLineageOf(grant.unmaskedDocumentIds ?? [], params, table);
  return unmasked === 'FALSE' ? deposited : `(${deposited} AND NOT (${unmasked}))`;
}

/**
 * The SQL condition true for a document the minor keeps secret from their representatives after its deposit
 * (the registry's decision, L1111-5), 'FALSE' when there is none. It follows the lineage as a mask does.
 */
export function secretCondition(grant: AccessGrant, params: unknown[], table: string): string {
  return inLineageOf(grant.secretDocumentIds ?? [], params, table);
}

function inLineageOf(ids: string[], params: unknown[], table: string): string {
  if (ids.length === 0) return 'FALSE';
  return `COALESCE(lineage_id, id) IN (SELECT COALESCE(m.lineage_id, m.id) FROM ${table} m WHERE m.id = ANY($${params.push(ids)}::text[]))`;
}

/** Whether a grant lets its holder read documents of this type (for data a source holds outside document rows). */
export function grantAllowsType(grant: AccessGrant, matrix: HabilitationMatrix, typeCode: TypeCode): boolean {
  if (grant.typeCodes && !grant.typeCodes.includes(typeCode)) return false;
  return grant.matrixProfession === null || (matrix.readable.get(grant.matrixProfession)?.has(typeCode) ?? false);
}
