import type { Actor } from '../domain/actor';
import type { PatientAccessFacts } from './decide';
import type { ActionRule, Refusal } from './rules';

/**
 * Caregivers (aidants, docs/law.md §3 "Caregivers"). An adult patient chooses another adult to read their
 * record for them: they invite that person by the traits they know, the person accepts from their own account,
 * and from then decide() lets them read under `caregiver.delegated`, until either of them ends it. A caregiver
 * reads and acts on nothing: every write, control and lifecycle rule still asks for the patient or their
 * legal representative. Pure; deny unless a rule allows.
 */

type Decision = { allowed: true; rule: ActionRule } | Refusal;
const refuse = (rule: Refusal['rule'], reason: string): Refusal => ({ allowed: false, rule, reason });

/**
 * Who invites a caregiver: the patient themself, an adult, on their own active record. A minor has legal
 * representatives, who act for them already (art. 388 C. civ.); a representative does not choose a caregiver
 * for the person they represent, nor a caregiver another one.
 */
export function mayInviteCaregiver(actor: Actor, facts: PatientAccessFacts): Decision {
  if (facts.dmpStatus !== 'ACTIVE') return refuse('deny.dmp-not-active', 'the DMP is closed or deleted');
  if (actor.kind !== 'patient' || actor.ins !== facts.ins)
    return refuse('deny.not-record-controller', 'only the patient chooses their caregiver');
  if (facts.isMinor) return refuse('deny.patient-minor', 'a minor has legal representatives, not a caregiver');
  return { allowed: true, rule: 'caregiving.invite.patient' };
}

/** What the registry knows of a caregiving invitation when someone acts on it. */
export interface CaregivingInvitationFacts {
  status: 'WAITING' | 'ACCEPTED' | 'REFUSED' | 'WITHDRAWN';
  /** The record of the patient who invited. */
  patientIns: string;
  /**
   * The actor's own identity in the registry agrees with every trait the patient typed (INS, birth date,
   * first given name, family name) and the actor is an adult at the request's instant: the invitation is theirs.
   */
  addressedToActor: boolean;
  /** Before its end (policy/periods.json caregivingInvitation), at the request's instant. */
  open: boolean;
  dmpStatus: PatientAccessFacts['dmpStatus'];
}

/**
 * The invitee accepts or refuses an invitation addressed to them while it is open and the record active; the
 * patient withdraws their own while it waits. To anyone else it does not exist (the answer is NOT_FOUND): an
 * invitation does not tell who holds an account, nor whom a patient trusts.
 */
export function mayAnswerCaregiving(
  actor: Actor,
  invitation: CaregivingInvitationFacts,
  answer: 'accept' | 'refuse' | 'withdraw',
): Decision {
  const mine =
    actor.kind === 'patient' &&
    (answer === 'withdraw' ? actor.ins === invitation.patientIns : invitation.addressedToActor);
  if (!mine) return refuse('deny.not-caregiving-party', 'not an invitation of this actor');
  if (invitation.status !== 'WAITING' || !invitation.open)
    return refuse('deny.invitation-closed', 'the invitation was answered, withdrawn or ran out');
  if (answer === 'withdraw') return { allowed: true, rule: 'caregiving.withdraw.patient' };
  if (answer === 'refuse') return { allowed: true, rule: 'caregiving.refuse.invitee' };
  if (invitation.dmpStatus !== 'ACTIVE') return refuse('deny.dmp-not-active', 'the DMP is closed or deleted');
  return { allowed: true, rule: 'caregiving.accept.invitee' };
}

/** What the registry knows of a delegation when someone ends it. */
export interface DelegationFacts {
  patientIns: string;
  caregiverIns: string;
  inForce: boolean;
}

/**
 * Either side ends a delegation in force, at any time and without a reason: the patient withdraws their trust,
 * or the caregiver steps down. Ending it needs no active record (a closed record's caregiver may still step
 * down). Anyone else finds no such delegation.
 */
export function mayEndCaregiving(actor: Actor, delegation: DelegationFacts): Decision {
  if (actor.kind !== 'patient' || (actor.ins !== delegation.patientIns && actor.ins !== delegation.caregiverIns))
    return refuse('deny.not-caregiving-party', 'not a delegation of this actor');
  if (!delegation.inForce) return refuse('deny.invitation-closed', 'the delegation has already ended');
  return {
    allowed: true,
    rule: actor.ins === delegation.patientIns ? 'caregiving.end.patient' : 'caregiving.end.caregiver',
  };
}
