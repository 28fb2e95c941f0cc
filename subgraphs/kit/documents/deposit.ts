import { createHash, randomUUID } from 'node:crypto';
import { documentsOf } from '../../../domain/sources';
import { FORMATS, hasFormat } from '../../../domain/formats';
import { isLocalDate, parisDate } from '../../../domain/calendar';
import { idArgument, insArgument } from '../../../runtime/arguments';
import {
  DOCUMENT_TYPES,
  PROFESSIONS,
  SPECIALTIES,
  spaceOf,
  type ProfessionCode,
  type SpecialtyCode,
  type TypeCode,
} from '../../../domain/codes';
import { badInput, unavailable } from '../../../runtime/errors';
import { callPeer } from '../peer-call';
import { tracedTransaction } from '../traced-transaction';
import { quoteIdent, type SqlExecutor } from '../../../runtime/store/sql-store';
import type { SubgraphContext } from '../context';
import { type PermitAuthor, type WritePermit } from '../../../policy/write-permit';
import { verifyWritePermit } from '../registry-tokens';
import type { WritableSource } from '../../../policy/deposit';
import { recordAccess } from '../../../audit/trace-recorder';
import { tracedDocument } from '../../../audit/trace';
import { DOCUMENT_COLUMNS } from './document-repo';
import { checkContent, insertContent, scanned, type CheckedContent } from './document-content';
import type { DocumentMimeType } from '../../../domain/formats';
import type { DepositAuthorInput, DepositReceipt, DocumentDepositFields } from './deposit.type';

/** How one source takes deposits. */
export interface DepositSpec<I extends DocumentDepositFields> {
  source: WritableSource;
  table: string;
  /** Prefix of the ids it gives new documents. */
  idPrefix: string;
  /** The source's own columns, from its own input fields: checked here, each problem a coded error naming the field. */
  columns: (input: I, now: Date) => Record<string, unknown>;
  /** The types of file a document of this source may carry; none: it keeps no files. */
  contentTypes: readonly DocumentMimeType[];
  /**
   * A file the writer sent beforehand (the personal space's uploads), taken within the deposit's transaction
   * once the idempotency key is known to be new: the source's columns it sets, and how it becomes the new
   * document's file (checked and scanned when it arrived; moved in SQL, so its bytes never pass through here);
   * null when the input names none.
   */
  stagedContent?: (
    tx: SqlExecutor,
    ctx: SubgraphContext,
    input: I,
    ins: string,
  ) => Promise<{ columns: Record<string, unknown>; attach: (documentId: string) => Promise<void> } | null>;
  /** What the source writes with a new version, in the same transaction (the personal space: a folder). */
  alsoWrite?: (
    tx: SqlExecutor,
    ctx: SubgraphContext,
    input: I,
    written: { id: string; lineage: string; ins: string },
  ) => Promise<void>;
}

const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
/** Clocks drift: a care instant a few minutes ahead is tolerated, not a day. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(field, 'is required');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  return value == null || value.trim() === '' ? null : requiredText(field, value, max);
}

/** A professional named in a deposit (an establishment's author, a care line's executor or prescriber). */
export function checkProfessional(
  field: string,
  p: DepositAuthorInput,
): { id: string; name: string; profession: string; specialty: string | null } {
  if (!hasFormat('rpps', p.rpps)) throw badInput(`${field}.rpps`, FORMATS.rpps.rule);
  const name = requiredText(`${field}.name`, p.name, 200);
  if (!PROFESSIONS.has(p.professionCode as ProfessionCode))
    throw badInput(`${field}.professionCode`, 'not a TRE_G15 profession code');
  if (p.specialtyCode && !SPECIALTIES.has(p.specialtyCode as SpecialtyCode))
    throw badInput(`${field}.specialtyCode`, 'not a TRE_R38 specialty code');
  return { id: p.rpps, name, profession: p.professionCode, specialty: p.specialtyCode ?? null };
}

