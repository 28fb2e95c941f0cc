import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../schema/scalars';
import { registerEnumInTransition } from '../kit/enum-in-transition';

export const IdentityStatusEnum = { PROV: 'PROV', RECUP: 'RECUP', VALI: 'VALI', QUAL: 'QUAL' } as const;
registerEnumType(IdentityStatusEnum, {
  name: 'IdentityStatus',
  description: 'RNIV identity status; only QUAL identities may be shared.',
  valuesConfig: {
    PROV: {
      description: 'Provisional: the traits are not checked against an identity document, the INS not retrieved.',
    },
    RECUP: {
      description:
        'Retrieved: the INS was retrieved from the national service, the traits not checked against an identity document.',
    },
    VALI: { description: 'Validated: the traits are checked against an identity document, the INS not retrieved.' },
    QUAL: {
      description:
        'Qualified: the INS retrieved and the traits checked against an identity document; the only status shared.',
    },
  },
});
export const DmpStatusEnum = { ACTIVE: 'ACTIVE', CLOSED: 'CLOSED', DELETED: 'DELETED' } as const;
registerEnumType(DmpStatusEnum, {
  name: 'DmpStatus',
  description: 'Where a DMP stands in its lifecycle.',
  valuesConfig: {
    ACTIVE: { description: 'Open: read and written as the rules allow.' },
    CLOSED: {
      description: 'Closed (by request, or at death): archived ten years, read by nobody, reopened whole on request.',
    },
    DELETED: { description: 'Deleted for good: nobody reads it, and its content is erased from every source.' },
  },
});
export const SexEnum = { F: 'F', M: 'M' } as const;
registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Sex, as the identity register (RNIV) holds it.',
  valuesConfig: { F: { description: 'Female.' }, M: { description: 'Male.' } },
});
export const CareRelationKindEnum = {
  MEDECIN_TRAITANT: 'MEDECIN_TRAITANT',
  ADMINISTRATOR: 'ADMINISTRATOR',
  AUTHORISED: 'AUTHORISED',
  BLOCKED: 'BLOCKED',
} as const;
registerEnumType(CareRelationKindEnum, {
  name: 'CareRelationKind',
  description: "A professional's relation to the patient's record.",
  valuesConfig: {
    MEDECIN_TRAITANT: { description: 'The médecin traitant DMP: a médecin (TRE_G15 10), at most one per record.' },
    ADMINISTRATOR: { description: 'A DMP administrator, who reads like the médecin traitant.' },
    AUTHORISED: { description: 'Authorised by the patient: reads per the habilitation matrix, for one year.' },
    BLOCKED: { description: 'Blocked by the patient: reads nothing, in any mode, bris de glace included.' },
  },
});
/**
 * How an actor reaches a record, named SCREAMING_CASE from now on and lower case, deprecated, for the period
 * schema/CHANGELOG.md gives.
 */
const ACCESS_MODES = {
  normal:
    'A professional, under an authorisation, the care team, or as médecin traitant or administrator (TRE_R248 mode normal).',
  bris_de_glace: 'A professional facing an emergency, under bris de glace (TRE_R248; docs/law.md §3).',
  centre_15: 'A SAMU centre 15 regulator (TRE_R248 mode centre 15).',
  patient: 'The patient on their own record.',
  representative: 'A legal representative of the patient (a minor’s parent, an adult’s tutor or curator).',
  heir: 'An heir after the death (L1111-18).',
  caregiver: 'The caregiver the patient chose (CASF L113-1-3; docs/law.md §3, "Caregivers").',
} as const;
type AccessModeName = keyof typeof ACCESS_MODES;
export const AccessModeEnum = registerEnumInTransition(
  'AccessMode',
  "How the reader reaches the record: a TRE_R248 mode for professionals, or the patient's own side.",
  Object.fromEntries(
    (Object.keys(ACCESS_MODES) as AccessModeName[]).map((mode) => [
      mode,
      { value: mode, description: ACCESS_MODES[mode] },
    ]),
  ),
);

@ObjectType({ description: 'Strict identity traits (RNIV).' })
export class Identity {
  @Field(() => String, { description: 'Birth name.' }) birthName!: string;
  @Field(() => String, { nullable: true, description: 'Used name; null when none is recorded.' })
  usedName!: string | null;
  @Field(() => String, { description: 'First given name.' }) firstName!: string;
  @Field(() => [String], { description: 'Every given name, in order, the first included.' }) givenNames!: string[];
  @Field(() => SexEnum, { description: 'Sex.' }) sex!: 'F' | 'M';
  @Field(() => LocalDate, { description: 'Date of birth.' }) birthDate!: string;
  @Field(() => String, { description: 'INSEE code of the birthplace; 99 + country code for births abroad.' })
  birthplaceCode!: string;
  @Field(() => IdentityStatusEnum, { description: 'RNIV identity status.' }) status!: keyof typeof IdentityStatusEnum;
}

