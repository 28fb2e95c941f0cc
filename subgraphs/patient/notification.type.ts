import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { NOTIFICATION_KIND_CODES } from '../../domain/notification-kinds';

// The kinds are domain/notification-kinds.json's, the one list the outbox and the notifier read.
export const NotificationKindEnum: Record<string, string> = Object.fromEntries(
  NOTIFICATION_KIND_CODES.map((code) => [code, code]),
);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    "DMP creation, the first access of a professional, every emergency access, a new document, a consent to access recorded by a professional at a consultation, a legal representative added or removed, a request to delete a document decided by the host's médecin.",
});

@ObjectType({ description: 'A notification to the patient.' })
export class PatientNotification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => String, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorKind!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_G15.' }) actorProfession!: string | null;
  @Field(() => String, { nullable: true }) mode!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the sender delivered it; null while on its way.' })
  deliveredAt!: Date | null;
  @Field(() => Boolean, { description: 'The asking reader marked it read (each reader keeps their own marks).' })
  read!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'The document it is about (NEW_DOCUMENT): its id over every source, for `Patient.document(id:)`.',
  })
  document!: string | null;
}

export const { Connection: PatientNotificationConnection } = connectionTypes(
  'PatientNotification',
  PatientNotification,
);
