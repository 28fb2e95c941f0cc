import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { idArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { checkMeasureValues, checkMetricValue, measureKind, MEASURE_KINDS } from '../../domain/measure-kinds';
import { optionalText } from '../kit/documents/deposit';
import type { SubgraphContext } from '../kit/context';
import { writeHealthProfile } from './health-profile-write';
import {
  Measure,
  MeasureInput,
  MeasureTarget,
  MeasureTargetInput,
  MeasureTile,
  MeasureTileInput,
  type MeasureNode,
} from './measures.type';
import { dashboard, isCurrentPersonalDocument, kindInfo, toMeasure, toTarget, type MeasureRow } from './measures.repo';

/** A device's clock may run a little ahead of the server's: a measure "taken now" is not refused for it. */
const CLOCK_SKEW_MS = 5 * 60_000;
const EARLIEST = new Date('1900-01-01T00:00:00Z');

const entryArgument = (id: string | null | undefined, what: string) => (id == null ? null : idArgument(id, 'id', what));

/** Everything a measure's input says, checked against its kind before the registry is asked anything. */
function checkMeasure(input: MeasureInput, now: Date) {
  const kind = measureKind(input.kind)!;
  const values = checkMeasureValues(kind, input.values ?? []);
  if (!values.ok) throw badInput(values.field, values.rule);
  const takenAt = input.takenAt;
  if (!(takenAt instanceof Date) || Number.isNaN(takenAt.getTime())) throw badInput('input.takenAt', 'not an instant');
  if (takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badInput('input.takenAt', 'must not be in the future');
  if (takenAt < EARLIEST) throw badInput('input.takenAt', 'must be after 1900');
  if (input.context != null && !kind.contexts.some((c) => c.code === input.context))
    throw badInput(
      'input.context',
      kind.contexts.length === 0
        ? `${kind.code} takes no context`
        : `${kind.code} takes ${kind.contexts.map((c) => c.code).join(', ')}`,
    );
  return {
    kind,
    values: values.values,
    takenAt,
    context: input.context ?? null,
    comment: optionalText('input.comment', input.comment, 500),
    documentId: input.documentId == null ? null : idArgument(input.documentId, 'input.documentId'),
  };
}

@Resolver()
export class MeasureWritesResolver {
  @Mutation(() => Measure, {
    nullable: true,
    description:
      "Records a measure in the health profile, checked against its kind's metrics, units and bounds (Query.measureKinds); with `id`, updates it in place.",
  })
  recordMeasure(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => MeasureInput, { description: 'The measure: its kind, values, when it was taken.' })
    input: MeasureInput,
    @Arg('id', () => ID, { nullable: true, description: 'Updates this measure in place (its id stays).' })
    measureId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MeasureNode> {
    const existing = entryArgument(measureId, 'a measure id');
    const m = checkMeasure(input, ctx.now);
    return writeHealthProfile(ctx, ins, 'measures', async (tx, patientIns, writer) => {
      // A representative links nothing an author kept from representatives; one answer for both cases.
      if (m.documentId && !(await isCurrentPersonalDocument(tx, patientIns, m.documentId, writer.kind)))
        throw badInput('input.documentId', 'not a current document of this personal space');
      const columns = [
        m.kind.code,
        JSON.stringify(m.values),
        m.takenAt,
        m.context,
        m.comment,
        m.documentId,
        ctx.now,
        writer.kind,
        writer.id,
        writer.name,
      ];
      const [row] = existing
        ? await tx.query<MeasureRow>(
            `UPDATE measure SET kind = $3, metric_values = $4::jsonb, taken_at = $5, context = $6, comment = $7, document_id = $8,
               recorded_at = $9, recorded_by_kind = $10, recorded_by_id = $11, recorded_by_name = $12
             WHERE id = $1 AND patient_ins = $2 RETURNING *`,
            [existing, patientIns, ...columns],
          )
        : await tx.query<MeasureRow>(
            `INSERT INTO measure (id, patient_ins, kind, metric_values, taken_at, context, comment, document_id, recorded_at,
               recorded_by_kind, recorded_by_id, recorded_by_name)
             VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
            [`mes-${randomUUID()}`, patientIns, ...columns],
          );
      if (!row) throw badInput('id', 'no such measure in this personal space');
      return toMeasure(row, { ins: patientIns });
    });
  }

  @Mutation(() => ID, { nullable: true, description: 'Removes a measure of the health profile.' })
  removeMeasure(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The measure to remove (Measure.id).' }) measureId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(measureId, 'id', 'a measure id');
    return writeHealthProfile(ctx, ins, 'remove:measure', async (tx, patientIns) => {
      const gone = await tx.query('DELETE FROM measure WHERE id = $1 AND patient_ins = $2 RETURNING id', [
        measureId,
        patientIns,
      ]);
      if (gone.length === 0) throw badInput('id', 'no such measure in this personal space');
      return measureId;
    });
  }

  @Mutation(() => MeasureTarget, {
    nullable: true,
    description:
      'Sets a target for one metric of a targetable kind (one per metric); with `id`, updates that target in place.',
  })
  setMeasureTarget(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => MeasureTargetInput, { description: 'The kind, the metric and the value to reach.' })
    input: MeasureTargetInput,
    @Arg('id', () => ID, { nullable: true, description: 'Updates this target in place (its id stays).' })
    targetId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MeasureTarget> {
    const existing = entryArgument(targetId, 'a target id');
    const kind = measureKind(input.kind)!;
    if (!kind.targetable) throw badInput('input.kind', `${kind.code} takes no target`);
    const code = input.metric ?? (kind.metrics.length === 1 ? kind.metrics[0].code : null);
    const metric = kind.metrics.find((m) => m.code === code);
    if (!metric)
      throw badInput('input.metric', `${kind.code} has ${kind.metrics.map((m) => m.code).join(', ')}: name one`);
    const refused = checkMetricValue(metric, input.value, null, 'input');
    if (refused) throw badInput(refused.field, refused.rule);
    return writeHealthProfile(ctx, ins, 'measureTargets', async (tx, patientIns) => {
      const [other] = await tx.query<{ id: string }>(
        'SELECT id FROM measure_target WHERE patient_ins = $1 AND metric = $2 AND id IS DISTINCT FROM $3',
        [patientIns, metric.code, existing],
      );
      if (other) throw badInput('input.metric', `a target is already set for ${metric.code}: update it with its id`);
      const [row] = existing
        ? await tx.query<any>(
            'UPDATE measure_target SET kind = $3, metric = $4, value = $5, set_at = $6 WHERE id = $1 AND patient_ins = $2 RETURNING *',
            [existing, patientIns, kind.code, metric.code, input.value, ctx.now],
          )
        : await tx.query<any>(
            'INSERT INTO measure_target (id, patient_ins, kind, metric, value, set_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
            [`tgt-${randomUUID()}`, patientIns, kind.code, metric.code, input.value, ctx.now],
          );
      if (!row) throw badInput('id', 'no such target in this personal space');
      return toTarget(row);
    });
  }

  @Mutation(() => ID, { nullable: true, description: 'Removes a target.' })
  removeMeasureTarget(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The target to remove (MeasureTarget.id).' }) targetId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(targetId, 'id', 'a target id');
    return writeHealthProfile(ctx, ins, 'remove:measureTarget', async (tx, patientIns) => {
      const gone = await tx.query('DELETE FROM measure_target WHERE id = $1 AND patient_ins = $2 RETURNING id', [
        targetId,
        patientIns,
      ]);
      if (gone.length === 0) throw badInput('id', 'no such target in this personal space');
      return targetId;
    });
  }

  @Mutation(() => [MeasureTile], {
    nullable: true,
    description:
      'Arranges the measures dashboard: the kinds in the order given, each shown or not; kinds left out follow, hidden. An empty list goes back to the default.',
  })
  arrangeMeasureDashboard(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('tiles', () => [MeasureTileInput], {
      description: 'The tiles in the order to show them, each kind at most once; empty, the default dashboard.',
    })
    tiles: MeasureTileInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<MeasureTile[]> {
    if (tiles.length > MEASURE_KINDS.length) throw badInput('tiles', `at most ${MEASURE_KINDS.length}, one per kind`);
    for (const [i, tile] of tiles.entries())
      if (tiles.findIndex((t) => t.kind === tile.kind) !== i) throw badInput(`tiles[${i}].kind`, 'given twice');
    return writeHealthProfile(ctx, ins, 'measureDashboard', async (tx, patientIns) => {
      await tx.query('DELETE FROM measure_tile WHERE patient_ins = $1', [patientIns]);
      for (const [position, tile] of tiles.entries())
        await tx.query('INSERT INTO measure_tile (patient_ins, kind, position, visible) VALUES ($1, $2, $3, $4)', [
          patientIns,
          tile.kind,
          position,
          tile.visible,
        ]);
      const rows = tiles.map((t, position) => ({
        patient_ins: patientIns,
        kind: t.kind,
        position,
        visible: t.visible,
      }));
      return dashboard(rows).map((tile) => ({ ...tile, info: kindInfo(measureKind(tile.kind)!) }));
    });
  }
}
