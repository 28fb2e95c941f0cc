import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import { CARE_ROLES, CARE_ROLE_DEFINITIONS, type CareRole } from '../../domain/care-roles';
import { Establishment, Professional } from './patient.type';

export const CareRoleEnum = Object.fromEntries(CARE_ROLES.map((role) => [role, role])) as { [R in CareRole]: R };
registerEnumType(CareRoleEnum, {
  name: 'CareRole',
  description:
    'A role the patient gives a professional of their care beside the médecin traitant (domain/care-roles.json). Informational: it adds nothing to what the professional may read.',
  valuesConfig: Object.fromEntries(
    CARE_ROLES.map((role) => {
      const { label, profession } = CARE_ROLE_DEFINITIONS.get(role)!;
      return [role, { description: `${label}: a professional of TRE_G15 profession ${profession}.` }];
    }),
  ),
});

@ObjectType({
  description:
    'A professional in a role the patient gave them. Separate from access: the role neither authorises nor blocks (see careTeam for that), and a blocked professional keeps their role but reads nothing.',
})
export class CareRoleHolder {
  @Field(() => CareRoleEnum, { description: 'The role the patient gave.' }) role!: CareRole;
  @Field(() => String, { description: 'The role in words ("Sage-femme référente").' }) roleLabel!: string;
  @Field(() => Professional, { description: 'With their TRE_G15 profession and TRE_R38 specialty, codes and labels.' })
  professional!: Professional;
  @Field(() => DateTime, { description: 'When the role was given to this professional.' }) since!: Date;
}

export const EstablishmentLinkEnum = {
  ACCESSED: 'ACCESSED',
  CARE_TEAM_AUTHORISED: 'CARE_TEAM_AUTHORISED',
  PROFESSIONAL_OF_CARE: 'PROFESSIONAL_OF_CARE',
  BLOCKED: 'BLOCKED',
} as const;
registerEnumType(EstablishmentLinkEnum, {
  name: 'EstablishmentLink',
  description: 'Why an establishment is on the patient’s list.',
  valuesConfig: {
    ACCESSED: {
      description:
        'Someone acting for it (its staff, a professional the directory places there, its channel) accessed the record, as the access history shows.',
    },
    CARE_TEAM_AUTHORISED: { description: 'Its care team holds an authorisation in force.' },
    PROFESSIONAL_OF_CARE: {
      description:
        'A professional the directory places there is the médecin traitant, an administrator, or authorised in force.',
    },
    BLOCKED: { description: 'The patient blocked it.' },
  },
});

@ObjectType({
  description:
    'An establishment that accessed the record or may access it, as the patient lists and blocks them (the app’s health establishments).',
})
export class RecordEstablishment {
  @Field(() => Establishment, { description: 'The establishment, as the directory holds it.' })
  establishment!: Establishment;
  @Field(() => [EstablishmentLinkEnum], { description: 'Every reason it is listed, at least one.' })
  links!: (keyof typeof EstablishmentLinkEnum)[];
  @Field(() => DateTime, { nullable: true, description: 'Blocked since then; null if not blocked.' })
  blockedSince!: Date | null;
  @Field(() => DateTime, {
    nullable: true,
    description: "Its care team's authorisation grants access strictly before this instant; null if none in force.",
  })
  careTeamAuthorisedUntil!: Date | null;
  @Field(() => DateTime, {
    nullable: true,
    description: 'The last access by someone acting for it that the access history shows you; null if none.',
  })
  lastAccessAt!: Date | null;
}
