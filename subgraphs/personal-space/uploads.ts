import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DOCUMENT_MIME_TYPES, type DocumentMimeType } from '../../domain/formats';
import { UPLOAD_LIMITS, UPLOAD_PATH, UPLOAD_TICKET } from '../../domain/uploads';
import { insArgument } from '../../runtime/arguments';
import { badInput, notFound } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { DateTime } from '../../schema/scalars';
import { recordAccess } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import type { SubgraphBodyRoute } from '../kit/subgraph';
import { permitFor } from '../kit/documents/deposit';
import { tracedTransaction } from '../kit/traced-transaction';
import { acceptedType, checkBytes, scanned, sha256Argument } from '../kit/documents/document-content';
import { ORGANISING_TYPE } from './personal-documents.own';

/**
 * Uploads from a phone (issue 18, item 4): a file larger than the /graphql body allows arrives in three steps.
 * 1. requestPersonalDocumentUpload declares its type, size and SHA-256, under the registry's permit for the
 *    patient's side (the type the personal space's own documents are organised under), and gets a ticket:
 *    32 random bytes, of which the store keeps only the SHA-256, good for one upload within ticketMinutes.
 * 2. PUT /uploads/<ticket> on the gateway, with the same bearer token, carries the bytes (at most maxBytes
 *    on that route only); the gateway forwards them here with its per-request credential. The ticket must be
 *    this actor's, current and unused; the bytes must have the declared size and digest, be what the declared
 *    type says (their magic number) and pass the scanning port. A refusal names what is wrong and keeps nothing.
 * 3. writePersonalDocument names the upload (input.uploadId) instead of inline content: the bytes become the
 *    document's file in the deposit's transaction and the upload goes. Bytes never written expire after
 *    stagedMinutes, cleaned by the next ticket asked for.
 * Limits are data: domain/uploads.json.
 */

@InputType({
  description: 'A file the patient side is about to send (from a phone): what it declares before the bytes.',
})
export class PersonalDocumentUploadRequest {
  @Field(() => String, { description: `Its type: ${DOCUMENT_MIME_TYPES.join(', ')}.` }) mediaType!: string;
  @Field(() => Int, { description: `Its size in bytes, 1 to ${UPLOAD_LIMITS.maxBytes} (5 MiB).` }) byteSize!: number;
  @Field(() => String, { description: 'SHA-256 of its bytes, 64 hex digits.' }) sha256!: string;
}

@ObjectType({
  description:
    'A ticket for one upload: PUT the bytes to `uploadUrl` on the gateway with the same bearer token, then name `uploadId` in writePersonalDocument.',
})
export class PersonalDocumentUpload {
  @Field(() => ID, { description: 'What writePersonalDocument names (input.uploadId) once the bytes have arrived.' })
  uploadId!: string;
  @Field(() => String, {
    description: 'Where the bytes go, on the gateway: `PUT /uploads/<ticket>`. Good for one upload, by this actor.',
  })
  uploadUrl!: string;
  @Field(() => DateTime, { description: 'The bytes must arrive before this instant.' }) expiresAt!: Date;
  @Field(() => Int, { description: 'The largest body the upload route takes, in bytes.' }) maxBytes!: number;
}

const minutes = (n: number) => n * 60_000;
const ticketDigest = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

