import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { idListArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { perRequest } from '../../runtime/context';
import type { SqlExecutor, SqlStore } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { Allergy, Antecedent } from './personal-space.type';
import { Treatment } from './profile-sections.type';
import { toTreatment, type TreatmentRow } from './profile-sections.repo';

/**
 * The links of treatment_link (migration 004) seen from the allergy or antecedent side: the app shows the
 * treatments of an allergy or a disease beside it, and sends them when it records one. A treatment's own links
 * stay written by recordTreatment; both sides write the same rows.
 */

/** At most this many treatments linked from one entry, as a treatment links at most as many entries. */
const MAX_LINKS = 20;

type LinkSide = 'allergy' | 'antecedent';
const COLUMN: Record<LinkSide, 'allergy_id' | 'antecedent_id'> = {
  allergy: 'allergy_id',
  antecedent: 'antecedent_id',
};

/** One statement for the treatments linked to every entry of a request, the most recently started first. */
function linkedTreatments(store: SqlStore, side: LinkSide) {
  return new DataLoader<string, Treatment[]>(async (entryIds) => {
    // `side` is one of two constants, never the caller's text.
    const rows = await store.query<TreatmentRow & { entry_id: string }>(
      `SELECT l.${COLUMN[side]} AS entry_id, t.*
         FROM treatment_link l
         JOIN treatment t ON t.id = l.treatment_id AND t.patient_ins = l.patient_ins
        WHERE l.${COLUMN[side]} = ANY($1::text[])
        ORDER BY t.start_on DESC NULLS LAST, t.recorded_at DESC, t.id`,
      [entryIds],
    );
    const byEntry = new Map(entryIds.map((id) => [id, [] as Treatment[]]));
    for (const row of rows) byEntry.get(row.entry_id)?.push(toTreatment(row));
    return entryIds.map((id) => byEntry.get(id)!);
  });
}

const linkLoaders = perRequest((ctx: SubgraphContext) => ({
  allergy: linkedTreatments(ctx.deps.store, 'allergy'),
  antecedent: linkedTreatments(ctx.deps.store, 'antecedent'),
}));

/** Treatment ids given with an entry, checked and without repeats; null (not given) leaves the links alone. */
export const treatmentIdsArgument = (field: string, ids: string[] | null | undefined): string[] | null =>
  idListArgument(ids, field, { max: MAX_LINKS, what: 'a treatment id', noun: 'treatments' });

/**
 * Replaces the treatments linked to one entry by `treatmentIds`, inside the entry's write: every id must be a
 * treatment of this patient's space (BAD_USER_INPUT naming `field` otherwise, and the transaction goes back).
 */
export async function replaceTreatmentLinks(
  tx: SqlExecutor,
  side: LinkSide,
  ins: string,
  entryId: string,
  treatmentIds: string[] | null,
  field: string,
): Promise<void> {
  if (treatmentIds === null) return;
  if (treatmentIds.length > 0) {
    const [missing] = await tx.query<{ id: string }>(
      `SELECT asked.id FROM unnest($2::text[]) WITH ORDINALITY AS asked(id, n)
        WHERE NOT EXISTS (SELECT 1 FROM treatment t WHERE t.id = asked.id AND t.patient_ins = $1)
        ORDER BY asked.n LIMIT 1`,
      [ins, treatmentIds],
    );
    if (missing) throw badInput(field, `${missing.id} is not a treatment of this patient`);
  }
  await tx.query(`DELETE FROM treatment_link WHERE ${COLUMN[side]} = $1 AND patient_ins = $2`, [entryId, ins]);
  await tx.query(
    `INSERT INTO treatment_link (treatment_id, patient_ins, ${COLUMN[side]}) SELECT unnest($3::text[]), $1, $2`,
    [ins, entryId, treatmentIds],
  );
}

// The linked treatments are read under the entry's own grant: treatments, allergies and antecedents are all
// carried by the health profile (DOCPAT08, policy/field-rules.json), so whoever sees the entry sees them.
@Resolver(() => Allergy)
export class AllergyLinksResolver {
  @FieldResolver(() => [Treatment], { description: 'Treatments the patient linked to this allergy.' })
  linkedTreatments(@Root() allergy: Allergy, @Ctx() ctx: SubgraphContext): Promise<Treatment[]> {
    return linkLoaders(ctx).allergy.load(allergy.id);
  }
}

@Resolver(() => Antecedent)
export class AntecedentLinksResolver {
  @FieldResolver(() => [Treatment], { description: 'Treatments the patient takes or took for this antecedent.' })
  linkedTreatments(@Root() antecedent: Antecedent, @Ctx() ctx: SubgraphContext): Promise<Treatment[]> {
    return linkLoaders(ctx).antecedent.load(antecedent.id);
  }
}
