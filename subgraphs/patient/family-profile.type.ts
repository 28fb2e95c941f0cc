import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { FamilyProfileBlock, FamilyProfileStatus } from '../../policy/representation';
import { LocalDate } from '../../schema/scalars';
import { EmergencyConsentsInput } from './controls.resolver';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { RepresentationInput } from './representation.resolver';

export const FamilyProfileStatusEnum = {
  TO_ACTIVATE: 'TO_ACTIVATE',
  ACTIVE: 'ACTIVE',
  NOT_ACTIVABLE: 'NOT_ACTIVABLE',
} as const satisfies Record<FamilyProfileStatus, FamilyProfileStatus>;
registerEnumType(FamilyProfileStatusEnum, {
  name: 'FamilyProfileStatus',
  description: 'Where a family profile stands for the parent reading the list.',
  valuesConfig: {
    TO_ACTIVATE: { description: 'A minor without a DMP: the parent may open it (activateFamilyProfiles).' },
    ACTIVE: { description: 'A DMP the parent acts for now, as a registered legal representative.' },
    NOT_ACTIVABLE: { description: 'Not opened from this list: `blockedBy` says why.' },
  },
});

export const FamilyProfileBlockEnum = {
  OF_AGE: 'OF_AGE',
  RECORD_EXISTS: 'RECORD_EXISTS',
} as const satisfies Record<FamilyProfileBlock, FamilyProfileBlock>;
registerEnumType(FamilyProfileBlockEnum, {
  name: 'FamilyProfileBlock',
  description: 'Why a family profile cannot be opened from the list.',
  valuesConfig: {
    OF_AGE: { description: 'Eighteen or over (art. 388 C. civ.): they open and manage their own DMP.' },
    RECORD_EXISTS: {
      description:
        'A DMP exists for them already, in some state. A representative already registered invites the other parent (inviteLegalRepresentative).',
    },
  },
});

@ObjectType({
  description:
    "A person the Assurance maladie attaches to the viewer's cover as an ayant droit (CSS art. L160-2), as the viewer's family list shows them (the app's profiles to add). Being attached gives no access: a profile is opened, and its parent registered as representative, only by activateFamilyProfiles.",
})
export class FamilyProfile {
  @Field(() => ID, { description: 'Opaque id of this entry of the list, for activateFamilyProfiles.' }) id!: string;
  @Field(() => String, { description: 'First name, as the Assurance maladie holds it.' }) firstName!: string;
  @Field(() => String, { description: 'Used name, or the birth name when there is none.' }) lastName!: string;
  @Field(() => LocalDate, { description: 'Birth date, as the Assurance maladie holds it.' }) birthDate!: string;
  @Field(() => FamilyProfileStatusEnum, { description: 'Whether the viewer may open it, acts for it, or neither.' })
  status!: FamilyProfileStatus;
  @Field(() => FamilyProfileBlockEnum, { nullable: true, description: 'Why not, when NOT_ACTIVABLE.' })
  blockedBy!: FamilyProfileBlock | null;
  @Field(() => Patient, {
    nullable: true,
    description: 'The DMP, when ACTIVE, read as `patient` is; null otherwise.',
  })
  patient!: VisiblePatient | null;
}

@InputType({ description: "Opening the DMPs of minors on the viewer's cover, in one go." })
export class FamilyProfileActivationInput {
  @Field(() => [ID], { description: 'FamilyProfile ids, each TO_ACTIVATE (1 to 20).' }) ids!: string[];
  @Field(() => RepresentationInput, {
    description:
      'The parent’s relation and the document it rests on, for every child named: they are registered as each one’s legal representative.',
  })
  representation!: RepresentationInput;
  @Field(() => Boolean, {
    description:
      "The parent, holding parental authority, consents to opening each child's DMP (true required, as for createRecord).",
  })
  expressConsent!: boolean;
  @Field(() => EmergencyConsentsInput, {
    nullable: true,
    description: 'The three emergency consents for each record; proposed ticked: each omitted consent is given.',
  })
  emergencyConsents?: EmergencyConsentsInput | null;
}
