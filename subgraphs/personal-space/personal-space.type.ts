import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DmpDocumentFields } from '../kit/documents/document.type';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime, LocalDate } from '../../schema/scalars';
import { PartialDate } from './partial-date';
import { ContactRelations, FamilyRelationships, VaccinationDoseKinds } from './entry-details';

@ObjectType({ implements: DmpDocumentFields, description: 'A document or note the patient wrote or uploaded.' })
export class PersonalDocument extends DmpDocumentFields {
  @Field(() => String, {
    description:
      'text/plain, application/pdf, CDA XML, or from a phone image/jpeg, image/png, image/tiff, application/rtf.',
  })
  mimeType!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The text of a note, as the patient wrote it; null when the document is only a file (`content`).',
  })
  body!: string | null;
}
export const { Connection: PersonalDocumentConnection } = connectionTypes('PersonalDocument', PersonalDocument);

export const SeverityEnum = { MILD: 'MILD', MODERATE: 'MODERATE', SEVERE: 'SEVERE', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(SeverityEnum, {
  name: 'AllergySeverity',
  description:
    'How severe the patient says their reactions to an allergen are: their own estimate, not a clinical grade.',
  valuesConfig: {
    MILD: { description: 'Mild, as the patient judges it.' },
    MODERATE: { description: 'Moderate, as the patient judges it.' },
    SEVERE: { description: 'Severe, as the patient judges it.' },
    UNKNOWN: { description: 'The patient does not know how severe it is, or did not say.' },
  },
});
export const AntecedentKindEnum = { MEDICAL: 'MEDICAL', SURGICAL: 'SURGICAL', FAMILY: 'FAMILY' } as const;
registerEnumType(AntecedentKindEnum, {
  name: 'AntecedentKind',
  description: 'What an antecedent of the health profile is: a disease of the patient, an operation, or a relative’s.',
  valuesConfig: {
    MEDICAL: { description: 'A disease or medical condition the patient has or had (ProfileSection MEDICAL_HISTORY).' },
    SURGICAL: { description: 'An operation the patient had (ProfileSection MEDICAL_HISTORY).' },
    FAMILY: {
      description: 'A disease of a relative, for hereditary risk; `familyRelationship` says whose (FAMILY_HISTORY).',
    },
  },
});
export const OrganDonationEnum = {
  NOT_STATED: 'NOT_STATED',
  NO_OBJECTION: 'NO_OBJECTION',
  OBJECTS: 'OBJECTS',
} as const;
registerEnumType(OrganDonationEnum, {
  name: 'OrganDonationStance',
  description: 'Presumed consent applies unless the patient objects (the national refusal register is authoritative).',
  valuesConfig: {
    NOT_STATED: { description: 'The patient stated no stance here.' },
    NO_OBJECTION: { description: 'The patient states they do not object to donating their organs.' },
    OBJECTS: { description: 'The patient states they object; the national refusal register stays authoritative.' },
  },
});

@ObjectType({ description: 'An allergy the patient declares in the health profile, in their words.' })
export class Allergy {
  @Field(() => ID, { description: 'The entry, for recordAllergy(id:) and removePersonalEntry(kind: ALLERGY).' })
  id!: string;
  @Field(() => String, { description: 'What the patient is allergic to (a medicine, a food, pollen…), in words.' })
  substance!: string;
  @Field(() => String, { nullable: true, description: 'What happens to them (hives, swelling…), in their words.' })
  reaction!: string | null;
  @Field(() => SeverityEnum, { description: 'How severe they say it is.' }) severity!: keyof typeof SeverityEnum;
  @Field(() => DateTime, { description: 'When it was recorded, or last changed.' }) recordedAt!: Date;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment?: string | null;
}

@ObjectType({
  description:
    'An antecedent the patient declares in the health profile: a disease or an operation of theirs, or a disease of a relative.',
})
export class Antecedent {
  @Field(() => ID, { description: 'The entry, for recordAntecedent(id:) and removePersonalEntry(kind: ANTECEDENT).' })
  id!: string;
  @Field(() => AntecedentKindEnum, { description: 'Medical, surgical, or of a relative.' })
  kind!: keyof typeof AntecedentKindEnum;
  @Field(() => String, { description: 'The disease or operation, in the patient’s words.' }) label!: string;
  @Field(() => Int, { nullable: true, description: 'The year of `start`, when given.' }) sinceYear!: number | null;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment?: string | null;
  @Field(() => PartialDate, {
    nullable: true,
    description: 'When it began or was diagnosed, as much of the date as the patient gave.',
  })
  start?: PartialDate | null;
  @Field(() => PartialDate, { nullable: true, description: 'When it ended (cured, operated); null while it goes on.' })
  end?: PartialDate | null;
  @Field(() => FamilyRelationships.values, {
    nullable: true,
    description: 'For a FAMILY antecedent, which relative it concerns.',
  })
  familyRelationship?: string | null;
  @Field(() => String, { nullable: true, description: 'The label of `familyRelationship`.' })
  familyRelationshipLabel?: string | null;
}

@ObjectType({ description: 'A vaccination the patient records in the health profile (their carnet de vaccination).' })
export class Vaccination {
  @Field(() => ID, {
    description: 'The entry, for recordVaccination(id:) and removePersonalEntry(kind: VACCINATION).',
  })
  id!: string;
  @Field(() => String, { description: 'The vaccine, as the box or the carnet names it.' }) vaccine!: string;
  @Field(() => LocalDate, { description: 'The day it was given.' }) administeredOn!: string;
  @Field(() => String, { nullable: true, description: 'The batch number (numéro de lot) on the vaccine.' })
  lot!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The presentation code of the vaccine given (CIP13, 13 digits from 34009), when the patient gave it.',
  })
  cip13?: string | null;
  @Field(() => VaccinationDoseKinds.values, {
    nullable: true,
    description: 'First series, booster or not said (HL7 v3 ActSubstanceAdministrationCode).',
  })
  doseKind?: string | null;
  @Field(() => String, { nullable: true, description: 'The label of `doseKind`.' }) doseKindLabel?: string | null;
  @Field(() => Int, { nullable: true, description: 'The rank of this dose in its series or of this booster (1, 2…).' })
  doseNumber?: number | null;
  @Field(() => String, { nullable: true, description: 'Who vaccinated (a name: médecin, pharmacien, infirmier…).' })
  performer?: string | null;
  @Field(() => String, { nullable: true, description: "The patient's comment, in their words." })
  comment?: string | null;
}

