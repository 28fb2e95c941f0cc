import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../schema/scalars';

export const IdentityStatusEnum = { PROV: 'PROV', RECUP: 'RECUP', VALI: 'VALI', QUAL: 'QUAL' } as const;
registerEnumType(IdentityStatusEnum, {
  name: 'IdentityStatus',
  description: 'RNIV identity status; only QUAL identities may be shared.',
});
export const DmpStatusEnum = { ACTIVE: 'ACTIVE', CLOSED: 'CLOSED', DELETED: 'DELETED' } as const;
registerEnumType(DmpStatusEnum, { name: 'DmpStatus' });
export const SexEnum = { F: 'F', M: 'M' } as const;
registerEnumType(SexEnum, { name: 'Sex' });
export const CareRelationKindEnum = {
  MEDECIN_TRAITANT: 'MEDECIN_TRAITANT',
  ADMINISTRATOR: 'ADMINISTRATOR',
  AUTHORISED: 'AUTHORISED',
  BLOCKED: 'BLOCKED',
} as const;
registerEnumType(CareRelationKindEnum, { name: 'CareRelationKind' });
/**
 * How an actor reaches a record. SCREAMING_CASE is the schema's convention (schema/CHANGELOG.md): those values
 * are declared from now on, and the lower-case ones stay, deprecated, for their period. An answer still says the
 * lower-case name until the period ends: graphql-js serialises a value by the last name declared for it.
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
const MODE_NAMES = Object.keys(ACCESS_MODES) as AccessModeName[];
export const AccessModeEnum = {
  ...Object.fromEntries(MODE_NAMES.map((mode) => [mode.toUpperCase(), mode])),
  ...Object.fromEntries(MODE_NAMES.map((mode) => [mode, mode])),
} as Record<string, AccessModeName>;
registerEnumType(AccessModeEnum, {
  name: 'AccessMode',
  description: "How the reader reaches the record: a TRE_R248 mode for professionals, or the patient's own side.",
  valuesConfig: Object.fromEntries(
    MODE_NAMES.flatMap((mode) => [
      [mode.toUpperCase(), { description: ACCESS_MODES[mode] }],
      [mode, { description: ACCESS_MODES[mode], deprecationReason: `Use ${mode.toUpperCase()}.` }],
    ]),
  ),
});

@ObjectType({ description: 'Strict identity traits (RNIV).' })
export class Identity {
  @Field(() => String) birthName!: string;
  @Field(() => String, { nullable: true }) usedName!: string | null;
  @Field(() => String, { description: 'First given name.' }) firstName!: string;
  @Field(() => [String]) givenNames!: string[];
  @Field(() => SexEnum) sex!: 'F' | 'M';
  @Field(() => LocalDate) birthDate!: string;
  @Field(() => String, { description: 'INSEE code of the birthplace; 99 + country code for births abroad.' })
  birthplaceCode!: string;
  @Field(() => IdentityStatusEnum) status!: keyof typeof IdentityStatusEnum;
}

@ObjectType()
export class DmpRecord {
  @Field(() => DmpStatusEnum) status!: keyof typeof DmpStatusEnum;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) closedAt!: Date | null;
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
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A health professional of the directory.' })
export class Professional {
  @Field(() => ID, { description: 'RPPS.' }) rpps!: string;
  @Field(() => String) familyName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { description: 'TRE_G15.' }) professionCode!: string;
  @Field(() => String, { description: 'The TRE_G15 label of the profession ("Médecin", "Pharmacien"…).' })
  professionLabel!: string;
  @Field(() => String, { nullable: true, description: 'TRE_R38.' }) specialtyCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The TRE_R38 label of the specialty.' })
  specialtyLabel!: string | null;
  @Field(() => String, { nullable: true }) establishmentName!: string | null;
  @Field(() => Establishment, { nullable: true, description: 'Where they practise, when the directory knows it.' })
  establishment!: Establishment | null;
}

@ObjectType()
export class CareRelation {
  @Field(() => CareRelationKindEnum) kind!: keyof typeof CareRelationKindEnum;
  @Field(() => Professional) professional!: Professional;
  @Field(() => DateTime) since!: Date;
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
  @Field(() => Establishment) establishment!: Establishment;
  @Field(() => DateTime) since!: Date;
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

@ObjectType()
export class LegalRepresentative {
  @Field(() => ID) accountId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) relation!: string;
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
  @Field(() => AccessModeEnum) mode!: string;
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
