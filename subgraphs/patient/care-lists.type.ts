import { Field, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';
import type { CareRole } from '../../domain/care-roles';
import { CareRoleEnum } from './care-roles.type';
import { Establishment, Professional } from './patient.type';

@ObjectType({ description: 'A practice address of a professional, as the directory publishes it.' })
export class ProfessionalAddress {
  @Field(() => String, { description: 'Street and number.' }) line!: string;
  @Field(() => String, { description: 'French postal code, 5 digits.' }) postalCode!: string;
  @Field(() => String, { description: 'City.' }) city!: string;
  @Field(() => String, { nullable: true, description: 'The practice phone; null if none is published.' })
  phone!: string | null;
}

@ObjectType({
  description:
    'A professional the patient keeps in their list ("My professionals"). The list is an address book: being listed grants no access to the record (access is in careTeam), and leaving it takes none away.',
})
export class ListedProfessional {
  @Field(() => Professional, {
    description: 'As the directory holds them: identity, TRE_G15 profession and TRE_R38 specialty, codes and labels.',
  })
  professional!: Professional;
  @Field(() => CareRoleEnum, {
    nullable: true,
    description: 'The role the patient gave them (careRoles), if any; null if none.',
  })
  role!: CareRole | null;
  @Field(() => String, { nullable: true, description: 'The role in words; null if none.' }) roleLabel!: string | null;
  @Field(() => Boolean, {
    description:
      'They are the médecin traitant the patient named on the DMP (careTeam MEDECIN_TRAITANT), which, unlike the list, gives a reading right.',
  })
  medecinTraitant!: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the Assurance maladie holds them as the médecin traitant declared for reimbursement. Always null: the graph has no Assurance maladie feed of declared médecins traitants, so it cannot say.',
  })
  declaredReferrer!: boolean | null;
  @Field(() => Boolean, {
    description: 'Whether the directory holds them as practising; the directory holds only practising professionals.',
  })
  active!: boolean;
  @Field(() => DateTime, { description: 'Listed since then.' }) since!: Date;
}

@ObjectType({
  description:
    'An establishment the patient keeps in their list ("My health establishments"). Being listed grants no access and blocks nothing: blocking is blockEstablishment, apart.',
})
export class ListedEstablishment {
  @Field(() => Establishment, { description: 'As the directory holds it: FINESS and name.' })
  establishment!: Establishment;
  @Field(() => DateTime, { description: 'Listed since then.' }) since!: Date;
}

@InputType({ description: 'A professional of the directory to keep in the patient’s list.' })
export class AddListedProfessionalInput {
  @Field(() => String, { description: 'The record (INS).' }) ins!: string;
  @Field(() => String, { description: 'RPPS, of a professional the directory holds.' }) rpps!: string;
  @Field(() => CareRoleEnum, {
    nullable: true,
    description:
      'A role to give them at once, as setCareRole does (the profession checked). A médecin traitant is named by nameMedecinTraitant, apart, as it gives a reading right.',
  })
  role?: CareRole | null;
}

@InputType({ description: 'A professional to take off the patient’s list.' })
export class RemoveListedProfessionalInput {
  @Field(() => String, { description: 'The record (INS).' }) ins!: string;
  @Field(() => String, { description: 'RPPS of a listed professional.' }) rpps!: string;
}

@InputType({ description: 'An establishment of the directory to keep in the patient’s list.' })
export class AddListedEstablishmentInput {
  @Field(() => String, { description: 'The record (INS).' }) ins!: string;
  @Field(() => String, { description: 'FINESS, of an establishment the directory holds.' }) finess!: string;
}

@InputType({ description: 'An establishment to take off the patient’s list.' })
export class RemoveListedEstablishmentInput {
  @Field(() => String, { description: 'The record (INS).' }) ins!: string;
  @Field(() => String, { description: 'FINESS of a listed establishment.' }) finess!: string;
}
