import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../schema/scalars';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';

export const CaregivingInvitationStatusEnum = {
  WAITING: 'WAITING',
  ACCEPTED: 'ACCEPTED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
} as const;
export type CaregivingInvitationStatus = keyof typeof CaregivingInvitationStatusEnum;
registerEnumType(CaregivingInvitationStatusEnum, {
  name: 'CaregivingInvitationStatus',
  description: "Where an invitation to be the patient's caregiver stands, as the patient sees it.",
  valuesConfig: {
    WAITING: { description: 'Sent and still open: not accepted, refused or withdrawn yet.' },
    ACCEPTED: { description: 'Accepted: the person is the patient’s caregiver (Patient.caregivers).' },
    REFUSED: { description: 'Refused by the person it was addressed to.' },
    WITHDRAWN: { description: 'Withdrawn by the patient before an answer.' },
    EXPIRED: {
      description:
        'Not answered within its thirty days (policy/periods.json caregivingInvitation): left unanswered, or no account agreed with the traits typed. The graph does not say which.',
    },
  },
});

export const CaregivingEndedByEnum = { PATIENT: 'PATIENT', CAREGIVER: 'CAREGIVER' } as const;
registerEnumType(CaregivingEndedByEnum, {
  name: 'CaregivingEndedBy',
  description: 'Who ended a caregiving: the patient who chose the caregiver, or the caregiver.',
  valuesConfig: {
    PATIENT: { description: 'The patient withdrew it.' },
    CAREGIVER: { description: 'The caregiver stepped down.' },
  },
});

@InputType({
  description:
    'The person to invite as caregiver, by the traits of their identity as the patient knows them: the invitation reaches them only if their identity in the registry agrees with every one.',
})
export class CaregiverTraitsInput {
  @Field(() => String, { description: 'Their INS (NIR of 15 characters, Corsica 2A/2B accepted).' })
  ins!: string;
  @Field(() => String, { description: 'Their first given name, accents and case ignored.' })
  firstName!: string;
  @Field(() => String, { description: 'Their family name (birth name or used name), accents and case ignored.' })
  familyName!: string;
  @Field(() => LocalDate, { description: 'Their birth date: they must be of age.' })
  birthDate!: string;
}

@InputType({ description: "The patient's invitation of a caregiver." })
export class InviteCaregiverInput {
  @Field(() => String, { description: "The patient's own INS: only the patient invites their caregiver." })
  ins!: string;
  @Field(() => CaregiverTraitsInput, { description: 'The person invited, by the traits of their identity.' })
  caregiver!: CaregiverTraitsInput;
}

@InputType({ description: 'An invitation to be a caregiver, by its id.' })
export class CaregivingInvitationIdInput {
  @Field(() => ID, { description: 'The invitation (CaregivingInvitation.id, ReceivedCaregivingInvitation.id).' })
  id!: string;
}

@InputType({ description: 'The answer of the person invited as caregiver.' })
export class AnswerCaregivingInvitationInput extends CaregivingInvitationIdInput {
  @Field(() => Boolean, { description: 'true accepts, false refuses.' })
  accept!: boolean;
}

@InputType({ description: 'A caregiving to end, by its id.' })
export class EndCaregivingInput {
  @Field(() => ID, { description: 'The caregiving (Caregiver.id, CaregivingFor.id).' })
  id!: string;
}

@ObjectType({
  description:
    'A person as the patient typed them when inviting them (the registry confirmed them when they accepted).',
})
export class CaregiverTraits {
  @Field(() => String, { description: 'The INS typed.' }) ins!: string;
  @Field(() => String, { description: 'The first given name typed.' }) firstName!: string;
  @Field(() => String, { description: 'The family name typed.' }) familyName!: string;
  @Field(() => LocalDate, { description: 'The birth date typed.' }) birthDate!: string;
}

