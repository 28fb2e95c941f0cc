import { createHash } from 'node:crypto';
import { CLINICAL_MIME_TYPES, DOCUMENT_MIME_TYPES, type DocumentMimeType } from '../../../domain/formats';
import DataLoader from 'dataloader';
import { badInput } from '../../../runtime/errors';
import { perRequest } from '../../../runtime/context';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import type { SubgraphContext } from '../context';
import type { DocumentContent, DocumentContentInput } from './deposit.type';

/** Larger files do not fit the 1 MiB request body once base64-encoded: bigger ones are uploaded (uploads.ts). */
export const MAX_CONTENT_BYTES = 512 * 1024;

const startsWith = (signature: number[]) => (b: Buffer) =>
  b.length >= signature.length && signature.every((byte, i) => b[i] === byte);

/** Declared types and what the bytes of a file of that type are: its magic number, or its shape for text. */
const MAGIC: Record<DocumentMimeType, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  // CDA R2: an XML document whose root is ClinicalDocument.
  'application/hl7-cda+xml': (b) =>
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([A-Za-z0-9_]+:)?ClinicalDocument[\s>]/.test(
      b.subarray(0, 4096).toString('utf8'),
    ),
  // UTF-8 that decodes, and no NUL: a binary file declared as text is not text.
  'text/plain': (b) => {
    if (b.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  },
  // JPEG: the SOI marker then the first segment's marker (JFIF, Exif, or raw).
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  // TIFF: little-endian `II*\0` or big-endian `MM\0*` (TIFF 6.0, section 2).
  'image/tiff': (b) => startsWith([0x49, 0x49, 0x2a, 0x00])(b) || startsWith([0x4d, 0x4d, 0x00, 0x2a])(b),
  'application/rtf': (b) => b.subarray(0, 5).toString('latin1') === '{\\rtf',
};

/** Whether these bytes are what `mimeType` says (false for a type the graph does not know). */
export function bytesAre(mimeType: string, bytes: Buffer): boolean {
  return (DOCUMENT_MIME_TYPES as readonly string[]).includes(mimeType) && MAGIC[mimeType as DocumentMimeType](bytes);
}

export interface CheckedContent {
  mimeType: string;
  bytes: Buffer;
  sha256: string;
}

/** The declared type, when `accepted` holds it; else a coded refusal naming the field and the list. */
export function acceptedType(mimeType: string, accepted: readonly DocumentMimeType[], field: string): DocumentMimeType {
  if (!(accepted as readonly string[]).includes(mimeType))
    throw badInput(field, `must be one of ${accepted.join(', ')}`);
  return mimeType as DocumentMimeType;
}

/** 64 hex digits, lower-cased; else a coded refusal naming the field. */
export function sha256Argument(value: string, field: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw badInput(field, 'must be 64 hex digits');
  return value.toLowerCase();
}

/**
 * Checks received bytes against what was declared: their SHA-256, then that they are what the type says.
 * The refusal names the field (`digestField`, `typeField`) and what is wrong; nothing is kept.
 */
export function checkBytes(
  bytes: Buffer,
  declared: { mimeType: DocumentMimeType; sha256: string },
  fields: { digest: string; type: string },
): CheckedContent {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== declared.sha256) throw badInput(fields.digest, 'does not match the bytes received');
  if (!MAGIC[declared.mimeType](bytes)) throw badInput(fields.type, `the bytes are not ${declared.mimeType}`);
  return { mimeType: declared.mimeType, bytes, sha256 };
}

/** Checks a deposited file: declared type (among `accepted`), base64, size, checksum, and that the bytes are what the type says. */
export function checkContent(
  input: DocumentContentInput,
  field = 'input.content',
  accepted: readonly DocumentMimeType[] = CLINICAL_MIME_TYPES,
): CheckedContent {
  const mimeType = acceptedType(input.mimeType, accepted, `${field}.mimeType`);
  if (input.base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64))
    throw badInput(`${field}.base64`, 'is not base64');
  if (input.base64.length > Math.ceil(MAX_CONTENT_BYTES / 3) * 4)
    throw badInput(`${field}.base64`, `the file is larger than ${MAX_CONTENT_BYTES / 1024} KiB`);
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw badInput(`${field}.base64`, 'the file is empty');
  const sha256 = sha256Argument(input.sha256, `${field}.sha256`);
  return checkBytes(bytes, { mimeType, sha256 }, { digest: `${field}.sha256`, type: `${field}.mimeType` });
}

/** The scanning port's verdict on a file (runtime/upload-scanner.ts): infected is a coded refusal naming the field. */
export async function scanned(ctx: SubgraphContext, content: CheckedContent, field: string): Promise<void> {
  const verdict = await ctx.deps.scanner.scan(content.bytes, content.mimeType);
  if (!verdict.clean) throw badInput(field, `the file was refused by the virus scan (${verdict.threat})`);
}

export async function insertContent(
  tx: SqlExecutor,
  documentId: string,
  ins: string,
  content: CheckedContent,
): Promise<void> {
  await tx.query(
    'INSERT INTO document_content (document_id, patient_ins, mime_type, size_bytes, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6)',
    [documentId, ins, content.mimeType, content.bytes.length, content.sha256, content.bytes],
  );
}

/** One statement per request for every file asked for. */
export const contentLoader = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<string, DocumentContent | null>(async (ids) => {
      const rows = await ctx.deps.store.query<{
        document_id: string;
        mime_type: string;
        size_bytes: number;
        sha256: string;
        bytes: Uint8Array;
      }>(
        'SELECT document_id, mime_type, size_bytes, sha256, bytes FROM document_content WHERE document_id = ANY($1::text[])',
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.document_id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        return r
          ? {
              mimeType: r.mime_type,
              sizeBytes: r.size_bytes,
              sha256: r.sha256,
              base64: Buffer.from(r.bytes).toString('base64'),
            }
          : null;
      });
    }),
);
