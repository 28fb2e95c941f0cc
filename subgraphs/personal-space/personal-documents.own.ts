import { idArgument, insArgument } from '../../runtime/arguments';
import { badInput, forbidden } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import type { AccessGrant } from '../../policy/grant';
import type { WritePermit } from '../../policy/write-permit';
import { maskedCondition, secretCondition, visibleDocumentsCondition } from '../../policy/document-filter';
import { permitFor } from '../kit/documents/deposit';
import { callPeer } from '../kit/peer-call';
import { registryGrant } from '../kit/enforce/registry-grant';
import { carry } from '../kit/enforce/grant-carrier';
import { documentMetadata, type DocumentRow } from '../kit/documents/document-repo';
import { tracedTransaction } from '../kit/traced-transaction';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedDocument } from '../../audit/trace';
import type { PersonalDocument } from './personal-space.type';

/**
 * The DMP type a write about the personal space's own documents is permitted under (as deletePersonalDocument
 * does): the registry's permit says the writer is the patient's side of an active record, before anything is
 * looked up, so nobody learns whether a document exists in a space they may not write.
 */
export const ORGANISING_TYPE = 'EXPPAT_1';
/** A bulk write names at most this many documents (as setDocumentsMasked). */
export const MAX_DOCUMENTS = 100;

const TABLE = 'personal_document';

/** The ids of a bulk write: 1 to 100 well-formed ids, each named by its position when it is not; once each. */
export function documentIdsArgument(
  ids: readonly string[],
  field = 'ids',
): { ids: string[]; fieldOf: (id: string) => string } {
  if (ids.length === 0 || ids.length > MAX_DOCUMENTS) throw badInput(field, `give 1 to ${MAX_DOCUMENTS} document ids`);
  ids.forEach((id, i) => idArgument(id, `${field}[${i}]`));
  return { ids: [...new Set(ids)], fieldOf: (id) => `${field}[${ids.indexOf(id)}]` };
}

/**
 * The registry's read grant for this actor and patient, asked within the request. A write checks its targets
 * against it, so a representative never reaches what the minor keeps secret from them (the deposit's label
 * and the registry's later decision alike, L1111-5): the same documents they cannot see in a list.
 */
async function readGrant(ctx: SubgraphContext, ins: string): Promise<AccessGrant> {
  const { patient } = await callPeer<{ patient: { accessGrant: string | null } | null }>(
    ctx,
    'patient',
    'query Grant($ins: String!) { patient(ins: $ins) { accessGrant } }',
    { ins },
  );
  const grant = await registryGrant(ctx, { ins, accessGrant: patient?.accessGrant });
  if (!grant) throw forbidden('No access to this record');
  return grant;
}

export interface OwnDocument {
  id: string;
  lineage: string;
  visibility: string[];
  deposited_at: Date;
  type_code: string;
}

export interface OwnWrite {
  tx: SqlExecutor;
  ins: string;
  /** The registry's read grant; null for a write that names no document (a folder's). */
  grant: AccessGrant | null;
  permit: WritePermit;
  /** The documents named, in the order given, each a current document the patient's side wrote and may see. */
  documents: OwnDocument[];
}

/** How a trace names a document: hidden ones carry their marker (audit/trace.ts). */
export const tracedOwn = (ctx: SubgraphContext, doc: OwnDocument) =>
  tracedDocument({ id: doc.id, visibility: doc.visibility, depositedAt: doc.deposited_at }, ctx.now);

/**
 * One write about documents of the patient's own: the permit, the read grant, then in one transaction the
 * documents named, locked; an id that is not one of them (absent, a professional's, an old version, a
 * minor's secret for a representative: one answer for all) is BAD_USER_INPUT naming it, and nothing is
 * written. `apply` writes; the trace names every document touched and commits with the write.
 */