/** A calendar day given as LocalDate, checked to be today or before (in Paris, at the request's instant). */
export function pastDay(field: string, value: string | null | undefined, now: Date): string | null {
  if (value == null) return null;
  if (!isLocalDate(value) || value > parisDate(now)) throw badInput(field, 'must be a past date');
  return value;
}

interface Checked {
  ins: string;
  typeCode: TypeCode;
  title: string;
  visibility: string[];
  content: CheckedContent | null;
  requestHash: string;
}

/** The checks every deposit passes before anything is asked or written. */
function checkCommon(
  ctx: SubgraphContext,
  input: DocumentDepositFields,
  contentTypes: readonly DocumentMimeType[],
): Checked {
  const ins = insArgument(input.ins, 'input.ins');
  if (!KEY.test(input.idempotencyKey))
    throw badInput('input.idempotencyKey', '1 to 100 characters among A-Z a-z 0-9 . _ : -');
  const type = DOCUMENT_TYPES.get(input.typeCode as TypeCode);
  if (!type) throw badInput('input.typeCode', `${input.typeCode} is not a JDV_J07 type code`);
  if (!type.classCode)
    throw badInput('input.typeCode', `${input.typeCode} has no class in ASS_X16: not a DMP document type`);
  const title = requiredText('input.title', input.title, 300);
  const at = input.effectiveAt instanceof Date ? input.effectiveAt.getTime() : NaN;
  if (Number.isNaN(at) || at < EARLIEST || at > ctx.now.getTime() + CLOCK_SKEW_MS)
    throw badInput('input.effectiveAt', 'must be a past instant, after 1900');
  const visibility = [...new Set(input.visibility ?? [])];
  if (visibility.includes('MASQUE_PS'))
    throw badInput('input.visibility', 'only the patient masks a document (setDocumentMasked)');
  const patientSide = ctx.actor.kind === 'patient' || ctx.actor.kind === 'representative';
  if (patientSide && visibility.includes('INVISIBLE_PATIENT'))
    throw badInput('input.visibility', 'the patient does not hide a document from themselves');
  if (ctx.actor.kind === 'representative' && visibility.includes('INVISIBLE_REPRESENTANTS_LEGAUX'))
    throw badInput('input.visibility', 'a representative does not hide a document from representatives');
  if (input.replaces != null) idArgument(input.replaces, 'input.replaces');
  if (input.content && contentTypes.length === 0) throw badInput('input.content', 'this source keeps no files');
  const content = input.content ? checkContent(input.content, 'input.content', contentTypes) : null;
  if (input.author) {
    if (ctx.actor.kind !== 'establishment')
      throw badInput('input.author', 'the author is the authenticated writer; only the feeding channel names one');
    checkProfessional('input.author', input.author);
  }
  // The same key must bring the same document: what it would write, the file by its checksum.
  const { content: _bytes, ...rest } = input as DocumentDepositFields & Record<string, unknown>;
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ ...rest, content: content?.sha256 ?? null }))
    .digest('hex');
  return { ins, typeCode: input.typeCode as TypeCode, title, visibility, content, requestHash };
}

/** The registry's permit for this write, asked within the request in a call this source signs (kit/peer-call.ts). */
export async function permitFor(
  ctx: SubgraphContext,
  ins: string,
  source: WritableSource,
  typeCode: string,
): Promise<WritePermit> {
  const { writePermit } = await callPeer<{ writePermit: string }>(
    ctx,
    'patient',
    'query Permit($ins: String!, $source: DocumentSource!, $typeCode: String!) { writePermit(ins: $ins, source: $source, typeCode: $typeCode) }',
    { ins, source: documentsOf(source).enumValue, typeCode },
  );
  const permit = await verifyWritePermit(ctx.deps.grantKeys.verify, writePermit, {
    ins,
    actorId: ctx.actor.id,
    source,
    typeCode,
  });
  if (!permit) throw unavailable('The registry gave no valid permit for this write');
  return permit;
}

