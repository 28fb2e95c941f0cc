import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { perRequest } from '../../runtime/context';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { listsPerPatient } from '../kit/documents/rows-by-patient';
import { touch } from '../../audit/trace-recorder';
import type { PatientSide } from '../../audit/trace';
import { CARE_ROLE_DEFINITIONS, CARE_ROLES, type CareRole } from '../../domain/care-roles';
import { PROFESSIONS, type ProfessionCode } from '../../domain/codes';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { control } from './controls.resolver';
import { knownEstablishment, knownProfessional, professionalOf } from './directory';
import { CareRoleEnum, CareRoleHolder, RecordEstablishment } from './care-roles.type';
import * as repo from './care-roles.repo';
import { accessorsOf, findRecordEstablishments, type RecordEstablishmentRow } from './establishments.repo';
import type { CareRoleRow } from './care-roles.repo';
import type { ProfessionalRow } from './directory.repo';

/**
 * The care team as a patient app shows it (docs/law.md §3): the roles the patient gives professionals beside
 * the médecin traitant, and the establishments that accessed or may access the record, which the patient may
 * block. Roles are informational (domain/care-roles.json); a block refuses as a professional's block does
 * (policy/establishment-block.ts). Every change is a patient control: traced, committed with its trace.
 */
const loaders = perRequest((ctx: SubgraphContext) => ({
  roles: new DataLoader<string, CareRoleRow[]>(async (insList) =>
    listsPerPatient(insList, await repo.findCareRoles(ctx.deps.store, insList)),
  ),
  /** Keyed by the side the list is read for and the INS: the side decides which accesses it may show. */
  establishments: new DataLoader<string, RecordEstablishmentRow[]>(async (keys) => {
    const bySide = new Map<string, string[]>();
    for (const key of keys) {
      const [side, ins] = key.split('|');
      bySide.set(side, [...(bySide.get(side) ?? []), ins]);
    }
    const rows = (
      await Promise.all(
        [...bySide].map(async ([side, insList]) => {
          const accessors = await accessorsOf(ctx.deps.audit.store, insList, (side || null) as PatientSide | null);
          const found = await findRecordEstablishments(ctx.deps.store, insList, accessors, ctx.now);
          return found.map((row) => ({ key: `${side}|${row.patient_ins}`, row }));
        }),
      )
    ).flat();
    return keys.map((key) => rows.filter((r) => r.key === key).map((r) => r.row));
  }),
}));

/** The patient's side reading its own record, which some accesses are hidden from; else none. */
function sideOf(patient: VisiblePatient): PatientSide | '' {
  const mode = patient.decision.grant.mode;
  return mode === 'patient' || mode === 'representative' ? mode : '';
}

/** Whatever this request loaded of the record's care team is stale once it changed. */
function changed(ctx: SubgraphContext, ins: string) {
  const { roles, establishments } = loaders(ctx);
  roles.clear(ins);
  for (const side of ['', 'patient', 'representative']) establishments.clear(`${side}|${ins}`);
}

/** BAD_USER_INPUT naming `field` unless the professional has the profession the role is for. */
export function checkRoleFits(professional: ProfessionalRow, role: CareRole, field: string): void {
  const wanted = CARE_ROLE_DEFINITIONS.get(role)!.profession;
  if (professional.profession_code !== wanted)
    throw badInput(field, `the ${role} is a ${PROFESSIONS.get(wanted as ProfessionCode)?.display} (TRE_G15 ${wanted})`);
}

function roleArgument(role: string): CareRole {
  if (!(CARE_ROLES as readonly string[]).includes(role)) throw badInput('role', `one of ${CARE_ROLES.join(', ')}`);
  return role as CareRole;
}

@Resolver(() => Patient)
export class CareRolesResolver {
  @FieldResolver(() => [CareRoleHolder], {
    nullable: true,
    description:
      'The professionals the patient gave a role beside the médecin traitant (sage-femme référente, pharmacien correspondant). Roles are informational: access is in careTeam.',
  })
  async careRoles(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<CareRoleHolder[]> {
    touch(ctx, patient.decision.grant, 'careRoles');
    const rows = await loaders(ctx).roles.load(patient.ins);
    return rows.map((r) => ({
      role: r.role,
      roleLabel: CARE_ROLE_DEFINITIONS.get(r.role)!.label,
      professional: professionalOf(r),
      since: r.since,
    }));
  }

  @FieldResolver(() => [RecordEstablishment], {
    nullable: true,
    description:
      'The establishments that accessed the record (as the access history shown to you holds it) or may access it (a care team authorised, a professional of your care who works there), and those you blocked. Most recent access first.',
  })
  async establishments(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): Promise<RecordEstablishment[]> {
    touch(ctx, patient.decision.grant, 'establishments');
    const rows = await loaders(ctx).establishments.load(`${sideOf(patient)}|${patient.ins}`);
    return rows.map((r) => ({
      establishment: { finess: r.finess, name: r.name },
      links: r.links as RecordEstablishment['links'],
      blockedSince: r.blocked_since,
      careTeamAuthorisedUntil: r.care_team_until,
      lastAccessAt: r.last_access_at,
    }));
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Gives a role to a professional of the directory, replacing its previous holder: a sage-femme référente is a sage-femme (TRE_G15 50), a pharmacien correspondant a pharmacien (21). The patient or their legal representative. Informational: it adds nothing to what the professional may read.',
  })
  async setCareRole(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('role', () => CareRoleEnum, { description: 'The role to give.' }) rawRole: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const role = roleArgument(rawRole);
    const patient = await control(ctx, ins, 'set-care-role', rpps, async (tx, id) => {
      checkRoleFits(await knownProfessional(tx, rpps), role, 'rpps');
      await repo.setCareRole(tx, id, role, rpps, ctx.now);
    });
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Takes a role back: the professional stays in the directory, and their access is unchanged.',
  })
  async removeCareRole(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('role', () => CareRoleEnum, { description: 'The role to take back.' }) rawRole: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const role = roleArgument(rawRole);
    const patient = await control(ctx, ins, 'remove-care-role', `careRoles:${role}`, async (tx, id) => {
      if (!(await repo.removeCareRole(tx, id, role))) throw badInput('role', 'nobody holds this role on this record');
    });
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Blocks an establishment of the directory: its staff, and its professionals reading as its care team or in an emergency there, read nothing of the record, as a blocked professional does. A professional you named or authorised in person keeps that access. The patient or their legal representative.',
  })
  async blockEstablishment(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('finess', () => String, { description: 'The FINESS of an establishment of the directory.' }) finess: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(ctx, ins, 'block-establishment', `finess:${finess}`, async (tx, id) => {
      await knownEstablishment(tx, finess);
      await repo.blockEstablishment(tx, id, finess, ctx.now);
    });
    changed(ctx, patient.ins);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Lifts the block of an establishment: what its care team was authorised for holds again.',
  })
  async unblockEstablishment(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('finess', () => String, { description: 'The FINESS of an establishment of the directory.' }) finess: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(ctx, ins, 'unblock-establishment', `finess:${finess}`, async (tx, id) => {
      await knownEstablishment(tx, finess);
      await repo.unblockEstablishment(tx, id, finess);
    });
    changed(ctx, patient.ins);
    return patient;
  }
}
