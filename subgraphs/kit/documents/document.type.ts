import { Directive, Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { DMP_SPACES, VISIBILITY_LABELS, type DmpSpace, type VisibilityLabel } from '../../../domain/codes';
import { DateTime } from '../../../schema/scalars';

const asEnum = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const DmpSpaceEnum = asEnum(DMP_SPACES);
registerEnumType(DmpSpaceEnum, {
  name: 'DmpSpace',
  description: 'The nine spaces the DMP presents documents in.',
  valuesConfig: {
    SYNTHESES: {
      description: 'Syntheses (TRE_A03 class 11), except the child health and prevention check (PREVENTION).',
    },
    TRAITEMENTS: {
      description:
        'Prescriptions, dispensations, care plans and treatments administered (TRE_A03 classes 42 to 45), except the prevention plan.',
    },
    ANALYSES: {
      description:
        'Biology and molecular genetics reports (JDV_J07 11502-2, 51969-4, and DOCPAT05 when the patient deposits one).',
    },
    IMAGERIE: { description: 'Medical imaging (TRE_A03 class 31).' },
    COMPTES_RENDUS: {
      description: 'Reports (TRE_A03 class 10), except the biology and prevention ones (ANALYSES, PREVENTION).',
    },
    PREVENTION: {
      description:
        'Vaccinations and prevention: vaccination history, notes and certificates, preventive and screening reports, the personalised prevention plan, the child health and prevention check (the JDV_J07 types domain/spaces.json lists).',
    },
    CERTIFICATS: { description: 'Certificates and declarations (TRE_A03 class 52), except vaccination documents.' },
    REMBOURSEMENT: { description: 'Reimbursement data fed by the Assurance maladie (TRE_A03 class 60).' },
    ESPACE_PERSONNEL: {
      description:
        'What the patient deposited (TRE_A03 class 90), management documents (class 95), and any document no other space takes.',
    },
  },
});
export const VisibilityLabelEnum = asEnum(VISIBILITY_LABELS);
registerEnumType(VisibilityLabelEnum, {
  name: 'VisibilityLabel',
  description: 'TRE_A07 visibility labels used by the DMP.',
  valuesConfig: {
    MASQUE_PS: {
      description:
        "Masked by the patient: hidden from professionals except its author, the médecin traitant and the administrators the patient named; in an emergency access only with the patient's MASKED consent. Not a deletion.",
    },
    INVISIBLE_PATIENT: {
      description:
        "Set by the author: hidden from the patient's side until the consultation d'annonce, one month after the deposit at the latest (R1111-53).",
    },
    INVISIBLE_REPRESENTANTS_LEGAUX: {
      description:
        "Hidden from the patient's legal representatives: a minor's secret (L1111-5), set by the author at deposit or by the minor afterwards.",
    },
  },
});
export const AuthorKindEnum = asEnum(['PROFESSIONAL', 'PATIENT', 'ALIM_AM', 'ESTABLISHMENT']);
registerEnumType(AuthorKindEnum, {
  name: 'AuthorKind',
  description:
    'Who wrote a document: a professional, the patient, the Assurance maladie feed (ALIM_AM) or an establishment.',
  valuesConfig: {
    PROFESSIONAL: {
      description:
        'A health professional (RPPS), depositing themselves or named by the establishment that deposited for them.',
    },
    PATIENT: {
      description:
        "The patient's side: the patient, or a legal representative writing for them (the author then names the patient).",
    },
    ALIM_AM: { description: 'The Assurance maladie feed, which writes the reimbursement lines.' },
    ESTABLISHMENT: {
      description: 'An establishment (FINESS) depositing through its feeding channel without naming a professional.',
    },
  },
});
export type AuthorKind = 'PROFESSIONAL' | 'PATIENT' | 'ALIM_AM' | 'ESTABLISHMENT';

@ObjectType({ description: 'The author of a DMP document, as stated in its metadata.' })
@Directive('@shareable')
export class DocumentAuthor {
  @Field(() => AuthorKindEnum, { description: 'What kind of writer it is, which says what `id` holds.' })
  kind!: AuthorKind;
  @Field(() => String, { nullable: true, description: 'RPPS of a professional, FINESS of an establishment.' }) id!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Their name as the directory knew it at deposit (a professional's title and names, an establishment's name, the patient's names, Assurance maladie), or as the depositing establishment named the professional; null when unknown.",
  })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_G15 profession code.' }) professionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_R38 specialty code.' }) specialtyCode!: string | null;
  @Field(() => String, { nullable: true, description: 'FINESS of the establishment the author worked for.' })
  establishmentFiness!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Name of that establishment as the directory knew it at deposit; null when unknown or none.',
  })
  establishmentName!: string | null;
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
  @Field(() => String, { description: 'Display name of the type in JDV_J07, in French (the code itself if unlisted).' })
  typeDisplay!: string;
  @Field(() => String, { description: 'Class (TRE_A03), derived from the type by ASS_X16.' }) classCode!: string;
  @Field(() => DmpSpaceEnum, {
    description: 'The DMP space it is presented in, which follows from its type and class (domain/spaces.json).',
  })
  space!: DmpSpace;
  @Field(() => String, { description: 'The title its writer gave it at deposit.' }) title!: string;
  @Field(() => DocumentAuthor, { description: 'Who wrote it, as its metadata states.' }) author!: DocumentAuthor;
  @Field(() => DateTime, { description: 'When the care it records took place.' }) effectiveAt!: Date;
  @Field(() => DateTime, { description: 'When it was deposited into the DMP.' }) depositedAt!: Date;
  @Field(() => [VisibilityLabelEnum], {
    description:
      'Its TRE_A07 labels: those its author set, plus MASQUE_PS when the patient masked it and INVISIBLE_REPRESENTANTS_LEGAUX when the minor keeps it secret; empty when none applies.',
  })
  visibility!: VisibilityLabel[];
  @Field(() => DocumentCapabilitiesType, { description: 'What the reader may do with it: buttons a front end shows.' })
  capabilities?: DocumentCapabilitiesType;
}

@InputType({ description: 'Narrows a document list; every criterion given must hold.' })
export class DocumentFilter {
  @Field(() => [DmpSpaceEnum], { nullable: true, description: 'Presented in one of these DMP spaces.' }) spaces?:
    DmpSpace[] | null;
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
