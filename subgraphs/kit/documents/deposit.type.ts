import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { VisibilityLabelEnum } from './document.type';
import { DateTime } from '../../../schema/scalars';
import type { VisibilityLabel } from '../../../domain/codes';

@InputType({
  description: 'The file of a document: its declared type, its bytes in base64 and their SHA-256, checked on arrival.',
})
export class DocumentContentInput {
  @Field(() => String, {
    description:
      'application/pdf, application/hl7-cda+xml (CDA R2) or text/plain; in the personal space also image/jpeg, image/png, image/tiff and application/rtf.',
  })
  mimeType!: string;
  @Field(() => String, {
    description:
      'The bytes, base64-encoded; at most 512 KiB once decoded (larger files: requestPersonalDocumentUpload).',
  })
  base64!: string;
  @Field(() => String, { description: 'SHA-256 of the bytes, 64 hex digits.' }) sha256!: string;
}

@InputType({
  description:
    'The professional who wrote a document an establishment deposits (a professional depositing is the author).',
})
export class DepositAuthorInput {
  @Field(() => String, { description: 'RPPS, 11 digits.' }) rpps!: string;
  @Field(() => String, {
    description: 'Their name as the document will show it (DocumentAuthor.name), at most 200 characters.',
  })
  name!: string;
  @Field(() => String, { description: 'TRE_G15 profession code.' }) professionCode!: string;
  @Field(() => String, { nullable: true, description: 'TRE_R38 specialty code.' }) specialtyCode?: string | null;
}

/** What every deposit carries, whatever its source; each source's input type extends it (type-graphql inherits the fields; the base itself is never referenced, so never emitted). */
@InputType('DocumentDepositFields')
export abstract class DocumentDepositFields {
  @Field(() => String, { description: "The patient's INS." }) ins!: string;
  @Field(() => String, {
    description: 'Chosen by the writer; the same key twice creates one document (1–100 of A-Z a-z 0-9 . _ : -).',
  })
  idempotencyKey!: string;
  @Field(() => String, { description: 'JDV_J07 type code; the class follows from ASS_X16.' }) typeCode!: string;
  @Field(() => String, { description: 'The title the document will show, 1 to 300 characters.' }) title!: string;
  @Field(() => DateTime, { description: 'When the care it records took place.' }) effectiveAt!: Date;
  @Field(() => [VisibilityLabelEnum], {
    nullable: true,
    description:
      "INVISIBLE_PATIENT (until the consultation d'annonce) or INVISIBLE_REPRESENTANTS_LEGAUX; only the patient masks.",
  })
  visibility?: VisibilityLabel[] | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The current version this document replaces (same patient and writer).',
  })
  replaces?: string | null;
  @Field(() => DepositAuthorInput, {
    nullable: true,
    description:
      "An establishment's feeding channel only: the professional who wrote the document, whom its metadata names as author. Anyone else is the author and leaves it out.",
  })
  author?: DepositAuthorInput | null;
  @Field(() => DocumentContentInput, {
    nullable: true,
    description:
      "The document's file, checked on arrival and scanned for viruses; the sources that keep no files (reimbursement, pharmacy) refuse one.",
  })
  content?: DocumentContentInput | null;
}

@ObjectType({ description: 'What a deposit returns: never the document, which the writer may not be allowed to read.' })
@Directive('@shareable')
export class DepositReceipt {
  @Field(() => ID, {
    description:
      'Id of the version deposited (DmpDocument.id); for a duplicate, the one the first deposit with this key created.',
  })
  documentId!: string;
  @Field(() => Int, { description: '1 for a new document, n for its n-th version.' }) version!: number;
  @Field(() => ID, { nullable: true, description: 'The version this one replaced.' }) replaced!: string | null;
  @Field(() => Boolean, {
    description: 'The idempotency key was already used for this same document: nothing new was created.',
  })
  duplicate!: boolean;
  @Field(() => DateTime, {
    description: 'When it was deposited into the DMP; for a duplicate, when the first deposit with this key was.',
  })
  depositedAt!: Date;
}

@ObjectType({
  description: "A document's file, read through its document (so under the same access rules), and traced.",
})
@Directive('@shareable')
export class DocumentContent {
  @Field(() => String, { description: 'Its type, as declared when the file arrived and checked against its bytes.' })
  mimeType!: string;
  @Field(() => Int, { description: 'Size of the file in bytes, once decoded.' }) sizeBytes!: number;
  @Field(() => String, { description: 'SHA-256 of the bytes, as checked at deposit.' }) sha256!: string;
  @Field(() => String, { description: 'The bytes, base64-encoded.' }) base64!: string;
}
