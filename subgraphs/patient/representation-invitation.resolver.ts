import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { badInput, forbidden, notFound } from '../../runtime/errors';
import type { GraphQLError } from 'graphql';
import { isLocalDate } from '../../domain/calendar';
import { isMinorAt, representationInvitationEnds } from '../../policy/periods';
import { mayAnswerInvitation, mayInviteRepresentative, type InvitationFacts } from '../../policy/representation';
import { recordAccess, touch } from '../../audit/trace-recorder';
import { LocalDate } from '../../schema/scalars';
import type { SubgraphContext } from '../kit/context';
import { tracedTransaction } from '../kit/traced-transaction';
import { Patient } from './patient.type';
import { factsOf, type VisiblePatient } from './patient.loader';
import { guardedChange } from './guarded-change';
import { isMinor, representationOf } from './representation.resolver';
import { UUID, Viewer } from './viewer.resolver';
import {
  InvitationAnswer,
  ReceivedRepresentationInvitation,
  RepresentationInvitation,
  RepresentationInvitationInput,
  type InvitationStatus,
} from './representation-invitation.type';
import * as repo from './representation-invitation.repo';

/** Wrong birth dates an invitation takes before it closes: enough for a slip, too few to guess a date. */
const MAX_WRONG_ANSWERS = 3;

type Answer = 'accept' | 'refuse' | 'withdraw';
const ANSWER_ACTIONS: Record<Answer, string> = {
  // Accepting registers a representative: traced and notified as every registration is.
  accept: 'add-representative',
  refuse: 'refuse-representation-invitation',
  withdraw: 'withdraw-representation-invitation',
};
const ANSWER_STATUS: Record<Answer, InvitationStatus> = {
  accept: 'ACCEPTED',
  refuse: 'REFUSED',
  withdraw: 'WITHDRAWN',
};

const statusAt = (row: repo.InvitationRow, now: Date): InvitationStatus =>
  row.status === 'WAITING' && row.expires_at <= now ? 'EXPIRED' : row.status;

/**
 * A minor's second legal representative by invitation (docs/law.md §3): a registered representative invites the
 * other parent's account, who is registered only by accepting it with the child's birth date. The invitee sees
 * who invited them and the child's first name, nothing of the record, until they accept. Every step is traced on
 * the child's record; acceptance is notified as a registration.
 */
