import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { badInput, notFound } from '../../runtime/errors';
import { recordAccess } from '../../audit/trace-recorder';
import { minorIfBornAfter } from '../../policy/periods';
import { parisDate } from '../../domain/calendar';
import { LocalDate } from '../../schema/scalars';
import type { SubgraphContext } from '../kit/context';
import { localDate } from '../kit/documents/document-repo';
import { Patient } from './patient.type';
import { registryLoaders, type VisiblePatient } from './patient.loader';
import { actorNames } from './directory.resolver';
import { representationInForce } from './patient.repo';

@ObjectType({ description: 'A record the viewer acts for as its legal representative, and on what ground.' })
export class RepresentedRecord {
  @Field(() => Patient, { description: 'The record, read as `patient` reads it.' }) patient!: VisiblePatient;
  @Field(() => String, { description: 'Mère, Père, Tuteur, Curateur…' }) relation!: string;
  @Field(() => LocalDate, { nullable: true, description: "A protection measure's end; a minor's is majority." })
  until!: string | null;
}

@ObjectType({
  description: 'Who is asking, their own record and the records they may act for: where a front end starts.',
})
export class Viewer {
  @Field(() => ID, { description: 'The actor id the credential names (patient:<INS>, rep:…, ps:<RPPS>…).' })
  actorId!: string;
  @Field(() => String, { description: 'patient, representative, professional, regulator…' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'As the directory names them; null for a patient.' })
  displayName!: string | null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is asking: the actor, their own record, the records they act for.' })
  viewer(@Ctx() ctx: SubgraphContext): Viewer {
    return { actorId: ctx.actor.id, kind: ctx.actor.kind, displayName: null };
  }

  @FieldResolver(() => String, { nullable: true })
  displayName(@Root() viewer: Viewer, @Ctx() ctx: SubgraphContext): Promise<string | null> | null {
    return ctx.actor.kind === 'patient' ? null : actorNames(ctx).load(viewer.actorId);
  }

  @FieldResolver(() => Patient, {
    nullable: true,
    description: "A patient's own record; null for anyone else, or a patient without a DMP. Read as `patient` is.",
  })
  async record(@Ctx() ctx: SubgraphContext): Promise<VisiblePatient | null> {
    return ctx.actor.kind === 'patient' ? registryLoaders(ctx).visible.load(ctx.actor.ins) : null;
  }

  @FieldResolver(() => [RepresentedRecord], {
    description:
      "The records a legal representative acts for now (a parent's children until their majority, a protected adult until the measure ends), each read as `patient` is; empty for anyone else.",
  })
  async actingFor(@Ctx() ctx: SubgraphContext): Promise<RepresentedRecord[]> {
    if (ctx.actor.kind !== 'representative') return [];
    const rows = await ctx.deps.store.query<{ patient_ins: string; relation: string; until: string | Date | null }>(
      `SELECT l.patient_ins, l.relation, l.until FROM legal_representative l JOIN patient p ON p.ins = l.patient_ins
       WHERE l.account_id = $1 AND ${representationInForce('$2', '$3')}
       ORDER BY p.birth_date, l.patient_ins`,
      [ctx.actor.id, parisDate(ctx.now), minorIfBornAfter(ctx.now)],
    );
    const records = await Promise.all(rows.map((r) => registryLoaders(ctx).visible.load(r.patient_ins)));
    return rows.flatMap((r, i) =>
      records[i] ? [{ patient: records[i]!, relation: r.relation, until: localDate(r.until) }] : [],
    );
  }
}

@Resolver(() => Patient)
export class PatientIdResolver {
  @Query(() => Patient, {
    nullable: true,
    description:
      'A record by its opaque id (Patient.id). One you may not see answers exactly like one that does not exist.',
  })
  async patientById(
    @Arg('id', () => ID, { description: "The record's opaque id (`Patient.id`)." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisiblePatient> {
    if (!UUID.test(id)) throw badInput('id', 'not a record id');
    const [row] = await ctx.deps.store.query<{ ins: string }>('SELECT ins FROM patient WHERE public_id = $1::uuid', [
      id,
    ]);
    if (!row) {
      recordAccess(ctx, { patientIns: null, outcome: 'denied', rule: 'deny.no-such-record' });
      throw notFound('No DMP found for this id');
    }
    const found = await registryLoaders(ctx).visible.load(row.ins);
    if (!found) throw notFound('No DMP found for this id');
    return found;
  }

  @FieldResolver(() => ID, { nullable: true })
  id(@Root() patient: VisiblePatient): string {
    return patient.row.public_id;
  }
}