@ObjectType({ description: 'The DMP itself: where it stands in its lifecycle, and since when.' })
export class DmpRecord {
  @Field(() => DmpStatusEnum, { description: 'Active, closed or deleted.' }) status!: keyof typeof DmpStatusEnum;
  @Field(() => DateTime, { description: 'When the DMP was created.' }) createdAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it was closed; null while it is open.' })
  closedAt!: Date | null;
  @Field(() => LocalDate, { nullable: true, description: 'The death, when recorded: the record is then closed.' })
  deceasedOn!: string | null;
}

@ObjectType({ description: 'The three emergency consents, proposed ticked at creation.' })
export class EmergencyConsents {
  @Field(() => Boolean, { description: 'ETREAT: the SAMU centre 15 may read.' }) etreat!: boolean;
  @Field(() => Boolean, { description: 'BTG: a professional may break the glass.' }) btg!: boolean;
  @Field(() => Boolean, { description: 'MASKED: masked documents are shown in an emergency.' }) masked!: boolean;
}

@ObjectType({ description: 'An establishment of the directory.' })
export class Establishment {
  @Field(() => ID, { description: 'FINESS.' }) finess!: string;
  @Field(() => String, { description: 'Its name, as the directory holds it.' }) name!: string;
}

@ObjectType({ description: 'A health professional of the directory.' })
export class Professional {
  @Field(() => ID, { description: 'RPPS.' }) rpps!: string;
  @Field(() => String, { description: 'Family name, as the directory holds it.' }) familyName!: string;
  @Field(() => String, { description: 'First name, as the directory holds it.' }) firstName!: string;
  @Field(() => String, { description: 'TRE_G15.' }) professionCode!: string;
  @Field(() => String, { description: 'The TRE_G15 label of the profession ("Médecin", "Pharmacien"…).' })
  professionLabel!: string;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) specialtyCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The TRE_R38 label of the specialty.' })
  specialtyLabel!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The name of the establishment where they practise; null when the directory knows none.',
  })
  establishmentName!: string | null;
  @Field(() => Establishment, { nullable: true, description: 'Where they practise, when the directory knows it.' })
  establishment!: Establishment | null;
}

@ObjectType({
  description: "A professional of the patient's care team: médecin traitant, administrator, authorised or blocked.",
})
export class CareRelation {
  @Field(() => CareRelationKindEnum, { description: 'What the relation is.' })
  kind!: keyof typeof CareRelationKindEnum;
  @Field(() => Professional, { description: 'The professional, as the directory holds them.' })
  professional!: Professional;
  @Field(() => DateTime, { description: 'When the relation was set (or the authorisation last given).' }) since!: Date;
  @Field(() => DateTime, {
    nullable: true,
    description:
      'An authorisation grants access strictly before this instant (one year from when it was given or renewed); null for a relation that does not end by itself.',
  })
  until!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      "An authorisation the patient gave at a consultation: the RPPS of the professional who recorded it (recordConsultationConsent). Null when the patient's side gave it.",
  })
  consentRecordedBy!: string | null;
}

@ObjectType({
  description:
    "An establishment's care team the patient authorised: every professional the directory places there reads per the matrix of their own profession, while they are there and until the authorisation ends.",
})
export class CareTeamAuthorisation {
  @Field(() => Establishment, { description: 'The establishment whose care team is authorised.' })
  establishment!: Establishment;
  @Field(() => DateTime, { description: 'When the authorisation was given (or last renewed).' }) since!: Date;
  @Field(() => DateTime, {
    description: 'It grants access strictly before this instant (one year from when it was given).',
  })
  until!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      "Given at a consultation: the RPPS of the professional who recorded it. Null when the patient's side gave it.",
  })
  consentRecordedBy!: string | null;
}

@ObjectType({
  description:
    'A legal representative of a minor or a protected adult, who acts on the record for them. Each representative sees only their own entry.',
})
export class LegalRepresentative {
  @Field(() => ID, { description: "The representative's account." }) accountId!: string;
  @Field(() => String, { description: "The representative's name, as their account holds it." }) name!: string;
  @Field(() => String, { description: 'Their relation to the patient, as stated (Mère, Père, Tuteur, Curateur…).' })
  relation!: string;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      "Representation ends by itself on this day: an adult's protection measure; a minor's ends at majority.",
  })
  until!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The document the representation rests on, as stated when registered.',
  })
  basis!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was registered through the graph.' })
  registeredAt!: Date | null;
}

@ObjectType({ description: 'How the caller reaches this record, and the rule that allowed it.' })
export class AccessInfo {
  @Field(() => AccessModeEnum, { description: 'The mode of access the caller reads in.' }) mode!: string;
  @Field(() => String, { description: 'The policy rule that matched (cited in the access trace).' }) rule!: string;
}

@ObjectType({ description: "A patient's DMP, as the registry holds it; each source adds its own fields." })
@Directive('@key(fields: "ins")')
export class Patient {
  @Field(() => ID, { description: 'INS (NIR or NIA with its key).' }) ins!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "The record's opaque id, stable for its whole life: for URLs and caches instead of the INS. `patientById` takes it.",
  })
  id?: string | null;
  @Field(() => String, { description: 'OID of the register that issued the INS.' }) insOid!: string;
  @Field(() => String, { nullable: true }) @Directive('@inaccessible') accessGrant?: string | null;
}
