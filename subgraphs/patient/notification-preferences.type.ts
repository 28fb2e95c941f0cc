import { Field, ObjectType } from 'type-graphql';
import { NotificationKindEnum } from './notification.type';

@ObjectType({
  description:
    "One kind of notification as the asking reader (the patient, or one of their legal representatives) receives it on their own channel (device, mail); each reader's choice is theirs alone.",
})
export class NotificationPreference {
  @Field(() => NotificationKindEnum, { description: 'The kind (domain/notification-kinds.json).' })
  kind!: string;

  @Field(() => String, { description: 'What the kind is, in French, as a settings screen shows it.' })
  label!: string;

  @Field(() => Boolean, {
    description:
      'Whether it is delivered to this reader. Off or on, every notification stays in the inbox (`Patient.notifications`).',
  })
  enabled!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether this reader may turn it off: false for the kinds the law requires to reach the patient (an emergency access, the first access of a professional, the creation of the DMP; seed 003, L1111-14).',
  })
  mayTurnOff!: boolean;

  @Field(() => String, {
    description: 'Why it may or may not be turned off: the law that requires it, or that the law is silent.',
  })
  basis!: string;
}