@ObjectType({ description: 'A postal address, as the patient gave it.' })
export class PostalAddress {
  @Field(() => String, { nullable: true, description: 'Number and street.' }) street!: string | null;
  @Field(() => String, { nullable: true, description: 'Five digits in France.' }) postalCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The town (commune).' }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'Null in France.' }) country!: string | null;
}

export const ContactTypeEnum = {
  EMERGENCY_CONTACT: 'EMERGENCY_CONTACT',
  TRUSTED_PERSON: 'TRUSTED_PERSON',
  CAREGIVER: 'CAREGIVER',
  HELPED_PERSON: 'HELPED_PERSON',
} as const;
export type ContactType = keyof typeof ContactTypeEnum;
registerEnumType(ContactTypeEnum, {
  name: 'ContactType',
  description: 'A role a person of the entourage holds for the patient; one person may hold several.',
  valuesConfig: {
    EMERGENCY_CONTACT: { description: 'Someone to call in an emergency.' },
    TRUSTED_PERSON: { description: 'The personne de confiance (CSP L1111-6): one at a time.' },
    CAREGIVER: { description: 'A proche aidant who helps the patient (CASF L113-1-3).' },
    HELPED_PERSON: { description: 'Someone the patient helps as their proche aidant.' },
  },
});

@ObjectType({ description: 'A person of the entourage; the personne de confiance (L1111-6) is flagged.' })
export class EmergencyContact {
  @Field(() => ID, {
    description: 'The entry, for recordEmergencyContact(id:) and removePersonalEntry(kind: EMERGENCY_CONTACT).',
  })
  id!: string;
  @Field(() => String, { description: 'The full name, as given or made of `firstName` and `lastName`.' })
  name!: string;
  @Field(() => String, { description: 'Who they are to the patient, in words ("ma sœur"); coded in `relationCode`.' })
  relation!: string;
  @Field(() => String, { description: 'The number to call them on (international or French).' }) phone!: string;
  @Field(() => Boolean, {
    description: 'They are the personne de confiance (CSP L1111-6); one person at most. TRUSTED_PERSON in `types`.',
  })
  isTrustedPerson!: boolean;
  @Field(() => String, { nullable: true, description: 'First name, when given apart from `name`.' })
  firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'Last name, when given apart from `name`.' })
  lastName?: string | null;
  @Field(() => ContactRelations.values, {
    nullable: true,
    description: 'Who they are to the patient, coded; `relation` keeps the words.',
  })
  relationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The label of `relationCode`.' }) relationLabel?: string | null;
  @Field(() => String, { nullable: true, description: 'A second number (a landline), when given.' })
  otherPhone?: string | null;
  @Field(() => String, { nullable: true, description: 'Their e-mail address, when given; nothing is sent to it.' })
  email?: string | null;
  @Field(() => PostalAddress, { nullable: true, description: 'Where they live, when given.' })
  address?: PostalAddress | null;
  @Field(() => String, { nullable: true, description: 'The name prefix (civilité: Madame, Monsieur…), when given.' })
  prefix?: string | null;
  @Field(() => [ContactTypeEnum], {
    description: 'The roles this person holds; TRUSTED_PERSON exactly when `isTrustedPerson`.',
  })
  types!: ContactType[];
}

@ObjectType({
  description:
    "The patient's statement that they have read the rules on organ donation (presumed consent, CSP L1232-1; objecting is the national refusal register's). It is not a stance.",
})
export class OrganDonationStatement {
  @Field(() => Boolean, { description: 'True once the patient states they are informed.' }) informed!: boolean;
  @Field(() => DateTime, { nullable: true, description: 'When they last said so; null while not informed.' })
  at!: Date | null;
}

@ObjectType({
  description:
    "The patient's personal space: what they wrote and stated themselves. Each part is shown only to readers the habilitation matrix lets read the DMP type that carries it.",
})
export class PersonalSpace {
  ins!: string;
}
