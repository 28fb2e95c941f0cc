import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../../runtime/errors';
import { rowsByPatient } from '../kit/documents/rows-by-patient';
import { perRequest } from '../../runtime/context';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { PersonalSpace } from './personal-space.type';
import { writeHealthProfile } from './health-profile-write';
import { BloodGroupEnum, BloodGroupRecord, splitBloodGroup } from './blood-group.type';

type SpaceRoot = { patient: PatientRef } & GrantCarrier;

interface BloodGroupRow {
  patient_ins: string;
  blood_group: keyof typeof BloodGroupEnum;
  recorded_at: Date;
  recorded_by_kind: 'PATIENT' | 'REPRESENTATIVE';
  recorded_by_id: string;
  recorded_by_name: string | null;
}

const loaders = perRequest((ctx: SubgraphContext) => ({
  bloodGroups: rowsByPatient<BloodGroupRow>(ctx.deps.store, 'blood_group', 'patient_ins'),
}));

const toRecord = (row: BloodGroupRow): BloodGroupRecord => ({
  ...splitBloodGroup(row.blood_group),
  recordedBy: {
    kind: row.recorded_by_kind,
    actorId: row.recorded_by_id,
    name: row.recorded_by_name,
    at: row.recorded_at,
  },
});

@Resolver(() => PersonalSpace)
export class BloodGroupResolver {
  @FieldResolver(() => BloodGroupRecord, { nullable: true, description: 'The blood group, if the patient stated it.' })
  async bloodGroup(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<BloodGroupRecord | null> {
    touch(ctx, grantOf(root)!, 'personalSpace.bloodGroup');
    const [row] = await loaders(ctx).bloodGroups.load(root.patient.ins);
    return row ? toRecord(row) : null;
  }
}

@Resolver()
export class BloodGroupWritesResolver {
  @Mutation(() => BloodGroupRecord, {
    nullable: true,
    description: 'States the blood group, or changes it: who recorded it and when follow the change.',
  })
  setBloodGroup(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('group', () => BloodGroupEnum, { description: 'The blood group, ABO and Rh factor: APOS for A+.' })
    group: keyof typeof BloodGroupEnum,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BloodGroupRecord> {
    return writeHealthProfile(ctx, ins, 'bloodGroup', async (tx, patientIns, writer) => {
      const [row] = await tx.query<BloodGroupRow>(
        `INSERT INTO blood_group (patient_ins, blood_group, recorded_at, recorded_by_kind, recorded_by_id, recorded_by_name)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (patient_ins) DO UPDATE SET blood_group = EXCLUDED.blood_group, recorded_at = EXCLUDED.recorded_at,
           recorded_by_kind = EXCLUDED.recorded_by_kind, recorded_by_id = EXCLUDED.recorded_by_id,
           recorded_by_name = EXCLUDED.recorded_by_name
         RETURNING *`,
        [patientIns, group, ctx.now, writer.kind, writer.id, writer.name],
      );
      return toRecord(row);
    });
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description: 'Removes the stated blood group; none stated is BAD_USER_INPUT.',
  })
  removeBloodGroup(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return writeHealthProfile(ctx, ins, 'remove:bloodGroup', async (tx, patientIns) => {
      const gone = await tx.query('DELETE FROM blood_group WHERE patient_ins = $1 RETURNING patient_ins', [patientIns]);
      if (gone.length === 0) throw badInput('ins', 'no blood group is stated in this personal space');
      return true;
    });
  }
}
