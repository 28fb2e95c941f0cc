import { createHash } from 'node:crypto';
import { DOCUMENT_MIME_TYPES, type DocumentMimeType } from '../../../domain/formats';
import DataLoader from 'dataloader';
import { badInput } from '../../../runtime/errors';
import { perRequest } from '../../../runtime/context';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import type { SubgraphContext } from '../context';
import type { DocumentContent, DocumentContentInput } from './deposit.type';

/** Larger files do not fit the 1 MiB request body once base64-encoded. */
export const MAX_CONTENT_BYTES = 512 * 1024;

/** Declared types and the first bytes a file of that type starts with. */
const MIME_TYPES: Record<DocumentMimeType, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  // CDA R2: an XML document whose root is ClinicalDocument.
  'application/hl7-cda+xml': (b) =>
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([A-Za-z0-9_]+:)?ClinicalDocument[\s>]/.test(
      b.subarray(0, 4096).toString('utf8'),
    ),
  'text/plain': (b) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  },
};

export interface CheckedContent {
  mimeType: string;
  bytes: Buffer;
  sha256: string;
}

/** Checks a deposited file: declared type, base64, size, checksum, and that the bytes are what the type says. */
export function checkContent(input: DocumentContentInput, field = 'input.content'): CheckedContent {
  const sniff = (DOCUMENT_MIME_TYPES as readonly string[]).includes(input.mimeType)
    ? MIME_TYPES[input.mimeType as DocumentMimeType]
    : undefined;
  if (!sniff) throw badInput(`${field}.mimeType`, `must be one of ${DOCUMENT_MIME_TYPES.join(', ')}`);
  if (input.base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64))
    throw badInput(`${field}.base64`, 'is not base64');
  if (input.base64.length > Math.ceil(MAX_CONTENT_BYTES / 3) * 4)
    throw badInput(`${field}.base64`, `the file is larger than ${MAX_CONTENT_BYTES / 1024} KiB`);
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw badInput(`${field}.base64`, 'the file is empty');
  if (!/^[0-9a-fA-F]{64}$/.test(input.sha256)) throw badInput(`${field}.sha256`, 'must be 64 hex digits');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== input.sha256.toLowerCase()) throw badInput(`${field}.sha256`, 'does not match the bytes received');
  if (!sniff(bytes)) throw badInput(`${field}.mimeType`, `the bytes are not ${input.mimeType}`);
  return { mimeType: input.mimeType, bytes, sha256 };
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
