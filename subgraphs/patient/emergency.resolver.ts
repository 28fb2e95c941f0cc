import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { after } from '../../domain/calendar';
import { insArgument } from '../../runtime/arguments';
import { badInput, forbidden } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { mayDeclareEmergency } from '../../policy/emergency';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { DateTime } from '../../schema/scalars';
import { Patient } from './patient.type';
import { factsOf, registryLoaders, type VisiblePatient } from './patient.loader';
import { findPatientFacts } from './patient.repo';
import { noteDeclaration } from './emergency-watch';
import type { Rule } from '../../policy/rules';

/** How long a bris de glace grant lasts unless configured (an emergency episode, not a standing authorisation). */

@ObjectType({
  description: 'A bris de glace grant: this professional may read this record, per the matrix, until it expires.',
})
export class EmergencyAccess {
  @Field(() => DateTime, {
    description: 'When the grant expires: it lets the professional read nothing after this instant.',
  })
  expiresAt!: Date;
  @Field(() => Patient, { description: 'The record, as the grant lets you read it.' }) patient!: VisiblePatient;
}

/** A justification is a sentence about this emergency: letters, several words, not a placeholder. */
function checkJustification(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const words = trimmed.split(' ').filter((w) => /\p{L}{2,}/u.test(w));
  if (trimmed.length < 20 || words.length < 4)
    throw badInput('justification', 'state the emergency in a sentence (at least 4 words, 20 characters)');
  if (trimmed.length > 1000) throw badInput('justification', 'must be at most 1,000 characters');
  return trimmed;
}

@Resolver()
export class EmergencyResolver {
  @Mutation(() => EmergencyAccess, {
    nullable: true,
    description:
      'Bris de glace: a professional facing an immediate risk declares an emergency for one patient. Refused when the patient refused BTG, blocked this professional, or the DMP is closed. Traced with the justification; the patient is notified of each emergency access.',
  })
  async declareEmergency(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('justification', () => String, {
      description: 'Why this is an emergency: a sentence of at least four words and 20 characters, traced.',
    })
    rawJustification: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmergencyAccess> {
    const ins = insArgument(rawIns);
    const justification = checkJustification(rawJustification);
    const minutes = ctx.deps.emergencyGrantMinutes;
    const refused = (rule: Rule) => {
      recordAccess(ctx, {
        patientIns: ins,
        action: 'break-glass',
        outcome: 'denied',
        rule,
        mode: 'bris_de_glace',
        justification,
      });
      // One answer for every refusal: the mutation must not tell a professional which records exist.
      return forbidden('Bris de glace is not possible for this record');
    };
    const expiresAt = await tracedTransaction(ctx, async (tx) => {
      const [row] = await findPatientFacts(tx, ctx.actor, [ins], ctx.now, { forUpdate: true });
      if (!row) throw refused('deny.no-such-record');
      const decision = mayDeclareEmergency(ctx.actor, factsOf(row), justification);
      // The policy allows professionals only; the kind check narrows the type for its RPPS.
      if (!decision.allowed || ctx.actor.kind !== 'professional') throw refused(decision.rule);
      const [grant] = await tx.query<{ expires_at: Date }>(
        `INSERT INTO emergency_grant (patient_ins, rpps, justification, opened_at, expires_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING expires_at`,
        [ins, ctx.actor.rpps, justification, ctx.now, after(ctx.now, { minutes })],
      );
      recordAccess(ctx, {
        patientIns: ins,
        action: 'break-glass',
        outcome: 'allowed',
        rule: decision.rule,
        mode: decision.allowed ? decision.grant.mode : 'bris_de_glace',
        justification,
      });
      return grant.expires_at;
    });
    if (ctx.actor.kind === 'professional')
      await noteDeclaration(ctx.deps.emergencyWatch, ctx.actor.rpps, ctx.now, ctx.requestId);
    registryLoaders(ctx).visible.clear(ins);
    const patient = await registryLoaders(ctx).visible.load(ins);
    if (!patient) throw forbidden('Bris de glace is not possible for this record');
    return { expiresAt, patient };
  }
}
