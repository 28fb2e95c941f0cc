import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { DocumentFilter } from '../../runtime/documents/document.type';
import { REQUIRES_GRANT, type PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { grantFor } from '../../runtime/documents/document-source';
import { PageArgs } from '../../runtime/graphql/connection';
import { forbidden } from '../../runtime/errors';
import type { SubgraphContext } from '../../runtime/subgraph';
import { grantAllowsType } from '../../policy/document-filter';
import type { AccessGrant } from '../../policy/grant';
import type { TypeCode } from '../../domain/codes';
import { Allergy, Antecedent, EmergencyContact, OrganDonationEnum, PersonalDocumentConnection, PersonalSpace, Vaccination } from './personal-space.type';
import { personalDocuments, personalSpaceLoaders, toAllergy, toAntecedent, toVaccination } from './personal-space.repo';

/** What the resolver hands down: the verified grant travels with the space, never re-read from the client. */
interface SpaceRoot { patient: PatientRef; grant: AccessGrant }

/** DMP types that carry each structured part, for the habilitation matrix. */
const CARRIED_BY = {
  medicalProfile: 'DOCPAT08', // Profil médical Mon espace santé: allergies, antecedents
  vaccinations: '11369-6', // Historique des vaccinations
  wishes: 'EXPPAT_1', // Volontés et droits du patient: contacts, personne de confiance, organ donation
} as const satisfies Record<string, string>;

function allowed(ctx: SubgraphContext, root: SpaceRoot, part: keyof typeof CARRIED_BY): void {
  if (!grantAllowsType(root.grant, ctx.deps.matrix, CARRIED_BY[part] as TypeCode)) throw forbidden('Your profession may not read this part of the personal space');
}

@Resolver(() => SourcePatient)
export class PersonalSpaceEntryResolver {
  @FieldResolver(() => PersonalSpace, { nullable: true, description: "The patient's personal space." })
  @Directive(REQUIRES_GRANT)
  async personalSpace(@Root() patient: PatientRef, @Ctx() ctx: SubgraphContext): Promise<SpaceRoot> {
    return { patient, grant: await grantFor(ctx, patient) };
  }
}

@Resolver(() => PersonalSpace)
export class PersonalSpaceResolver {
  @FieldResolver(() => PersonalDocumentConnection, { description: 'Documents and notes the patient wrote, newest first.' })
  documents(
    @Root() root: SpaceRoot,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DocumentFilter, { nullable: true }) filter: DocumentFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return personalDocuments.connection(ctx, root.patient, { ...page, filter });
  }

  @FieldResolver(() => PersonalDocumentConnection, { description: 'Directives anticipées (EXPPAT_3), newest first.' })
  advanceDirectives(@Root() root: SpaceRoot, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SubgraphContext) {
    return personalDocuments.connection(ctx, root.patient, { ...page, filter: { typeCodes: ['EXPPAT_3'] } });
  }

  @FieldResolver(() => [Allergy], { nullable: true })
  async allergies(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Allergy[]> {
    allowed(ctx, root, 'medicalProfile');
    return (await personalSpaceLoaders(ctx).allergies.load(root.patient.ins)).map(toAllergy);
  }

  @FieldResolver(() => [Antecedent], { nullable: true })
  async antecedents(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Antecedent[]> {
    allowed(ctx, root, 'medicalProfile');
    return (await personalSpaceLoaders(ctx).antecedents.load(root.patient.ins)).map(toAntecedent);
  }

  @FieldResolver(() => [Vaccination], { nullable: true })
  async vaccinations(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<Vaccination[]> {
    allowed(ctx, root, 'vaccinations');
    return (await personalSpaceLoaders(ctx).vaccinations.load(root.patient.ins)).map(toVaccination);
  }

  @FieldResolver(() => [EmergencyContact], { nullable: true })
  async emergencyContacts(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<EmergencyContact[]> {
    allowed(ctx, root, 'wishes');
    const rows = await personalSpaceLoaders(ctx).contacts.load(root.patient.ins);
    return rows.map((r) => ({ id: r.id, name: r.name, relation: r.relation, phone: r.phone, isTrustedPerson: r.is_trusted_person }));
  }

  @FieldResolver(() => EmergencyContact, { nullable: true, description: 'The personne de confiance (L1111-6), if named.' })
  async trustedPerson(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<EmergencyContact | null> {
    const contacts = await this.emergencyContacts(root, ctx);
    return contacts.find((c) => c.isTrustedPerson) ?? null;
  }

  @FieldResolver(() => OrganDonationEnum, { nullable: true })
  async organDonation(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<string> {
    allowed(ctx, root, 'wishes');
    const [profile] = await personalSpaceLoaders(ctx).profiles.load(root.patient.ins);
    return profile?.organ_donation ?? 'NOT_STATED';
  }
}