@Resolver()
export class PersonalDocumentUploadResolver {
  @Mutation(() => PersonalDocumentUpload, {
    nullable: true,
    description:
      "Asks for a ticket to upload a file to the patient's personal space (the app's post_document from a phone: up to 5 MiB, JPEG, PNG, TIFF, RTF besides PDF, CDA and text).",
  })
  async requestPersonalDocumentUpload(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('input', () => PersonalDocumentUploadRequest, { description: 'The file to come: its type, size and digest.' })
    input: PersonalDocumentUploadRequest,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonalDocumentUpload> {
    const mimeType = acceptedType(input.mediaType, DOCUMENT_MIME_TYPES, 'input.mediaType');
    if (!Number.isInteger(input.byteSize) || input.byteSize < 1 || input.byteSize > UPLOAD_LIMITS.maxBytes)
      throw badInput('input.byteSize', `must be from 1 to ${UPLOAD_LIMITS.maxBytes} bytes`);
    const sha256 = sha256Argument(input.sha256, 'input.sha256');
    const ins = insArgument(rawIns);
    // Who may write the personal space, as for its own documents: the registry's permit for the patient's side.
    const permit = await permitFor(ctx, ins, 'personal-space', ORGANISING_TYPE);
    const ticket = randomBytes(32).toString('base64url');
    const id = `upl-${randomUUID()}`;
    const expiresAt = new Date(ctx.now.getTime() + minutes(UPLOAD_LIMITS.ticketMinutes));
    return tracedTransaction(ctx, async (tx) => {
      // Uploads never written go on the clock: any ticket asked for cleans every one past its end.
      await tx.query('DELETE FROM personal_upload WHERE expires_at <= $1', [ctx.now]);
      await tx.query(
        `INSERT INTO personal_upload (id, ticket_sha256, patient_ins, actor_id, mime_type, size_bytes, sha256, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, ticketDigest(ticket), ins, ctx.actor.id, mimeType, input.byteSize, sha256, ctx.now, expiresAt],
      );
      recordAccess(ctx, {
        patientIns: ins,
        action: 'request-upload',
        touched: [`upload:${id}`],
        outcome: 'allowed',
        rule: permit.rule,
      });
      return { uploadId: id, uploadUrl: `${UPLOAD_PATH}${ticket}`, expiresAt, maxBytes: UPLOAD_LIMITS.maxBytes };
    });
  }
}

interface UploadRow {
  id: string;
  patient_ins: string;
  actor_id: string;
  mime_type: DocumentMimeType;
  size_bytes: number;
  sha256: string;
  expires_at: Date;
  received_at: Date | null;
}

/** The bytes of a ticket, received from the gateway: checked, scanned, then kept for writePersonalDocument. */
async function receive(ctx: SubgraphContext, ticket: string, body: Buffer) {
  // One answer for a ticket that is malformed, unknown or another actor's: nobody learns of another's upload.
  const none = () => notFound('No such upload ticket');
  if (!UPLOAD_TICKET.test(ticket)) throw none();
  const [row] = await ctx.deps.store.query<UploadRow>(
    `SELECT id, patient_ins, actor_id, mime_type, size_bytes, sha256, expires_at, received_at
       FROM personal_upload WHERE ticket_sha256 = $1`,
    [ticketDigest(ticket)],
  );
  if (!row || row.actor_id !== ctx.actor.id) throw none();
  if (row.received_at !== null) throw badInput('ticket', 'this upload ticket was already used');
  if (new Date(row.expires_at).getTime() <= ctx.now.getTime())
    throw badInput('ticket', 'this upload ticket has expired');
  // Bad bytes change nothing: the ticket stays good for a corrected upload until it expires.
  if (body.length !== row.size_bytes)
    throw badInput('byteSize', `the body has ${body.length} bytes, the ticket declared ${row.size_bytes}`);
  const content = checkBytes(
    body,
    { mimeType: row.mime_type, sha256: row.sha256 },
    { digest: 'sha256', type: 'mediaType' },
  );
  await scanned(ctx, content, 'body');
  // The record may have closed since the ticket was issued: the permit is asked again.
  const permit = await permitFor(ctx, row.patient_ins, 'personal-space', ORGANISING_TYPE);
  const expiresAt = new Date(ctx.now.getTime() + minutes(UPLOAD_LIMITS.stagedMinutes));
  await tracedTransaction(ctx, async (tx) => {
    const taken = await tx.query(
      `UPDATE personal_upload SET bytes = $2, received_at = $3, expires_at = $4
        WHERE id = $1 AND received_at IS NULL RETURNING id`,
      [row.id, content.bytes, ctx.now, expiresAt],
    );
    // Two uploads of one ticket at once: the first one wins.
    if (taken.length === 0) throw badInput('ticket', 'this upload ticket was already used');
    recordAccess(ctx, {
      patientIns: row.patient_ins,
      action: 'upload-received',
      touched: [`upload:${row.id}`],
      outcome: 'allowed',
      rule: permit.rule,
    });
  });
  return {
    status: 200,
    body: {
      uploadId: row.id,
      mediaType: row.mime_type,
      byteSize: row.size_bytes,
      sha256: row.sha256,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

/** The personal space's route for the bytes of an upload (kit/subgraph.ts, `bodyRoute`). */
export const UPLOAD_ROUTE: SubgraphBodyRoute = {
  prefix: UPLOAD_PATH,
  method: 'PUT',
  maxBodyBytes: UPLOAD_LIMITS.maxBytes,
  handle: receive,
};

/**
 * The file of an upload named by writePersonalDocument, taken in the deposit's transaction: this actor's, for
 * this patient, received and not expired. Its bytes move from the upload to the document's file in SQL, and
 * the upload goes with the write (both come back if the write rolls back).
 */
export async function takeUpload(
  tx: SqlExecutor,
  ctx: SubgraphContext,
  uploadId: string,
  ins: string,
): Promise<{ columns: Record<string, unknown>; attach: (documentId: string) => Promise<void> }> {
  const [row] = await tx.query<{ mime_type: string }>(
    `SELECT mime_type FROM personal_upload
      WHERE id = $1 AND patient_ins = $2 AND actor_id = $3 AND received_at IS NOT NULL AND expires_at > $4
      FOR UPDATE`,
    [uploadId, ins, ctx.actor.id, ctx.now],
  );
  if (!row)
    throw badInput(
      'input.uploadId',
      'not a file you uploaded for this patient, or it has expired, or a document already took it',
    );
  return {
    columns: { mime_type: row.mime_type },
    attach: async (documentId) => {
      await tx.query(
        `INSERT INTO document_content (document_id, patient_ins, mime_type, size_bytes, sha256, bytes)
         SELECT $1, patient_ins, mime_type, size_bytes, sha256, bytes FROM personal_upload WHERE id = $2`,
        [documentId, uploadId],
      );
      await tx.query('DELETE FROM personal_upload WHERE id = $1', [uploadId]);
    },
  };
}
