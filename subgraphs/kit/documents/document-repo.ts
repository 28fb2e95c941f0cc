import type { SqlStore } from '../../../runtime/store/sql-store';
import { quoteIdent } from '../../../runtime/store/sql-store';
import type { HabilitationMatrix } from '../../../policy/matrix';
import { maskedCondition, secretCondition, visibleDocumentsCondition } from '../../../policy/document-filter';
import type { AccessGrant } from '../../../policy/grant';
import { DOCUMENT_TYPES, type DmpSpace, type TypeCode, type VisibilityLabel } from '../../../domain/codes';
import type { Position } from '../../../runtime/graphql/connection';
import type { AuthorKind, DocumentAuthor } from './document.type';
import { groupByPatient } from './rows-by-patient';

/** Columns every source's document table has (migrations repeat them: each subgraph owns its tables). */
export const DOCUMENT_COLUMNS = [
  'id',
  'patient_ins',
  'type_code',
  'class_code',
  'space',
  'title',
  'author_kind',
  'author_id',
  'author_name',
  'author_profession',
  'author_specialty',
  'establishment_finess',
  'establishment_name',
  'effective_at',
  'deposited_at',
  'visibility',
] as const;

export interface DocumentRow {
  id: string;
  patient_ins: string;
  type_code: string;
  class_code: string;
  space: string;
  title: string;
  author_kind: string;
  author_id: string | null;
  author_name: string | null;
  author_profession: string | null;
  author_specialty: string | null;
  establishment_finess: string | null;
  establishment_name: string | null;
  effective_at: Date;
  deposited_at: Date;
  visibility: string[];
  /** The patient masked this document or another version of it (policy/document-filter.ts). */
  masked?: boolean;
  /** The minor keeps this document (or another version of it) secret from their representatives. */
  secret?: boolean;
  [column: string]: unknown;
}

export interface DocumentFilterValue {
  spaces?: DmpSpace[] | null;
  typeCodes?: string[] | null;
  from?: Date | null;
  to?: Date | null;
  authorKinds?: string[] | null;
  /** A professional author, by RPPS: applied beside the visibility condition, never instead of it. */
  authorRpps?: string | null;
  ids?: string[] | null;
}

/**
 * A condition always applied: the source's retention window (what it keeps and shows), judged at the
 * request's instant. `add` appends a parameter and returns its placeholder.
 */
export type RetentionCondition = (now: Date, add: (value: unknown) => string) => string;

export interface DocumentTable {
  table: string;
  retention?: RetentionCondition;
}

/** One list request: who may see what (grant), which rows (filter), which page. */
export interface DocumentQuery {
  grant: AccessGrant;
  filter: DocumentFilterValue;
  size: number;
  after: Position | null;
  now: Date;
}

