import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../runtime/graphql/connection';
import { DateTime } from '../../schema/scalars';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_CODES } from '../../domain/notification-kinds';

// The kinds are domain/notification-kinds.json's, the one list the outbox and the notifier read.
export const NotificationKindEnum: Record<string, string> = Object.fromEntries(
  NOTIFICATION_KIND_CODES.map((code) => [code, code]),
);

/** What each kind tells the patient's side, in English; a kind the list gains later reads its French label. */
const NOTIFICATION_KIND_DESCRIPTIONS: Record<string, string> = {
  DMP_CREATED: 'The DMP was created (L1111-14).',
  FIRST_ACCESS: 'A professional accessed the record for the first time.',
  EMERGENCY_ACCESS: 'An emergency access: bris de glace or the SAMU centre 15.',
  NEW_DOCUMENT: 'A new document was deposited in the record (`document` names it).',
  CONSENT_RECORDED: 'A professional recorded, at a consultation, the patient’s consent to access (L1111-15).',
  REPRESENTATIVE_ADDED: 'A legal representative was added.',
  REPRESENTATIVE_REMOVED: 'A legal representative was removed.',
  DOCUMENT_DELETION_DECIDED: "The host's médecin decided on a request to delete a document (R1111-51).",
};
const notificationKindDescription = (code: string, label: string) => {
  const english = NOTIFICATION_KIND_DESCRIPTIONS[code];
  const turnOff = NOTIFICATION_KINDS.find((k) => k.code === code)?.mayTurnOff
    ? ' A reader may turn its delivery off.'
    : '';
  return `${english ?? label}${turnOff}`;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    "DMP creation, the first access of a professional, every emergency access, a new document, a consent to access recorded by a professional at a consultation, a legal representative added or removed, a request to delete a document decided by the host's médecin.",
  valuesConfig: Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k.code, { description: notificationKindDescription(k.code, k.label) }]),
  ),
});

@ObjectType({ description: 'A notification to the patient.' })
export class PatientNotification {
  @Field(() => ID, { description: 'The notification, for markNotificationsRead and dismissNotifications.' })
  id!: string;
  @Field(() => NotificationKindEnum, { description: 'What it is about.' }) kind!: string;
  @Field(() => DateTime, { description: 'When what it tells of happened.' }) at!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      "Who acted (an `actorId` as the access history lists it); null when nobody did, or for another representative's act told to a representative.",
  })
  actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'What kind of actor acted; null when nobody did.' })
  actorKind!: string | null;
  @Field(() => String, { nullable: true, description: 'TRE_G15.' }) actorProfession!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The mode the actor acted in, as traced (TRE_R248, or the patient's side); null when nobody did.",
  })
  mode!: string | null;
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