/** The author the document's metadata will name: the registry's word for the writer, or the professional an establishment names. */
function authorOf(permit: WritePermit, input: DocumentDepositFields): PermitAuthor {
  if (!input.author) return permit.author;
  return {
    kind: 'PROFESSIONAL',
    id: input.author.rpps,
    name: input.author.name.trim(),
    profession: input.author.professionCode,
    specialty: input.author.specialtyCode ?? null,
    establishmentFiness: permit.author.establishmentFiness,
    establishmentName: permit.author.establishmentName,
  };
}

interface Existing {
  id: string;
  version: number;
  request_hash: string | null;
  deposited_at: Date;
  replaced: string | null;
}

async function findByKey(tx: SqlExecutor, table: string, depositor: string, key: string): Promise<Existing | null> {
  const [row] = await tx.query<Existing>(
    `SELECT t.id, t.version, t.request_hash, t.deposited_at, (SELECT p.id FROM ${table} p WHERE p.superseded_by = t.id) AS replaced
     FROM ${table} t WHERE t.depositor_id = $1 AND t.idempotency_key = $2`,
    [depositor, key],
  );
  return row ?? null;
}

function replay(existing: Existing, requestHash: string): DepositReceipt {
  if (existing.request_hash !== requestHash)
    throw badInput('input.idempotencyKey', 'already used for a different document');
  return {
    documentId: existing.id,
    version: existing.version,
    replaced: existing.replaced,
    duplicate: true,
    depositedAt: existing.deposited_at,
  };
}

/**
 * One deposit: checks the input, gets the registry's permit, then in one transaction of the source's store
 * writes the document (a new version supersedes the one it replaces), its file, and nothing else. The
 * receipt never carries the document: a feeding channel may write what it may not read.
 */