@Resolver()
export class RepresentationInvitationResolver {
  @Mutation(() => RepresentationInvitation, {
    nullable: true,
    description:
      "Invites the other parent's account to be the minor's second legal representative (the app's second-representative form): by a representative already registered. The invitee is registered only when they accept, within thirty days. Traced.",
  })
  async inviteLegalRepresentative(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('input', () => RepresentationInvitationInput, {
      description: 'The other parent to invite: their account, the relation and the document it rests on.',
    })
    input: RepresentationInvitationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RepresentationInvitation> {
    const ins = insArgument(rawIns);
    const stated = representationOf(input, 'input');
    return guardedChange(ctx, {
      ins,
      action: 'invite-representative',
      touched: 'representationInvitations',
      decide: (row) => mayInviteRepresentative(ctx.actor, factsOf(row), isMinor(row, ctx.now)),
      apply: async (tx) => {
        if (input.accountId === ctx.actor.id) throw badInput('input.accountId', 'is your own account');
        const inviteeName = await repo.representativeName(tx, input.accountId);
        if (inviteeName === null) throw badInput('input.accountId', 'no representative account with this id');
        // Whether the account already represents the child is not told: the other parent's registration is
        // theirs (each parent sees only their own entry). Accepting then leaves it as it is.
        if (await repo.waitingFrom(tx, ins, input.accountId, ctx.actor.id, ctx.now))
          throw badInput('input.accountId', 'already invited by you: the invitation waits for an answer');
        const row: repo.InvitationRow = {
          id: randomUUID(),
          patient_ins: ins,
          account_id: input.accountId,
          invitee_name: inviteeName,
          ...stated,
          invited_by: ctx.actor.id,
          invited_at: ctx.now,
          expires_at: representationInvitationEnds(ctx.now),
          status: 'WAITING',
          answered_at: null,
          failed_answers: 0,
        };
        await repo.insertInvitation(tx, row);
        return toInvitation(row, ctx.now);
      },
    });
  }

  @Mutation(() => InvitationAnswer, {
    nullable: true,
    description:
      "The invitee answers an invitation they received (Viewer.representationInvitations): accepting needs the child's birth date, and registers them as legal representative from the next request until the child's majority; three wrong dates close the invitation. Traced and, when accepted, notified.",
  })
  answerRepresentationInvitation(
    @Arg('id', () => ID, { description: 'The invitation (`ReceivedRepresentationInvitation.id`).' }) id: string,
    @Arg('accept', () => Boolean, { description: 'True accepts, false refuses.' }) accept: boolean,
    @Arg('childBirthDate', () => LocalDate, {
      nullable: true,
      description: "The child's birth date, needed to accept: proof the invitee knows whom it is about.",
    })
    childBirthDate: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InvitationAnswer> {
    if (accept && childBirthDate == null)
      throw badInput('childBirthDate', "is needed to accept: the child's birth date");
    if (childBirthDate != null && !isLocalDate(childBirthDate)) throw badInput('childBirthDate', 'not a date');
    return settle(ctx, id, accept ? 'accept' : 'refuse', childBirthDate);
  }

  @Mutation(() => InvitationAnswer, {
    nullable: true,
    description: 'The representative who sent an invitation withdraws it before it is answered. Traced.',
  })
  withdrawRepresentationInvitation(
    @Arg('id', () => ID, { description: 'The invitation (`RepresentationInvitation.id`).' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InvitationAnswer> {
    return settle(ctx, id, 'withdraw', null);
  }
}

async function settle(
  ctx: SubgraphContext,
  id: string,
  answer: Answer,
  childBirthDate: string | null,
): Promise<InvitationAnswer> {
  if (!UUID.test(id)) throw badInput('id', 'not an invitation id');
  const action = ANSWER_ACTIONS[answer];
  // The transaction commits whatever the outcome: a refusal's trace and a wrong answer's count must stand,
  // so errors are returned from it and thrown after.
  const outcome = await tracedTransaction<{ error: GraphQLError } | { answer: InvitationAnswer }>(ctx, async (tx) => {
    const invitation = await repo.lockInvitation(tx, id);
    if (!invitation) {
      recordAccess(ctx, { patientIns: null, action, outcome: 'denied', rule: 'deny.no-such-record' });
      return { error: notFound('No such invitation') };
    }
    const facts: InvitationFacts = {
      status: invitation.status,
      accountId: invitation.account_id,
      invitedBy: invitation.invited_by,
      open: invitation.expires_at > ctx.now,
      dmpStatus: invitation.dmp_status,
      patientIsMinor: isMinorAt(invitation.birth_date, ctx.now),
    };
    const traced = (outcome: 'allowed' | 'denied', rule: Parameters<typeof recordAccess>[1]['rule']) =>
      recordAccess(ctx, {
        patientIns: invitation.patient_ins,
        action,
        touched: ['representationInvitations'],
        outcome,
        rule,
      });
    const right = mayAnswerInvitation(ctx.actor, facts, answer);
    if (!right.allowed) {
      traced('denied', right.rule);
      // Someone else's invitation answers as one that does not exist.
      return { error: right.rule === 'deny.not-invitee' ? notFound('No such invitation') : forbidden(right.reason) };
    }
    if (answer === 'accept' && childBirthDate !== invitation.birth_date) {
      const left = await repo.countWrongAnswer(tx, id, MAX_WRONG_ANSWERS, ctx.now);
      traced('denied', 'deny.invitation-wrong-proof');
      return {
        error: forbidden(
          left > 0
            ? `childBirthDate: not the birth date of the child this invitation is about (${left} ${left === 1 ? 'try' : 'tries'} left)`
            : 'childBirthDate: not the birth date of the child; the invitation is closed after three wrong answers',
        ),
      };
    }
    if (answer === 'accept') await repo.registerFromInvitation(tx, invitation, ctx.actor.id, ctx.now);
    await repo.closeInvitation(tx, id, ANSWER_STATUS[answer], ctx.now);
    traced('allowed', right.rule);
    return { answer: { id, status: ANSWER_STATUS[answer] } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.answer;
}

function toInvitation(row: repo.InvitationRow, now: Date): RepresentationInvitation {
  return {
    id: row.id,
    accountId: row.account_id,
    inviteeName: row.invitee_name,
    relation: row.relation,
    basis: row.basis,
    status: statusAt(row, now),
    invitedAt: row.invited_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
  };
}

@Resolver(() => Patient)
export class PatientInvitationsResolver {
  @FieldResolver(() => [RepresentationInvitation], {
    nullable: true,
    description:
      "Invitations to be this minor's legal representative, newest first, with where each stands (the app's profile sharing): the patient's side sees those a representative sent it alone; the patient every one.",
  })
  async representationInvitations(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RepresentationInvitation[]> {
    touch(ctx, patient.decision.grant, 'representationInvitations');
    // Each parent acts on their own: one does not learn whom the other invited.
    const sentBy = patient.decision.grant.mode === 'representative' ? ctx.actor.id : null;
    const rows = await repo.invitationsOf(ctx.deps.store, patient.ins, sentBy);
    return rows.map((row) => toInvitation(row, ctx.now));
  }
}

@Resolver(() => Viewer)
export class ViewerInvitationsResolver {
  @FieldResolver(() => [ReceivedRepresentationInvitation], {
    description:
      'Invitations the viewer received to be a legal representative and may still answer (answerRepresentationInvitation), newest first; empty for anyone but a representative account. Reading them is traced on each child’s record.',
  })
  async representationInvitations(@Ctx() ctx: SubgraphContext): Promise<ReceivedRepresentationInvitation[]> {
    if (ctx.actor.kind !== 'representative') return [];
    const rows = await repo.receivedBy(ctx.deps.store, ctx.actor.id, ctx.now);
    for (const row of rows)
      recordAccess(ctx, {
        patientIns: row.patient_ins,
        action: 'read-representation-invitation',
        touched: ['representationInvitations'],
        outcome: 'allowed',
        rule: 'representation.read.invitee',
      });
    return rows.map((row) => ({
      id: row.id,
      inviterName: row.inviter_name,
      childFirstName: row.first_name,
      relation: row.relation,
      invitedAt: row.invited_at,
      expiresAt: row.expires_at,
    }));
  }
}
