import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { perRequest } from '../../runtime/context';
import { insArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { listsPerPatient } from '../kit/documents/rows-by-patient';
import { touch } from '../../audit/trace-recorder';
import { CARE_ROLE_DEFINITIONS } from '../../domain/care-roles';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { control } from './controls.resolver';
import { knownEstablishment, knownProfessional, professionalOf } from './directory';
import { professionalAddresses } from './directory.resolver';
import {
  AddListedEstablishmentInput,
  AddListedProfessionalInput,
  ListedEstablishment,
  ListedProfessional,
  ProfessionalAddress,
  RemoveListedEstablishmentInput,
  RemoveListedProfessionalInput,
} from './care-lists.type';
import * as repo from './care-lists.repo';
import { setCareRole } from './care-roles.repo';
import { checkRoleFits } from './care-roles.resolver';

/**
 * The lists a patient keeps of their professionals and establishments (docs/law.md §3), as the patient apps
 * show them. A list grants no access and blocks nothing: decide() never reads it. Every change is a patient
 * control: traced, committed with its trace.
 */
const loaders = perRequest((ctx: SubgraphContext) => ({
  professionals: new DataLoader<string, repo.ListedProfessionalRow[]>(async (insList) =>
    listsPerPatient(insList, await repo.findListedProfessionals(ctx.deps.store, insList)),
  ),
  establishments: new DataLoader<string, repo.ListedEstablishmentRow[]>(async (insList) =>
    listsPerPatient(insList, await repo.findListedEstablishments(ctx.deps.store, insList)),
  ),
}));

function changed(ctx: SubgraphContext, ins: string) {
  const { professionals, establishments } = loaders(ctx);
  professionals.clear(ins);
  establishments.clear(ins);
}

/** The deprecated `ListedProfessional.addresses`: the same addresses, read the one way, as `professional.addresses`. */
@Resolver(() => ListedProfessional)
export class ListedProfessionalAddressResolver {
  @FieldResolver(() => [ProfessionalAddress], {
    description: 'Where they practise, as the directory publishes it; empty if it publishes none.',
    deprecationReason: 'Use professional.addresses, served wherever a professional is named.',
  })
  addresses(@Root() listed: ListedProfessional, @Ctx() ctx: SubgraphContext): Promise<ProfessionalAddress[]> {
    return professionalAddresses(ctx).load(listed.professional.rpps);
  }
}

@Resolver(() => Patient)
export class CareListsResolver {
  @FieldResolver(() => [ListedProfessional], {
    nullable: true,
    description:
      'The professionals the patient keeps in their list ("My professionals"), by name. Listing grants no access: who may read is in careTeam.',
  })
  async listedProfessionals(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ListedProfessional[]> {
    touch(ctx, patient.decision.grant, 'listedProfessionals');
    const rows = await loaders(ctx).professionals.load(patient.ins);
    return rows.map((r) => ({
      professional: professionalOf(r),
      role: r.role,
      roleLabel: r.role ? CARE_ROLE_DEFINITIONS.get(r.role)!.label : null,
      medecinTraitant: r.medecin_traitant,
      declaredReferrer: null,
      active: true,
      since: r.since,
    }));
  }

  @FieldResolver(() => [ListedEstablishment], {
    nullable: true,
    description:
      'The establishments the patient keeps in their list ("My health establishments"), by name. Listing grants no access and blocks nothing: see establishments for blocks.',
  })
  async listedEstablishments(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ListedEstablishment[]> {
    touch(ctx, patient.decision.grant, 'listedEstablishments');
    const rows = await loaders(ctx).establishments.load(patient.ins);
    return rows.map((r) => ({ establishment: { finess: r.finess, name: r.name }, since: r.since }));
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Keeps a professional of the directory in the patient’s list. The patient or their legal representative. Grants NO access right: the professional reads nothing more than before.',
  })
  async addListedProfessional(
    @Arg('input', () => AddListedProfessionalInput, { description: 'The record and the professional to list.' })
    input: AddListedProfessionalInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(
      ctx,
      insArgument(input.ins, 'input.ins'),
      'list-professional',
      input.rpps,
      async (tx, id) => {
        const professional = await knownProfessional(tx, input.rpps, 'input.rpps');
        if (input.role) checkRoleFits(professional, input.role, 'input.role');
        if (!(await repo.addListedProfessional(tx, id, input.rpps, ctx.now)))
          throw badInput('input.rpps', 'this professional is already in the list');
        if (input.role) await setCareRole(tx, id, input.role, input.rpps, ctx.now);
      },
    );
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Takes a professional off the patient’s list: their access, and any role given them, are unchanged.',
  })
  async removeListedProfessional(
    @Arg('input', () => RemoveListedProfessionalInput, {
      description: 'The record and the professional to take off the list.',
    })
    input: RemoveListedProfessionalInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(
      ctx,
      insArgument(input.ins, 'input.ins'),
      'unlist-professional',
      input.rpps,
      async (tx, id) => {
        await knownProfessional(tx, input.rpps, 'input.rpps');
        if (!(await repo.removeListedProfessional(tx, id, input.rpps)))
          throw badInput('input.rpps', 'this professional is not in the list');
      },
    );
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Keeps an establishment of the directory in the patient’s list. The patient or their legal representative. Grants NO access right, and is not a block (blockEstablishment).',
  })
  async addListedEstablishment(
    @Arg('input', () => AddListedEstablishmentInput, { description: 'The record and the establishment to list.' })
    input: AddListedEstablishmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(
      ctx,
      insArgument(input.ins, 'input.ins'),
      'list-establishment',
      `finess:${input.finess}`,
      async (tx, id) => {
        await knownEstablishment(tx, input.finess, 'input.finess');
        if (!(await repo.addListedEstablishment(tx, id, input.finess, ctx.now)))
          throw badInput('input.finess', 'this establishment is already in the list');
      },
    );
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Takes an establishment off the patient’s list: a block of it, if any, stays.',
  })
  async removeListedEstablishment(
    @Arg('input', () => RemoveListedEstablishmentInput, {
      description: 'The record and the establishment to take off the list.',
    })
    input: RemoveListedEstablishmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(
      ctx,
      insArgument(input.ins, 'input.ins'),
      'unlist-establishment',
      `finess:${input.finess}`,
      async (tx, id) => {
        await knownEstablishment(tx, input.finess, 'input.finess');
        if (!(await repo.removeListedEstablishment(tx, id, input.finess)))
          throw badInput('input.finess', 'this establishment is not in the list');
      },
    );
    changed(ctx, patient.ins);
    return patient;
  }
}