@ObjectType({ description: "An invitation to be the patient's caregiver, as the patient sees it." })
export class CaregivingInvitation {
  @Field(() => ID, { description: 'Opaque; the invitee answers it, or the patient withdraws it, by this id.' })
  id!: string;
  @Field(() => CaregiverTraits, { description: 'Whom it is addressed to, as typed.' }) invitee!: CaregiverTraits;
  @Field(() => CaregivingInvitationStatusEnum, { description: 'Where it stands.' }) status!: CaregivingInvitationStatus;
  @Field(() => DateTime, { description: 'When the patient sent it.' }) invitedAt!: Date;
  @Field(() => DateTime, { description: 'It can be accepted strictly before this instant.' }) expiresAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it was accepted, refused or withdrawn.' })
  answeredAt!: Date | null;
}

@ObjectType({
  description:
    'An invitation the viewer received to be a caregiver and may still answer: who invites them, nothing of the record (it opens only once accepted).',
})
export class ReceivedCaregivingInvitation {
  @Field(() => ID, { description: 'The invitation, to answer it by (answerCaregivingInvitation).' }) id!: string;
  @Field(() => String, { description: 'The inviting patient’s first name, as the registry holds it.' })
  patientFirstName!: string;
  @Field(() => String, { description: 'The inviting patient’s family name (used name, else birth name).' })
  patientFamilyName!: string;
  @Field(() => DateTime, { description: 'When the patient sent it.' }) invitedAt!: Date;
  @Field(() => DateTime, { description: 'It can be accepted strictly before this instant.' }) expiresAt!: Date;
}

@ObjectType({ description: "One of the patient's caregivers, in force or ended." })
export class Caregiver {
  @Field(() => ID, { description: 'Opaque; either side ends it by this id (endCaregiving).' }) id!: string;
  @Field(() => CaregiverTraits, { description: 'Who they are, as the patient typed them in the invitation.' })
  person!: CaregiverTraits;
  @Field(() => DateTime, { description: 'When they accepted.' }) since!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it ended; null while in force.' }) endedAt!: Date | null;
  @Field(() => CaregivingEndedByEnum, { nullable: true, description: 'Who ended it; null while in force.' })
  endedBy!: keyof typeof CaregivingEndedByEnum | null;
}

@ObjectType({ description: 'A record the viewer reads as caregiver of its patient, since when.' })
export class CaregivingFor {
  @Field(() => ID, { description: 'Opaque; the caregiver steps down by this id (endCaregiving).' }) id!: string;
  @Field(() => Patient, {
    description:
      'The record, read as `patient` is, under the caregiver grant: no masked document, nothing kept from those who act for the patient, none of the patient’s rights.',
  })
  patient!: VisiblePatient;
  @Field(() => DateTime, { description: 'When the viewer accepted.' }) since!: Date;
}

@ObjectType({ description: 'What inviting a caregiver did.' })
export class InviteCaregiverPayload {
  @Field(() => CaregivingInvitation, { description: 'The invitation, WAITING, whether or not it reaches anyone.' })
  invitation!: CaregivingInvitation;
}

@ObjectType({ description: 'What answering or withdrawing an invitation to be a caregiver did.' })
export class CaregivingInvitationAnswerPayload {
  @Field(() => ID, { description: 'The invitation.' }) id!: string;
  @Field(() => CaregivingInvitationStatusEnum, { description: 'ACCEPTED, REFUSED or WITHDRAWN.' })
  status!: CaregivingInvitationStatus;
  @Field(() => ID, { nullable: true, description: 'The caregiving that accepting started (CaregivingFor.id).' })
  caregivingId!: string | null;
}

@ObjectType({ description: 'What ending a caregiving did.' })
export class EndCaregivingPayload {
  @Field(() => ID, { description: 'The caregiving.' }) id!: string;
  @Field(() => DateTime, { description: 'When it ended: the caregiver reads nothing of the record from then on.' })
  endedAt!: Date;
  @Field(() => CaregivingEndedByEnum, { description: 'Who ended it.' }) endedBy!: keyof typeof CaregivingEndedByEnum;
}
