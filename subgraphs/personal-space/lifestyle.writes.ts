import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { idArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { writeHealthProfile } from './health-profile-write';
import { checkAnswer, lifestyleItem } from './lifestyle.form';
import { toAnswer, type LifestyleAnswerRow } from './lifestyle.repo';
import { LifestyleAnswer, LifestyleAnswerInput } from './lifestyle.type';

@Resolver()
export class LifestyleWritesResolver {
  @Mutation(() => LifestyleAnswer, {
    nullable: true,
    description:
      "Records an answer to an item of lifestyle, checked against the form (Query.lifestyleForm); the item's earlier answers stay as its history. With `id`, corrects that answer in place (its id and when it was given stay).",
  })
  recordLifestyleAnswer(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('input', () => LifestyleAnswerInput, { description: 'The item answered and the value of each field.' })
    input: LifestyleAnswerInput,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'Corrects this answer of the same item in place instead of recording a new one.',
    })
    answerId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LifestyleAnswer> {
    const existing = answerId == null ? null : idArgument(answerId, 'id', 'an answer id');
    const found = lifestyleItem(input.item);
    if (!found) throw badInput('input.item', 'not an item of the lifestyle form');
    const checked = checkAnswer(found.item, input.values ?? [], ctx.now);
    if (!checked.ok) throw badInput(checked.field, checked.rule);
    return writeHealthProfile(ctx, ins, 'lifestyle', async (tx, patientIns, writer) => {
      const by = [ctx.now, writer.kind, writer.id, writer.name];
      const [row] = existing
        ? await tx.query<LifestyleAnswerRow>(
            `UPDATE lifestyle_answer SET answer_values = $4::jsonb, recorded_at = $5, recorded_by_kind = $6,
               recorded_by_id = $7, recorded_by_name = $8
             WHERE id = $1 AND patient_ins = $2 AND item = $3 RETURNING *`,
            [existing, patientIns, found.item.code, JSON.stringify(checked.values), ...by],
          )
        : await tx.query<LifestyleAnswerRow>(
            `INSERT INTO lifestyle_answer (id, patient_ins, section, item, answer_values, answered_at, recorded_at,
               recorded_by_kind, recorded_by_id, recorded_by_name)
             VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6, $7, $8, $9) RETURNING *`,
            [
              `lsa-${randomUUID()}`,
              patientIns,
              found.section.code,
              found.item.code,
              JSON.stringify(checked.values),
              ...by,
            ],
          );
      if (!row) throw badInput('id', 'no such answer to this item in this personal space');
      return toAnswer(row);
    });
  }

  @Mutation(() => ID, {
    nullable: true,
    description:
      "Removes one answer of lifestyle from the item's history; the answer before it, if any, becomes the current one.",
  })
  removeLifestyleAnswer(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The answer to remove (LifestyleAnswer.id).' }) answerId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(answerId, 'id', 'an answer id');
    return writeHealthProfile(ctx, ins, 'remove:lifestyleAnswer', async (tx, patientIns) => {
      const gone = await tx.query('DELETE FROM lifestyle_answer WHERE id = $1 AND patient_ins = $2 RETURNING id', [
        answerId,
        patientIns,
      ]);
      if (gone.length === 0) throw badInput('id', 'no such answer in this personal space');
      return answerId;
    });
  }
}
