import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { isLocalDate, parisDate } from '../../domain/calendar';
import { insArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { isMinorAt } from '../../policy/periods';
import { mayAddRepresentative, mayRemoveRepresentative } from '../../policy/representation';
import { localDate } from '../kit/documents/document-repo';
import { LocalDate } from '../../schema/scalars';
import { LegalRepresentative } from './patient.type';
import { factsOf } from './patient.loader';
import type { PatientFactsRow } from './patient.repo';
import { guardedChange } from './guarded-change';

@InputType({ description: 'On what ground someone represents the patient, as they or operations state it.' })
export class RepresentationInput {
  @Field(() => String, { description: 'Mère, Père, Tuteur, Curateur…' }) relation!: string;
  @Field(() => String, {
    description: 'The document it rests on: livret de famille, acte de naissance, jugement de tutelle (its reference)…',
  })
  basis!: string;
}

@InputType({ description: 'A legal representative to register.' })
export class LegalRepresentativeInput extends RepresentationInput {
  @Field(() => String, { description: "The representative's account (rep:…)." }) accountId!: string;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      "An adult's protection measure (tutelle, curatelle): the day it ends. Not for a minor, whose representation ends at majority.",
  })
  measureEnds?: string | null;
}

/** A stated relation and basis: text the patient's side reads, bounded. */
export function representationOf(input: RepresentationInput, field: string): { relation: string; basis: string } {
  const relation = input.relation.trim();
  const basis = input.basis.trim();
  if (relation.length < 2 || relation.length > 60) throw badInput(`${field}.relation`, 'must be 2 to 60 characters');
  if (basis.length < 3 || basis.length > 200) throw badInput(`${field}.basis`, 'must be 3 to 200 characters');
  return { relation, basis };
}

export async function registerRepresentative(
  tx: SqlExecutor,
  ins: string,
  entry: { accountId: string; relation: string; basis: string; until: string | null; protectedAdult: boolean },
  registeredBy: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO legal_representative (patient_ins, account_id, relation, until, protected_adult, basis, registered_by, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (patient_ins, account_id) DO UPDATE SET relation = EXCLUDED.relation, until = EXCLUDED.until,
       protected_adult = EXCLUDED.protected_adult, basis = EXCLUDED.basis, registered_by = EXCLUDED.registered_by,
       registered_at = EXCLUDED.registered_at`,
    [ins, entry.accountId, entry.relation, entry.until, entry.protectedAdult, entry.basis, registeredBy, now],
  );
}

/** A minor at the request's instant: representation then ends at majority, and a parent may add a parent. */
export const isMinor = (row: PatientFactsRow, now: Date) => isMinorAt(localDate(row.birth_date)!, now);

/**
 * Legal representatives through the graph (docs/law.md §3): added by a registered representative of a minor
 * or by operations, with the relation and the document it rests on; withdrawn by the representative or by
 * operations. Each change is traced and notified to the patient's side, and holds from the next request.
 */
@Resolver()
export class RepresentationResolver {
  @Mutation(() => LegalRepresentative, {
    nullable: true,
    description:
      "Registers a legal representative (and returns it as registered): for a minor, by a representative already registered (a second parent) or by operations; for a protected adult, by operations with the measure's end date. Traced and notified; holds from the next request.",
  })
  async addLegalRepresentative(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('input', () => LegalRepresentativeInput, {
      description: 'The representative: their account, relation, the document it rests on and, if any, its end.',
    })
    input: LegalRepresentativeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LegalRepresentative> {
    const ins = insArgument(rawIns);
    const stated = representationOf(input, 'input');
    let name = '';
    if (input.measureEnds != null && (!isLocalDate(input.measureEnds) || input.measureEnds <= parisDate(ctx.now)))
      throw badInput('input.measureEnds', 'must be a day after today');
    await guardedChange(ctx, {
      ins,
      action: 'add-representative',
      touched: 'legalRepresentatives',
      decide: (row) => mayAddRepresentative(ctx.actor, factsOf(row), isMinor(row, ctx.now)),
      apply: async (tx, row) => {
        const minor = isMinor(row, ctx.now);
        if (minor && input.measureEnds != null)
          throw badInput('input.measureEnds', "a minor's representation ends at majority: give no end date");
        if (!minor && input.measureEnds == null)
          throw badInput('input.measureEnds', "an adult's protection measure has an end date: give it");
        const [account] = await tx.query<{ display_name: string }>(
          'SELECT display_name FROM account WHERE id = $1 AND kind = $2',
          [input.accountId, 'representative'],
        );
        if (!account) throw badInput('input.accountId', 'no representative account with this id');
        name = account.display_name;
        await registerRepresentative(
          tx,
          ins,
          { accountId: input.accountId, ...stated, until: input.measureEnds ?? null, protectedAdult: !minor },
          ctx.actor.id,
          ctx.now,
        );
      },
    });
    return {
      accountId: input.accountId,
      name,
      ...stated,
      until: input.measureEnds ?? null,
      registeredAt: ctx.now,
    };
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Removes a legal representative: the representative withdraws themselves, or operations remove one. Holds from the next request; traced and notified.',
  })
  async removeLegalRepresentative(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('accountId', () => String, { description: "The representative's account (`LegalRepresentative.accountId`)." })
    accountId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const ins = insArgument(rawIns);
    await guardedChange(ctx, {
      ins,
      action: 'remove-representative',
      touched: 'legalRepresentatives',
      decide: (row) => mayRemoveRepresentative(ctx.actor, factsOf(row), accountId),
      apply: async (tx) => {
        const removed = await tx.query(
          'DELETE FROM legal_representative WHERE patient_ins = $1 AND account_id = $2 RETURNING account_id',
          [ins, accountId],
        );
        if (removed.length === 0) throw badInput('accountId', 'is not a legal representative of this patient');
      },
    });
    return true;
  }
}
