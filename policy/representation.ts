import type { Actor } from '../domain/actor';
import type { PatientAccessFacts } from './decide';
import type { ActionRule, Refusal } from './rules';

/**
 * Who registers and removes a patient's legal representatives (docs/law.md §3). A minor's representative
 * (art. 388 C. civ., parental authority) is added by a representative already registered, say a second
 * parent, or by operations; a measure protecting an adult (tutelle, curatelle: art. 414 and following) only by
 * operations, from the judgment, with its end date. A representative withdraws themselves; only operations
 * remove another (each parent acts on their own: neither removes the other). Pure; deny unless a rule allows.
 */
export function mayAddRepresentative(
  actor: Actor,
  facts: PatientAccessFacts,
  patientIsMinor: boolean,
): { allowed: true; rule: ActionRule } | Refusal {
  if (facts.dmpStatus !== 'ACTIVE') return refuse('deny.dmp-not-active', 'the DMP is closed or deleted');
  if (actor.kind === 'operator') return { allowed: true, rule: 'representation.add.operations' };
  return refuse(
    'deny.not-representation-manager',
    patientIsMinor
      ? "a minor's second representative is invited by one already registered (inviteLegalRepresentative), and registered when they accept; operations register from a document"
      : "an adult's protection measure is registered by operations, from the judgment",
  );
}

/**
 * Who invites a minor's second legal representative: a representative already registered (art. 371-1 and 372
 * C. civ.: both parents hold parental authority). The invitee is registered only by their own acceptance
 * (`mayAnswerInvitation`), so no one is made a representative, nor shown a child's record, without consenting
 * and showing they know whom it is about.
 */
export function mayInviteRepresentative(
  actor: Actor,
  facts: PatientAccessFacts,
  patientIsMinor: boolean,
): { allowed: true; rule: ActionRule } | Refusal {
  if (facts.dmpStatus !== 'ACTIVE') return refuse('deny.dmp-not-active', 'the DMP is closed or deleted');
  if (actor.kind === 'representative' && facts.isRepresentative && patientIsMinor)
    return { allowed: true, rule: 'representation.invite.representative' };
  return refuse(
    'deny.not-representation-manager',
    patientIsMinor
      ? "a minor's second representative is invited by one already registered"
      : "an adult's protection measure is registered by operations, from the judgment",
  );
}

/** What the registry knows of an invitation when its invitee answers it. */
export interface InvitationFacts {
  status: 'WAITING' | 'ACCEPTED' | 'REFUSED' | 'WITHDRAWN' | 'FAILED';
  accountId: string;
  invitedBy: string;
  /** Still before its end (policy/periods.json representationInvitation), judged at the request's instant. */
  open: boolean;
  dmpStatus: PatientAccessFacts['dmpStatus'];
  patientIsMinor: boolean;
}

/**
 * The invitee answers their own waiting invitation: accepting needs the record active and the child still a
 * minor at the answer's instant (a representation by parental authority ends at majority, art. 388 C. civ.);
 * refusing needs only that it waits. The inviter may withdraw it while it waits. Nobody else learns it exists:
 * every other actor is refused as if there were none.
 */
export function mayAnswerInvitation(
  actor: Actor,
  invitation: InvitationFacts,
  answer: 'accept' | 'refuse' | 'withdraw',
): { allowed: true; rule: ActionRule } | Refusal {
  const mine =
    actor.kind === 'representative' &&
    (answer === 'withdraw' ? invitation.invitedBy === actor.id : invitation.accountId === actor.id);
  if (!mine) return refuse('deny.not-invitee', 'not an invitation of this actor');
  if (invitation.status !== 'WAITING' || !invitation.open)
    return refuse('deny.invitation-closed', 'the invitation was answered, withdrawn or ran out');
  if (answer === 'withdraw') return { allowed: true, rule: 'representation.withdraw.inviter' };
  if (answer === 'refuse') return { allowed: true, rule: 'representation.refuse.invitee' };
  if (invitation.dmpStatus !== 'ACTIVE') return refuse('deny.dmp-not-active', 'the DMP is closed or deleted');
  if (!invitation.patientIsMinor)
    return refuse('deny.not-a-minor', 'the child came of age: no representation to accept');
  return { allowed: true, rule: 'representation.accept.invitee' };
}

export function mayRemoveRepresentative(
  actor: Actor,
  facts: PatientAccessFacts,
  accountId: string,
): { allowed: true; rule: ActionRule } | Refusal {
  if (facts.dmpStatus === 'DELETED') return refuse('deny.dmp-deleted', 'the DMP was deleted');
  if (actor.kind === 'operator') return { allowed: true, rule: 'representation.remove.operations' };
  if (actor.kind === 'representative' && facts.isRepresentative && actor.id === accountId)
    return { allowed: true, rule: 'representation.remove.self' };
  return refuse('deny.not-representation-manager', 'a representative withdraws themselves; operations remove another');
}

const refuse = (rule: Refusal['rule'], reason: string): Refusal => ({ allowed: false, rule, reason });

/** Where a person attached to a parent's Assurance maladie cover stands, as the parent's family list shows it. */
export type FamilyProfileStatus = 'TO_ACTIVATE' | 'ACTIVE' | 'NOT_ACTIVABLE';
/** Why a profile cannot be opened from the family list. */
export type FamilyProfileBlock = 'OF_AGE' | 'RECORD_EXISTS';
export interface FamilyProfileFacts {
  /** Under eighteen at the request's instant (art. 388 C. civ.). */
  minor: boolean;
  /** The registry holds a DMP for this INS, in any state (active, closed, deleted). */
  recordExists: boolean;
  /** The parent is a registered representative of it, in force. */
  representsIt: boolean;
}

/**
 * A family profile, from the parent's side (docs/law.md §3, "Family profiles"). Being attached to a cover (CSS
 * art. L160-2) makes no one a representative: the parent opens a minor's DMP as `mayCreateRecord` lets a
 * representative, stating their relation and its basis. An adult opens their own. A DMP that exists already,
 * whatever its state, is not opened again from the list: a representative already registered invites the other
 * parent (`mayInviteRepresentative`), and a closed or deleted one is the patient's side's decision. Pure.
 */
export function familyProfileStatus(facts: FamilyProfileFacts): {
  status: FamilyProfileStatus;
  reason: FamilyProfileBlock | null;
} {
  if (facts.representsIt) return { status: 'ACTIVE', reason: null };
  if (!facts.minor) return { status: 'NOT_ACTIVABLE', reason: 'OF_AGE' };
  if (facts.recordExists) return { status: 'NOT_ACTIVABLE', reason: 'RECORD_EXISTS' };
  return { status: 'TO_ACTIVATE', reason: null };
}
