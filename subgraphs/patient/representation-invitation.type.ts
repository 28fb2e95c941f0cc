import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { RepresentationInput } from './representation.resolver';

export const InvitationStatusEnum = {
  WAITING: 'WAITING',
  ACCEPTED: 'ACCEPTED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
  FAILED: 'FAILED',
} as const;
export type InvitationStatus = keyof typeof InvitationStatusEnum;
registerEnumType(InvitationStatusEnum, {
  name: 'RepresentationInvitationStatus',
  description: "Where an invitation to be a minor's second legal representative stands.",
  valuesConfig: {
    WAITING: { description: 'Sent, not answered yet, and still open.' },
    ACCEPTED: { description: 'Accepted: the invitee is registered as a legal representative from the next request.' },
    REFUSED: { description: 'Refused by the invitee.' },
    WITHDRAWN: { description: 'Withdrawn by the representative who sent it, before an answer.' },
    EXPIRED: { description: 'Not answered within its thirty days (policy/periods.json representationInvitation).' },
    FAILED: { description: 'Closed after three acceptances that gave a wrong birth date for the child.' },
  },
});

@InputType({ description: "The other parent to invite as the minor's second legal representative." })
export class RepresentationInvitationInput extends RepresentationInput {
  @Field(() => String, { description: "The invitee's representative account (rep:…) in the registry's directory." })
  accountId!: string;
}

@ObjectType({
  description:
    "An invitation to be a minor's legal representative, as the record's side sees it: the patient sees every one, a representative those they sent.",
})
export class RepresentationInvitation {
  @Field(() => ID, { description: 'Opaque; the invitee answers it by this id.' }) id!: string;
  @Field(() => ID, { description: "The invitee's account (rep:…)." }) accountId!: string;
  @Field(() => String, { description: "The invitee's name, as the directory holds it." }) inviteeName!: string;
  @Field(() => String, { description: 'The relation stated by the inviter (Mère, Père…).' }) relation!: string;
  @Field(() => String, { description: 'The document the representation would rest on, as the inviter stated it.' })
  basis!: string;
  @Field(() => InvitationStatusEnum, { description: 'Where it stands.' }) status!: InvitationStatus;
  @Field(() => DateTime, { description: 'When the representative sent it.' }) invitedAt!: Date;
  @Field(() => DateTime, { description: 'It can be accepted strictly before this instant.' }) expiresAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When it was accepted, refused or withdrawn.' })
  answeredAt!: Date | null;
}

@ObjectType({
  description:
    'An invitation the viewer received and may answer: who sent it and the child’s first name, no more (the record opens only once accepted).',
})
export class ReceivedRepresentationInvitation {
  @Field(() => ID, { description: 'The invitation, to answer it by (answerRepresentationInvitation).' }) id!: string;
  @Field(() => String, { description: 'The inviting representative, as the directory names them.' })
  inviterName!: string;
  @Field(() => String, { description: "The child's first name: enough to recognise them, not to identify them." })
  childFirstName!: string;
  @Field(() => String, { description: 'The relation the inviter stated for the invitee (Mère, Père…).' })
  relation!: string;
  @Field(() => DateTime, { description: 'When the representative sent it.' }) invitedAt!: Date;
  @Field(() => DateTime, { description: 'It can be accepted strictly before this instant.' }) expiresAt!: Date;
}

@ObjectType({ description: 'What answering an invitation did.' })
export class InvitationAnswer {
  @Field(() => ID, { description: 'The invitation.' }) id!: string;
  @Field(() => InvitationStatusEnum, { description: 'ACCEPTED, REFUSED or WITHDRAWN.' }) status!: InvitationStatus;
}