export async function writeOwnDocuments<T>(
  ctx: SubgraphContext,
  rawIns: string,
  ids: readonly string[],
  /** The argument an unknown id is named by: one name, or one per id (`ids[2]`, its position as given). */
  field: string | ((id: string) => string),
  action: string,
  apply: (write: OwnWrite) => Promise<T>,
  options: { permitType?: string; extraTouched?: string[] } = {},
): Promise<T> {
  const ins = insArgument(rawIns);
  const permit = await permitFor(ctx, ins, 'personal-space', options.permitType ?? ORGANISING_TYPE);
  const grant = ids.length > 0 ? await readGrant(ctx, ins) : null;
  return tracedTransaction(ctx, async (tx) => {
    let documents: OwnDocument[] = [];
    if (grant) {
      const params: unknown[] = [ins, ids];
      const visible = visibleDocumentsCondition(grant, ctx.deps.matrix, params, ctx.now, TABLE);
      const rows = await tx.query<OwnDocument>(
        `SELECT id, COALESCE(lineage_id, id) AS lineage, visibility, deposited_at, type_code FROM ${TABLE}
         WHERE patient_ins = $1 AND id = ANY($2::text[]) AND author_kind = 'PATIENT' AND superseded_by IS NULL
           AND ${visible}
         ORDER BY id FOR UPDATE`,
        params,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = ids.findIndex((id) => !byId.has(id));
      if (missing >= 0)
        throw badInput(
          typeof field === 'function' ? field(ids[missing]) : field,
          `${ids[missing]} is not a current document of the patient's own in their space`,
        );
      documents = ids.map((id) => byId.get(id)!);
    }
    const result = await apply({ tx, ins, grant, permit, documents });
    recordAccess(ctx, {
      patientIns: ins,
      action,
      touched: [...documents.map((d) => tracedOwn(ctx, d)), ...(options.extraTouched ?? [])],
      outcome: 'allowed',
      rule: permit.rule,
    });
    return result;
  });
}

/** Deletes documents of the patient's own, every version and file of each lineage; the ids deleted. */
export async function deleteOwnLineages(tx: SqlExecutor, ins: string, lineages: readonly string[]): Promise<string[]> {
  const gone = await tx.query<{ id: string }>(
    'DELETE FROM personal_document WHERE patient_ins = $1 AND COALESCE(lineage_id, id) = ANY($2::text[]) RETURNING id',
    [ins, lineages],
  );
  await tx.query('DELETE FROM document_content WHERE document_id = ANY($1::text[])', [gone.map((g) => g.id)]);
  return gone.map((g) => g.id);
}

/**
 * The documents as the patient's side reads them after the write, carrying the grant so that their fields
 * (content, capabilities, history, folder) answer as in a list; the registry's masks and secrets show in
 * `visibility` as there (kit/documents/document-source.ts).
 */
export async function readBack(write: OwnWrite, ctx: SubgraphContext): Promise<PersonalDocument[]> {
  const ids = write.documents.map((d) => d.id);
  const grant = write.grant;
  if (ids.length === 0 || !grant) return [];
  const params: unknown[] = [write.ins, ids];
  const masked = maskedCondition(grant, params, TABLE);
  const secret = secretCondition(grant, params, TABLE);
  const rows = await write.tx.query<DocumentRow>(
    `SELECT t.*, (${masked}) AS masked, (${secret}) AS secret FROM ${TABLE} t WHERE patient_ins = $1 AND id = ANY($2::text[])`,
    params,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    const visibility = [...row.visibility];
    if (row.masked && !visibility.includes('MASQUE_PS')) visibility.push('MASQUE_PS');
    if (row.secret && !visibility.includes('INVISIBLE_REPRESENTANTS_LEGAUX'))
      visibility.push('INVISIBLE_REPRESENTANTS_LEGAUX');
    const node = {
      ...documentMetadata(row),
      visibility,
      mimeType: row.mime_type as string,
      body: row.body as string | null,
    } as PersonalDocument;
    return carry(node, grant);
  });
}
