import { Directive, Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { DMP_SPACES, VISIBILITY_LABELS, type DmpSpace, type VisibilityLabel } from '../../../domain/codes';
import { DateTime } from '../../../schema/scalars';

const asEnum = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const DmpSpaceEnum = asEnum(DMP_SPACES);
registerEnumType(DmpSpaceEnum, { name: 'DmpSpace', description: 'The nine spaces the DMP presents documents in.' });
export const VisibilityLabelEnum = asEnum(VISIBILITY_LABELS);
registerEnumType(VisibilityLabelEnum, {
  name: 'VisibilityLabel',
  description: 'TRE_A07 visibility labels used by the DMP.',
});
export const AuthorKindEnum = asEnum(['PROFESSIONAL', 'PATIENT', 'ALIM_AM', 'ESTABLISHMENT']);
registerEnumType(AuthorKindEnum, {
  name: 'AuthorKind',
  description:
    'Who wrote a document: a professional, the patient, the Assurance maladie feed (ALIM_AM) or an establishment.',
});
export type AuthorKind = 'PROFESSIONAL' | 'PATIENT' | 'ALIM_AM' | 'ESTABLISHMENT';

@ObjectType({ description: 'The author of a DMP document, as stated in its metadata.' })
@Directive('@shareable')
export class DocumentAuthor {
  @Field(() => AuthorKindEnum) kind!: AuthorKind;
  @Field(() => String, { nullable: true, description: 'RPPS of a professional, FINESS of an establishment.' }) id!:
    string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_G15 profession code.' }) professionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38 specialty code.' }) specialtyCode!: string | null;
  @Field(() => String, { nullable: true, description: 'FINESS of the establishment the author worked for.' })
  establishmentFiness!: string | null;
  @Field(() => String, { nullable: true }) establishmentName!: string | null;
}

@ObjectType('DocumentCapabilities', {
  description:
    'What the reader may do with this document now, as the policy decides it (policy/document-capabilities.ts): each flag is true exactly when the mutation it names would be allowed.',
})
@Directive('@shareable')
export class DocumentCapabilitiesType {
  @Field(() => Boolean, { description: 'setDocumentMasked(masked: true).' }) canMask!: boolean;
  @Field(() => Boolean, { description: 'setDocumentMasked(masked: false).' }) canUnmask!: boolean;
  @Field(() => Boolean, { description: 'setDocumentSecretFromRepresentatives(secret: true): the minor alone.' })
  canKeepSecret!: boolean;
  @Field(() => Boolean, {
    description: "setDocumentSecretFromRepresentatives(secret: false): a secret the minor set, not an author's label.",
  })
  canShareSecret!: boolean;
  @Field(() => Boolean, { description: 'deletePersonalDocument: what the patient wrote in the personal space.' })
  canDelete!: boolean;
  @Field(() => Boolean, { description: 'requestDocumentDeletion: what someone else wrote (R1111-51).' })
  canRequestDeletion!: boolean;
}

/** Metadata every DMP document carries, whatever its source; each source's document type implements it. */
@InterfaceType('DmpDocument', { description: 'Metadata every DMP document carries, whatever its source.' })
export abstract class DmpDocumentFields {
  @Field(() => ID, { description: 'Stable identifier of this version.' }) id!: string;
  @Field(() => Int, { description: '1, or n for the n-th version: lists show only the current one.' }) version!: number;
  @Field(() => String, { description: 'Type (JDV_J07: LOINC or TRE_A05).' }) typeCode!: string;
  @Field(() => String) typeDisplay!: string;
  @Field(() => String, { description: 'Class (TRE_A03), derived from the type by ASS_X16.' }) classCode!: string;
  @Field(() => DmpSpaceEnum) space!: DmpSpace;
  @Field(() => String) title!: string;
  @Field(() => DocumentAuthor) author!: DocumentAuthor;
  @Field(() => DateTime, { description: 'When the care it records took place.' }) effectiveAt!: Date;
  @Field(() => DateTime, { description: 'When it was deposited into the DMP.' }) depositedAt!: Date;
  @Field(() => [VisibilityLabelEnum]) visibility!: VisibilityLabel[];
  @Field(() => DocumentCapabilitiesType, { description: 'What the reader may do with it: buttons a front end shows.' })
  capabilities?: DocumentCapabilitiesType;
}

@InputType({ description: 'Narrows a document list; every criterion given must hold.' })
export class DocumentFilter {
  @Field(() => [DmpSpaceEnum], { nullable: true }) spaces?: DmpSpace[] | null;
  @Field(() => [String], { nullable: true, description: 'JDV_J07 type codes.' }) typeCodes?: string[] | null;
  @Field(() => DateTime, { nullable: true, description: 'Care on or after this instant.' }) from?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Care before this instant.' }) to?: Date | null;
  @Field(() => [AuthorKindEnum], { nullable: true, description: 'Written by these kinds of author.' })
  authorKinds?: AuthorKind[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Written by this professional (RPPS); only documents the reader may see are ever matched.',
  })
  authorRpps?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Only these documents (at most 100 ids).' }) ids?: string[] | null;
}