export async function deposit<I extends DocumentDepositFields>(
  ctx: SubgraphContext,
  spec: DepositSpec<I>,
  input: I,
): Promise<DepositReceipt> {
  const checked = checkCommon(ctx, input, spec.contentTypes);
  const sourceColumns = spec.columns(input, ctx.now);
  if (checked.content) await scanned(ctx, checked.content, 'input.content');
  const permit = await permitFor(ctx, checked.ins, spec.source, checked.typeCode);
  const author = authorOf(permit, input);
  const table = quoteIdent(spec.table);
  const depositor = ctx.actor.id;
  // The patient is told of each new document, except one withheld from them (consultation d'annonce) or
  // from their representatives (a minor's secret), who read the same notifications.
  const withheld =
    checked.visibility.includes('INVISIBLE_PATIENT') || checked.visibility.includes('INVISIBLE_REPRESENTANTS_LEGAUX');
  const traced = (receipt: DepositReceipt) =>
    recordAccess(ctx, {
      patientIns: checked.ins,
      action: receipt.duplicate
        ? 'deposit-replayed'
        : withheld
          ? 'deposit-withheld'
          : ctx.actor.kind === 'patient'
            ? 'deposit-own'
            : 'deposit',
      touched: [tracedDocument({ id: receipt.documentId, visibility: checked.visibility }, ctx.now)],
      outcome: 'allowed',
      rule: permit.rule,
    });
  // The document and its trace stand or fall together; a replay writes nothing and is traced as it leaves.
  const receipt = await tracedTransaction(ctx, async (tx): Promise<DepositReceipt> => {
    const existing = await findByKey(tx, table, depositor, input.idempotencyKey);
    if (existing) return replay(existing, checked.requestHash);
    let version = 1;
    let lineage: string | null = null;
    if (input.replaces) {
      const [previous] = await tx.query<{
        id: string;
        patient_ins: string;
        type_code: string;
        version: number;
        lineage_id: string | null;
        superseded_by: string | null;
        author_kind: string;
        author_id: string | null;
        establishment_finess: string | null;
      }>(
        `SELECT id, patient_ins, type_code, version, lineage_id, superseded_by, author_kind, author_id, establishment_finess FROM ${table} WHERE id = $1 FOR UPDATE`,
        [input.replaces],
      );
      const sameWriter =
        previous &&
        (ctx.actor.kind === 'establishment'
          ? previous.establishment_finess === ctx.actor.finess
          : previous.author_kind === permit.author.kind && previous.author_id === permit.author.id);
      // One answer whatever failed: a writer learns nothing of documents that are not theirs.
      if (!previous || previous.patient_ins !== checked.ins || previous.superseded_by !== null || !sameWriter) {
        throw badInput('input.replaces', 'not a current document of this patient that you wrote in this source');
      }
      if (previous.type_code !== checked.typeCode)
        throw badInput('input.typeCode', `a new version keeps the type of the one it replaces (${previous.type_code})`);
      version = previous.version + 1;
      lineage = previous.lineage_id ?? previous.id;
      // Only the patient hides a document from themselves: a version of one they masked is not made invisible
      // to them (any version of the lineage may be the one they masked).
      if (checked.visibility.includes('INVISIBLE_PATIENT') && permit.maskedDocumentIds.length > 0) {
        const [masked] = await tx.query(
          `SELECT 1 FROM ${table} WHERE COALESCE(lineage_id, id) = $1 AND id = ANY($2::text[]) LIMIT 1`,
          [lineage, permit.maskedDocumentIds],
        );
        if (masked)
          throw badInput(
            'input.visibility',
            'the patient masked this document: a new version is not made invisible to them',
          );
      }
    }
    const staged = spec.stagedContent ? await spec.stagedContent(tx, ctx, input, checked.ins) : null;
    const id = `${spec.idPrefix}-${randomUUID()}`;
    const type = DOCUMENT_TYPES.get(checked.typeCode)!;
    const values: Record<string, unknown> = {
      id,
      patient_ins: checked.ins,
      type_code: checked.typeCode,
      class_code: type.classCode,
      space: spaceOf(checked.typeCode),
      title: checked.title,
      author_kind: author.kind,
      author_id: author.id,
      author_name: author.name,
      author_profession: author.profession,
      author_specialty: author.specialty,
      establishment_finess: author.establishmentFiness,
      establishment_name: author.establishmentName,
      effective_at: input.effectiveAt,
      deposited_at: ctx.now,
      visibility: checked.visibility,
      ...sourceColumns,
      ...staged?.columns,
      version,
      lineage_id: lineage,
      depositor_id: depositor,
      idempotency_key: input.idempotencyKey,
      request_hash: checked.requestHash,
    };
    for (const column of DOCUMENT_COLUMNS) if (!(column in values)) throw new Error(`deposit misses column ${column}`);
    const columns = Object.keys(values);
    const [inserted] = await tx.query<{ id: string; deposited_at: Date }>(
      `INSERT INTO ${table} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (depositor_id, idempotency_key) DO NOTHING RETURNING id, deposited_at`,
      columns.map((c) => values[c]),
    );
    if (!inserted) {
      // The same key arrived twice at once: the other request wrote it.
      const raced = await findByKey(tx, table, depositor, input.idempotencyKey);
      if (!raced) throw new Error('idempotency conflict without a row');
      return replay(raced, checked.requestHash);
    }
    if (input.replaces) await tx.query(`UPDATE ${table} SET superseded_by = $2 WHERE id = $1`, [input.replaces, id]);
    if (checked.content) await insertContent(tx, id, checked.ins, checked.content);
    if (staged) await staged.attach(id);
    if (spec.alsoWrite) await spec.alsoWrite(tx, ctx, input, { id, lineage: lineage ?? id, ins: checked.ins });
    const written: DepositReceipt = {
      documentId: id,
      version,
      replaced: input.replaces ?? null,
      duplicate: false,
      depositedAt: inserted.deposited_at,
    };
    traced(written);
    return written;
  });
  if (receipt.duplicate) traced(receipt);
  return receipt;
}
