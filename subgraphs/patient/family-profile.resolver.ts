import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { badInput } from '../../runtime/errors';
import { recordAccess } from '../../audit/trace-recorder';
import { parisDate } from '../../domain/calendar';
import { isMinorAt, minorIfBornAfter } from '../../policy/periods';
import { familyProfileStatus, type FamilyProfileBlock, type FamilyProfileStatus } from '../../policy/representation';
import type { SubgraphContext } from '../kit/context';
import { localDate } from '../kit/documents/document-repo';
import { registryLoaders } from './patient.loader';
import { createRecords, type RecordCreationInput } from './lifecycle.resolver';
import { UUID, Viewer } from './viewer.resolver';
import { FamilyProfile, FamilyProfileActivationInput } from './family-profile.type';
import { beneficiariesOf, type BeneficiaryRow } from './family-profile.repo';

/** How many profiles one activation opens: a family, not a batch job. */
const MAX_ACTIVATIONS = 20;

interface Listed {
  row: BeneficiaryRow;
  profile: FamilyProfile;
}

/** The viewer's family list, each entry's status decided by the policy; reading it is traced on each existing DMP. */
async function familyList(ctx: SubgraphContext): Promise<Listed[]> {
  if (ctx.actor.kind !== 'representative') return [];
  const rows = await beneficiariesOf(ctx.deps.store, ctx.actor.id, parisDate(ctx.now), minorIfBornAfter(ctx.now));
  const listed = await Promise.all(
    rows.map(async (row): Promise<Listed> => {
      const birthDate = localDate(row.birth_date)!;
      const { status, reason } = familyProfileStatus({
        minor: isMinorAt(birthDate, ctx.now),
        recordExists: row.record_exists,
        representsIt: row.represents_it,
      });
      // Whether a DMP exists is a fact about that record: its reading is traced there, as invitations' are.
      if (row.record_exists)
        recordAccess(ctx, {
          patientIns: row.ins,
          action: 'read-family-profiles',
          touched: ['familyProfiles'],
          outcome: 'allowed',
          rule: 'representation.read.family-profiles',
        });
      return { row, profile: await profileOf(ctx, row, status, reason) };
    }),
  );
  return listed;
}

/** One entry of the list as the graph shows it; an ACTIVE one carries its record, read as `patient` is. */
async function profileOf(
  ctx: SubgraphContext,
  row: BeneficiaryRow,
  status: FamilyProfileStatus,
  blockedBy: FamilyProfileBlock | null,
): Promise<FamilyProfile> {
  const patient = status === 'ACTIVE' ? await registryLoaders(ctx).visible.load(row.ins) : null;
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.used_name ?? row.birth_name,
    birthDate: localDate(row.birth_date)!,
    status,
    blockedBy,
    patient: patient ?? null,
  };
}

/**
 * Family profiles (docs/law.md §3, "Family profiles"): the persons on a parent's Assurance maladie cover, and the
 * opening of the minors' DMPs from that list, in one go, by the parent who states their relation and its basis
 * and consents, exactly as `createRecord` lets a representative open one.
 */
@Resolver(() => Viewer)
export class FamilyProfileResolver {
  @FieldResolver(() => [FamilyProfile], {
    description:
      "The persons the Assurance maladie attaches to the viewer's cover (ayants droit), oldest first, each with whether the viewer may open their DMP (the app's profiles to add and those not activable); empty for anyone but a representative account.",
  })
  familyProfiles(@Ctx() ctx: SubgraphContext): Promise<FamilyProfile[]> {
    return familyList(ctx).then((listed) => listed.map((l) => l.profile));
  }

  @Mutation(() => [FamilyProfile], {
    nullable: true,
    description:
      "Opens the DMP of each minor named from the viewer's family list and registers the viewer as their legal representative, all or none (the app's profile activation). Each must be TO_ACTIVATE. Each creation is traced and the patient's side notified, as createRecord's. Returns the profiles, now ACTIVE.",
  })
  async activateFamilyProfiles(
    @Arg('input', () => FamilyProfileActivationInput, {
      description: "The children's profiles to open, and on what ground the parent represents them.",
    })
    input: FamilyProfileActivationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FamilyProfile[]> {
    if (input.ids.length < 1 || input.ids.length > MAX_ACTIVATIONS)
      throw badInput('input.ids', `name 1 to ${MAX_ACTIVATIONS} profiles`);
    const listed = new Map((await familyList(ctx)).map((l) => [l.profile.id, l]));
    const chosen = input.ids.map((id, i) => {
      const field = `input.ids[${i}]`;
      const entry = UUID.test(id) ? listed.get(id) : undefined;
      if (!entry) throw badInput(field, 'not a profile of your family list');
      if (input.ids.indexOf(id) !== i) throw badInput(field, 'named twice');
      if (entry.profile.status !== 'TO_ACTIVATE')
        throw badInput(field, `cannot be activated: ${entry.profile.blockedBy ?? entry.profile.status}`);
      return entry.row;
    });
    const creations: RecordCreationInput[] = chosen.map((row) => ({
      ins: row.ins,
      insKind: row.ins_kind,
      birthName: row.birth_name,
      usedName: row.used_name,
      firstName: row.first_name,
      givenNames: row.given_names,
      sex: row.sex,
      birthDate: localDate(row.birth_date)!,
      birthplaceCode: row.birthplace_code,
      // The Assurance maladie's identity of an ayant droit is the qualified INS of the register (NIR).
      identityStatus: 'QUAL',
      residenceDepartement: null,
      expressConsent: input.expressConsent,
      emergencyConsents: input.emergencyConsents ?? null,
      representation: input.representation,
    }));
    await createRecords(
      ctx,
      creations,
      input.ids.map(() => 'input'),
    );
    // Each is now represented by the viewer: ACTIVE by construction (familyProfileStatus), with its new record.
    for (const row of chosen) registryLoaders(ctx).visible.clear(row.ins);
    return Promise.all(chosen.map((row) => profileOf(ctx, row, 'ACTIVE', null)));
  }
}