/** Reads a source's documents: only the rows a grant allows ever leave the database. */
export function createDocumentRepo(store: SqlStore, matrix: HabilitationMatrix, table: DocumentTable) {
  const name = quoteIdent(table.table);

  /** WHERE clause for patients `insList` under one grant shape and one filter. */
  function where(insList: string[], query: Omit<DocumentQuery, 'size' | 'after'>, params: unknown[]): string {
    const add = (value: unknown) => `$${params.push(value)}`;
    // A replaced version leaves every list; it stays readable as its successor's history.
    const parts = [
      `patient_ins = ANY(${add(insList)}::text[])`,
      'superseded_by IS NULL',
      visibleDocumentsCondition(query.grant, matrix, params, query.now, name),
    ];
    if (table.retention) parts.push(table.retention(query.now, add));
    const { spaces, typeCodes, from, to, authorKinds, authorRpps, ids } = query.filter;
    if (authorKinds?.length) parts.push(`author_kind = ANY(${add(authorKinds)}::text[])`);
    if (authorRpps) parts.push(`author_kind = 'PROFESSIONAL' AND author_id = ${add(authorRpps)}`);
    if (ids?.length) parts.push(`id = ANY(${add(ids)}::text[])`);
    if (spaces?.length) parts.push(`space = ANY(${add(spaces)}::text[])`);
    if (typeCodes?.length) parts.push(`type_code = ANY(${add(typeCodes)}::text[])`);
    if (from) parts.push(`effective_at >= ${add(from)}`);
    if (to) parts.push(`effective_at < ${add(to)}`);
    return parts.join(' AND ');
  }

  return {
    /** Newest first; size + 1 rows per patient so the caller knows whether another page follows. */
    async pages(insList: string[], query: DocumentQuery): Promise<Map<string, DocumentRow[]>> {
      const params: unknown[] = [];
      let condition = where(insList, query, params);
      if (query.after)
        condition += ` AND (effective_at, id) < ($${params.push(query.after.at)}::timestamptz, $${params.push(query.after.id)})`;
      const masked = maskedCondition(query.grant, params, name);
      const secret = secretCondition(query.grant, params, name);
      const rows = await store.query<DocumentRow>(
        `SELECT * FROM (
           SELECT t.*, (${masked}) AS masked, (${secret}) AS secret,
             row_number() OVER (PARTITION BY patient_ins ORDER BY effective_at DESC, id DESC) AS page_rank
           FROM ${name} t WHERE ${condition}
         ) ranked WHERE page_rank <= $${params.push(query.size + 1)}
         ORDER BY patient_ins, effective_at DESC, id DESC`,
        params,
      );
      return groupByPatient(insList, rows);
    },

    async counts(insList: string[], query: Omit<DocumentQuery, 'size' | 'after'>): Promise<Map<string, number>> {
      const params: unknown[] = [];
      const rows = await store.query<{ patient_ins: string; n: number }>(
        `SELECT patient_ins, count(*)::int AS n FROM ${name} WHERE ${where(insList, query, params)} GROUP BY patient_ins`,
        params,
      );
      return new Map(insList.map((ins) => [ins, rows.find((r) => r.patient_ins === ins)?.n ?? 0]));
    },

    /** Earlier versions of these documents (by lineage), newest first, as the grant lets them be seen. */
    async history(grant: AccessGrant, lineages: string[], now: Date): Promise<Map<string, DocumentRow[]>> {
      const params: unknown[] = [grant.ins, lineages];
      const add = (value: unknown) => `$${params.push(value)}`;
      const parts = [
        'patient_ins = $1',
        'COALESCE(lineage_id, id) = ANY($2::text[])',
        'superseded_by IS NOT NULL',
        visibleDocumentsCondition(grant, matrix, params, now, name),
      ];
      if (table.retention) parts.push(table.retention(now, add));
      const rows = await store.query<DocumentRow>(
        `SELECT *, (${maskedCondition(grant, params, name)}) AS masked, (${secretCondition(grant, params, name)}) AS secret FROM ${name} WHERE ${parts.join(' AND ')} ORDER BY version DESC`,
        params,
      );
      const byLineage = new Map<string, DocumentRow[]>(lineages.map((l) => [l, []]));
      for (const row of rows) byLineage.get((row.lineage_id as string | null) ?? row.id)?.push(row);
      return byLineage;
    },
  };
}

export type DocumentRepo = ReturnType<typeof createDocumentRepo>;

/** A `date` column as `YYYY-MM-DD` (pg returns Date objects, PGlite strings or Dates). */
export const localDate = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString().slice(0, 10) : (value as string | null);

/** The metadata part of a row, as the GraphQL document types expose it. */
export function documentMetadata(row: DocumentRow) {
  const author: DocumentAuthor = {
    kind: row.author_kind as AuthorKind,
    id: row.author_id,
    name: row.author_name,
    professionCode: row.author_profession,
    specialtyCode: row.author_specialty,
    establishmentFiness: row.establishment_finess,
    establishmentName: row.establishment_name,
  };
  return {
    id: row.id,
    version: (row.version as number | undefined) ?? 1,
    /** Not a GraphQL field: the first version's id, shared by all versions of a document. */
    lineageId: (row.lineage_id as string | null | undefined) ?? row.id,
    typeCode: row.type_code,
    typeDisplay: DOCUMENT_TYPES.get(row.type_code as TypeCode)?.display ?? row.type_code,
    classCode: row.class_code,
    space: row.space as DmpSpace,
    title: row.title,
    author,
    effectiveAt: row.effective_at,
    depositedAt: row.deposited_at,
    visibility: row.visibility as VisibilityLabel[],
  };
}
