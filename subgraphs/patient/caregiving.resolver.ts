import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { badInput, notFound, forbidden } from '../../runtime/errors';
import { isLocalDate } from '../../domain/calendar';
import { queryKey } from '../../domain/name-keys';
import { caregivingInvitationEnds, isMinorAt } from '../../policy/periods';
import { mayAnswerCaregiving, mayEndCaregiving, mayInviteCaregiver } from '../../policy/caregiving';
import type { Rule } from '../../policy/rules';
import { recordAccess, touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { tracedTransaction } from '../kit/traced-transaction';
import { Patient } from './patient.type';
import { factsOf, registryLoaders, type VisiblePatient } from './patient.loader';
import { guardedChange } from './guarded-change';
import { UUID, Viewer } from './viewer.resolver';
import {
  AnswerCaregivingInvitationInput,
  Caregiver,
  CaregivingFor,
  CaregivingInvitation,
  CaregivingInvitationAnswerPayload,
  CaregivingInvitationIdInput,
  EndCaregivingInput,
  EndCaregivingPayload,
  InviteCaregiverInput,
  InviteCaregiverPayload,
  ReceivedCaregivingInvitation,
  type CaregivingInvitationStatus,
} from './caregiving.type';
import * as repo from './caregiving.repo';

/** Invitations a patient may have waiting at once: enough for a family, too few to cast a net. */
const MAX_WAITING_INVITATIONS = 5;
const MAX_NAME_LENGTH = 100;

const statusAt = (row: repo.CaregivingInvitationRow, now: Date): CaregivingInvitationStatus =>
  row.status === 'WAITING' && row.expires_at <= now ? 'EXPIRED' : row.status;

function toInvitation(row: repo.CaregivingInvitationRow, now: Date): CaregivingInvitation {
  return {
    id: row.id,
    invitee: {
      ins: row.invitee_ins,
      firstName: row.invitee_first_name,
      familyName: row.invitee_family_name,
      birthDate: row.invitee_birth_date,
    },
    status: statusAt(row, now),
    invitedAt: row.invited_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
  };
}

function toCaregiver(row: repo.DelegationRow): Caregiver {
  return {
    id: row.id,
    person: {
      ins: row.caregiver_ins,
      firstName: row.caregiver_first_name,
      familyName: row.caregiver_family_name,
      birthDate: row.caregiver_birth_date,
    },
    since: row.since,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
  };
}

function nameArgument(raw: string, field: string): { name: string; key: string } {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw badInput(field, `1 to ${MAX_NAME_LENGTH} characters`);
  const key = queryKey(name);
  if (key.length === 0) throw badInput(field, 'holds no letter');
  return { name, key };
}

/**
 * Whom an invitation may be addressed to: the asking patient as the registry knows them, if they are of age.
 * Anyone else (another kind of actor, a patient without a record, a minor) is addressed nothing.
 */
async function inviteeIdentity(ctx: SubgraphContext): Promise<repo.InviteeIdentity | null> {
  if (ctx.actor.kind !== 'patient') return null;
  const identity = await repo.identityOf(ctx.deps.store, ctx.actor.ins);
  if (!identity || isMinorAt(identity.birth_date, ctx.now)) return null;
  return {
    ins: ctx.actor.ins,
    birthDate: identity.birth_date,
    firstKey: queryKey(identity.first_name),
    familyKeys: [identity.birth_name, identity.used_name].filter((n): n is string => !!n).map(queryKey),
  };
}

/**
 * Caregivers (aidants, docs/law.md §3 "Caregivers"): the patient invites a person by their traits; the
 * invitation reaches that person only if the registry's identity of them agrees with every trait, and the
 * patient is never told whether it did. Accepted, it lets the caregiver read the record for the patient
 * (decide(): `caregiver.delegated`), until either side ends it. Every step is traced on the patient's record,
 * but the invitee's listing of what they received, which reads nothing of it.
 */
@Resolver()
export class CaregivingResolver {
  @Mutation(() => InviteCaregiverPayload, {
    nullable: true,
    description:
      "The patient invites a person to be their caregiver (the app's search for a potential caregiver and its invitation, in one step): by the person's INS, first given name, family name and birth date. The answer is the same whether or not those traits match an account: only the person they match sees it (Viewer.caregivingInvitations), for thirty days. At most five wait at once. Traced.",
  })
  async inviteCaregiver(
    @Arg('input', () => InviteCaregiverInput, {
      description: "The patient's INS and the traits of the person invited.",
    })
    input: InviteCaregiverInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<InviteCaregiverPayload> {
    const ins = insArgument(input.ins, 'input.ins');
    const inviteeIns = insArgument(input.caregiver.ins, 'input.caregiver.ins');
    const first = nameArgument(input.caregiver.firstName, 'input.caregiver.firstName');
    const family = nameArgument(input.caregiver.familyName, 'input.caregiver.familyName');
    const birthDate = input.caregiver.birthDate;
    if (!isLocalDate(birthDate)) throw badInput('input.caregiver.birthDate', 'not a date');
    if (isMinorAt(birthDate, ctx.now)) throw badInput('input.caregiver.birthDate', 'a caregiver must be of age');
    return guardedChange(ctx, {
      ins,
      action: 'invite-caregiver',
      touched: 'caregivingInvitations',
      decide: (row) => mayInviteCaregiver(ctx.actor, factsOf(row)),
      apply: async (tx) => {
        if (inviteeIns === ins) throw badInput('input.caregiver.ins', 'is your own INS');
        const pending = await repo.pendingOf(tx, ins, inviteeIns, ctx.now);
        if (pending.delegated) throw badInput('input.caregiver.ins', 'is already your caregiver');
        if (pending.waitingForInvitee)
          throw badInput('input.caregiver.ins', 'already invited: the invitation waits for an answer');
        if (pending.waiting >= MAX_WAITING_INVITATIONS)
          throw badInput('input', `${MAX_WAITING_INVITATIONS} invitations already wait: withdraw one first`);
        const row: repo.CaregivingInvitationRow = {
          id: randomUUID(),
          patient_ins: ins,
          invitee_ins: inviteeIns,
          invitee_first_name: first.name,
          invitee_family_name: family.name,
          invitee_birth_date: birthDate,
          invitee_first_key: first.key,
          invitee_family_key: family.key,
          invited_at: ctx.now,
          expires_at: caregivingInvitationEnds(ctx.now),
          status: 'WAITING',
          answered_at: null,
        };
        await repo.insertInvitation(tx, row);
        return { invitation: toInvitation(row, ctx.now) };
      },
    });
  }

  @Mutation(() => CaregivingInvitationAnswerPayload, {
    nullable: true,
    description:
      'The person invited answers an invitation addressed to them (Viewer.caregivingInvitations): accepting makes them the patient’s caregiver from the next request. Traced on the patient’s record.',
  })
  answerCaregivingInvitation(
    @Arg('input', () => AnswerCaregivingInvitationInput, { description: 'The invitation, and whether it is accepted.' })
    input: AnswerCaregivingInvitationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaregivingInvitationAnswerPayload> {
    return settle(ctx, input.id, input.accept ? 'accept' : 'refuse');
  }

  @Mutation(() => CaregivingInvitationAnswerPayload, {
    nullable: true,
    description: 'The patient withdraws an invitation they sent, before it is answered. Traced.',
  })
  withdrawCaregivingInvitation(
    @Arg('input', () => CaregivingInvitationIdInput, { description: 'The invitation to withdraw.' })
    input: CaregivingInvitationIdInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaregivingInvitationAnswerPayload> {
    return settle(ctx, input.id, 'withdraw');
  }

  @Mutation(() => EndCaregivingPayload, {
    nullable: true,
    description:
      'Either side ends a caregiving in force, at once and without a reason: the patient (Patient.caregivers) or the caregiver (Viewer.caregivingFor). The caregiver reads nothing more from the next request. Traced on the patient’s record.',
  })
  async endCaregiving(
    @Arg('input', () => EndCaregivingInput, { description: 'The caregiving to end.' }) input: EndCaregivingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EndCaregivingPayload> {
    if (!UUID.test(input.id)) throw badInput('input.id', 'not a caregiving id');
    const outcome = await tracedTransaction<{ error: GraphQLError } | { payload: EndCaregivingPayload }>(
      ctx,
      async (tx) => {
        const delegation = await repo.lockDelegation(tx, input.id);
        const right = delegation
          ? mayEndCaregiving(ctx.actor, {
              patientIns: delegation.patient_ins,
              caregiverIns: delegation.caregiver_ins,
              inForce: delegation.ended_at === null,
            })
          : null;
        if (!delegation || !right || (!right.allowed && right.rule === 'deny.not-caregiving-party')) {
          // Someone else's caregiving answers as one that does not exist, and is traced on no record.
          recordAccess(ctx, {
            patientIns: null,
            action: 'end-caregiving',
            outcome: 'denied',
            rule: 'deny.no-such-record',
          });
          return { error: notFound('No such caregiving') };
        }
        const traced = (outcome: 'allowed' | 'denied', rule: Rule) =>
          recordAccess(ctx, {
            patientIns: delegation.patient_ins,
            action: 'end-caregiving',
            touched: ['caregivers'],
            outcome,
            rule,
          });
        if (!right.allowed) {
          traced('denied', right.rule);
          return { error: forbidden(right.reason) };
        }
        const endedBy = right.rule === 'caregiving.end.patient' ? 'PATIENT' : 'CAREGIVER';
        await repo.endDelegation(tx, input.id, endedBy, ctx.now);
        traced('allowed', right.rule);
        return { payload: { id: input.id, endedAt: ctx.now, endedBy } };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.payload;
  }
}

type Answer = 'accept' | 'refuse' | 'withdraw';
const ANSWER_ACTIONS: Record<Answer, string> = {
  accept: 'accept-caregiving',
  refuse: 'refuse-caregiving',
  withdraw: 'withdraw-caregiving-invitation',
};
const ANSWER_STATUS: Record<Answer, CaregivingInvitationStatus> = {
  accept: 'ACCEPTED',
  refuse: 'REFUSED',
  withdraw: 'WITHDRAWN',
};

async function settle(ctx: SubgraphContext, id: string, answer: Answer): Promise<CaregivingInvitationAnswerPayload> {
  if (!UUID.test(id)) throw badInput('input.id', 'not an invitation id');
  const action = ANSWER_ACTIONS[answer];
  const identity = answer === 'withdraw' ? null : await inviteeIdentity(ctx);
  // Errors are returned from the transaction and thrown after it: a refusal's trace must stand.
  const outcome = await tracedTransaction<{ error: GraphQLError } | { payload: CaregivingInvitationAnswerPayload }>(
    ctx,
    async (tx) => {
      const invitation = await repo.lockInvitation(tx, id, identity);
      const right = invitation
        ? mayAnswerCaregiving(
            ctx.actor,
            {
              status: invitation.status,
              patientIns: invitation.patient_ins,
              addressedToActor: invitation.addressed,
              open: invitation.expires_at > ctx.now,
              dmpStatus: invitation.dmp_status,
            },
            answer,
          )
        : null;
      if (!invitation || !right || (!right.allowed && right.rule === 'deny.not-caregiving-party')) {
        // An invitation not addressed to the actor answers as one that does not exist, traced on no record:
        // the patient's history must not show that someone tried an id of theirs and was not the one.
        recordAccess(ctx, { patientIns: null, action, outcome: 'denied', rule: 'deny.no-such-record' });
        return { error: notFound('No such invitation') };
      }
      const traced = (outcome: 'allowed' | 'denied', rule: Rule) =>
        recordAccess(ctx, {
          patientIns: invitation.patient_ins,
          action,
          touched: ['caregivingInvitations'],
          outcome,
          rule,
        });
      if (!right.allowed) {
        traced('denied', right.rule);
        return { error: forbidden(right.reason) };
      }
      const caregivingId = answer === 'accept' ? randomUUID() : null;
      if (caregivingId) await repo.startDelegation(tx, invitation, caregivingId, ctx.now);
      await repo.closeInvitation(tx, id, ANSWER_STATUS[answer], ctx.now);
      traced('allowed', right.rule);
      return { payload: { id, status: ANSWER_STATUS[answer], caregivingId } };
    },
  );
  if ('error' in outcome) throw outcome.error;
  return outcome.payload;
}

@Resolver(() => Patient)
export class PatientCaregiversResolver {
  @FieldResolver(() => [Caregiver], {
    nullable: true,
    description:
      "The patient's caregivers (the app's delegations as helped person): those in force, newest first, then, with `includeEnded`, those ended. The patient's side only.",
  })
  async caregivers(
    @Root() patient: VisiblePatient,
    @Arg('includeEnded', () => Boolean, { defaultValue: false, description: 'Also the caregivings that ended.' })
    includeEnded: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Caregiver[]> {
    touch(ctx, patient.decision.grant, 'caregivers');
    return (await repo.caregiversOf(ctx.deps.store, patient.ins, includeEnded)).map(toCaregiver);
  }

  @FieldResolver(() => [CaregivingInvitation], {
    nullable: true,
    description:
      "The patient's invitations of caregivers, newest first, with where each stands (the app's pending delegations). The patient's side only.",
  })
  async caregivingInvitations(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaregivingInvitation[]> {
    touch(ctx, patient.decision.grant, 'caregivingInvitations');
    return (await repo.invitationsOf(ctx.deps.store, patient.ins)).map((row) => toInvitation(row, ctx.now));
  }
}

@Resolver(() => Viewer)
export class ViewerCaregivingResolver {
  @FieldResolver(() => [ReceivedCaregivingInvitation], {
    description:
      "Invitations to be someone's caregiver addressed to the viewer and still open, newest first (the app's invitations from helped persons): only those whose every trait agrees with the viewer's identity, and only for an adult patient; empty for anyone else. They show who invites, nothing of the record. Their listing reads no record and is traced on none.",
  })
  async caregivingInvitations(@Ctx() ctx: SubgraphContext): Promise<ReceivedCaregivingInvitation[]> {
    const identity = await inviteeIdentity(ctx);
    if (!identity) return [];
    const rows = await repo.addressedTo(ctx.deps.store, identity, ctx.now);
    if (rows.length > 0)
      recordAccess(ctx, {
        patientIns: null,
        action: 'read-caregiving-invitation',
        outcome: 'allowed',
        rule: 'caregiving.read.invitee',
      });
    return rows.map((row) => ({
      id: row.id,
      patientFirstName: row.first_name,
      patientFamilyName: row.family_name,
      invitedAt: row.invited_at,
      expiresAt: row.expires_at,
    }));
  }

  @FieldResolver(() => [CaregivingFor], {
    description:
      "The records the viewer reads as caregiver (the app's delegations as caregiver), oldest first, each read as `patient` is under the caregiver grant; empty for anyone but a patient who accepted to be one.",
  })
  async caregivingFor(@Ctx() ctx: SubgraphContext): Promise<CaregivingFor[]> {
    if (ctx.actor.kind !== 'patient') return [];
    const rows = await repo.caringFor(ctx.deps.store, ctx.actor.ins);
    const records = await Promise.all(rows.map((r) => registryLoaders(ctx).visible.load(r.patient_ins)));
    return rows.flatMap((r, i) => (records[i] ? [{ id: r.id, patient: records[i]!, since: r.since }] : []));
  }
}
