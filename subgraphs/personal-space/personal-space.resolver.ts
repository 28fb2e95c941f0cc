import { forPatient } from './entry-documents';
import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DocumentFilter } from '../kit/documents/document.type';
import { REQUIRES_GRANT, type PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { grantFor } from '../kit/documents/document-source';
import { PageArgs } from '../../runtime/graphql/connection';
import type { SubgraphContext } from '../kit/context';
import { carry, grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import { touch } from '../../audit/trace-recorder';
import {
  Allergy,
  Antecedent,
  ContactTypeEnum,
  EmergencyContact,
  OrganDonationEnum,
  OrganDonationStatement,
  type ContactType,
  PersonalDocumentConnection,
  PersonalSpace,
  Vaccination,
} from './personal-space.type';
import {
  personalDocuments,
  personalSpaceLoaders,
  toAllergy,
  toAntecedent,
  toEmergencyContact,
  toOrganDonationStatement,
  toVaccination,
} from './personal-space.repo';

/**
 * What the resolver hands down: the patient and, as a carried grant, what the registry allowed. Which parts
 * each reader sees is stated in policy/field-rules.json (each part is carried by a DMP type of the matrix).
 */
type SpaceRoot = { patient: PatientRef } & GrantCarrier;

/** Notes the part of the personal space a field read, for the access trace. */
function read(ctx: SubgraphContext, root: SpaceRoot, part: string): void {
  const grant = grantOf(root)!;
  touch(ctx, grant, `personalSpace.${part}`);
}

@Resolver(() => SourcePatient)
export class PersonalSpaceEntryResolver {
  @FieldResolver(() => PersonalSpace, { nullable: true, description: "The patient's personal space." })
  @Directive(REQUIRES_GRANT)
  async personalSpace(@Root() patient: PatientRef, @Ctx() ctx: SubgraphContext): Promise<SpaceRoot> {
    return carry({ patient }, await grantFor(ctx, patient));
  }
}

@Resolver(() => PersonalSpace)
export class PersonalSpaceResolver {
  @FieldResolver(() => PersonalDocumentConnection, {
    description: 'Documents and notes the patient wrote, newest first.',
  })
  documents(
    @Root() root: SpaceRoot,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DocumentFilter, {
      nullable: true,
      description: 'Only the documents every criterion given matches; all without.',
    })
    filter: DocumentFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return personalDocuments.connection(ctx, root.patient, { ...page, filter });
  }

  @FieldResolver(() => PersonalDocumentConnection, { description: 'Directives anticipées (EXPPAT_3), newest first.' })
  advanceDirectives(@Root() root: SpaceRoot, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return personalDocuments.connection(ctx, root.patient, { ...page, filter: { typeCodes: ['EXPPAT_3'] } });
  }

  @FieldResolver(() => [Allergy], {
    nullable: true,
    description: 'The allergies the patient declares, the most recently recorded first.',
  })
  async allergies(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Allergy[]> {
    read(ctx, root, 'allergies');
    return (await personalSpaceLoaders(ctx).allergies.load(root.patient.ins)).map(toAllergy);
  }

  @FieldResolver(() => [Antecedent], {
    nullable: true,
    description:
      "The patient's antecedents (diseases, operations, a relative's diseases), the most recently begun first; undated ones last.",
  })
  async antecedents(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Antecedent[]> {
    read(ctx, root, 'antecedents');
    return (await personalSpaceLoaders(ctx).antecedents.load(root.patient.ins))
      .map(toAntecedent)
      .map(forPatient(root.patient));
  }

  @FieldResolver(() => [Vaccination], {
    nullable: true,
    description: 'The vaccinations the patient records, the most recently given first.',
  })
  async vaccinations(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Vaccination[]> {
    read(ctx, root, 'vaccinations');
    return (await personalSpaceLoaders(ctx).vaccinations.load(root.patient.ins)).map(toVaccination);
  }

  @FieldResolver(() => [EmergencyContact], {
    nullable: true,
    description:
      'Every person of the entourage, with their roles, the personne de confiance first; `entourage` also filters by role.',
  })
  async emergencyContacts(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<EmergencyContact[]> {
    read(ctx, root, 'emergencyContacts');
    return (await personalSpaceLoaders(ctx).contacts.load(root.patient.ins)).map(toEmergencyContact);
  }

  @FieldResolver(() => [EmergencyContact], {
    nullable: true,
    description:
      'The entourage: the people the patient named, each with their roles, the personne de confiance first; `types` keeps those holding one of the roles given.',
  })
  async entourage(
    @Root() root: SpaceRoot,
    @Arg('types', () => [ContactTypeEnum], {
      nullable: true,
      description: 'Only the people holding one of these roles; omitted, everyone.',
    })
    types: ContactType[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmergencyContact[]> {
    read(ctx, root, 'entourage');
    const people = (await personalSpaceLoaders(ctx).contacts.load(root.patient.ins)).map(toEmergencyContact);
    return types == null ? people : people.filter((p) => p.types.some((t) => types.includes(t)));
  }

  @FieldResolver(() => EmergencyContact, {
    nullable: true,
    description: 'The personne de confiance (L1111-6), if named.',
  })
  async trustedPerson(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<EmergencyContact | null> {
    const contacts = await this.emergencyContacts(root, ctx);
    return contacts.find((c) => c.isTrustedPerson) ?? null;
  }

  @FieldResolver(() => OrganDonationStatement, {
    nullable: true,
    description: "The patient's statement that they have read the rules on organ donation.",
  })
  async organDonationStatement(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<OrganDonationStatement> {
    read(ctx, root, 'organDonationStatement');
    const [profile] = await personalSpaceLoaders(ctx).profiles.load(root.patient.ins);
    return toOrganDonationStatement(profile?.organ_donation_informed_at);
  }

  @FieldResolver(() => OrganDonationEnum, {
    nullable: true,
    description: 'The organ-donation stance the patient stated here; NOT_STATED when none.',
    deprecationReason:
      "A stance the app does not ask: objecting is the national refusal register's. Use organDonationStatement.",
  })
  async organDonation(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<string> {
    read(ctx, root, 'organDonation');
    const [profile] = await personalSpaceLoaders(ctx).profiles.load(root.patient.ins);
    return profile?.organ_donation ?? 'NOT_STATED';
  }
}
