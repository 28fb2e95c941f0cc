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
  if (actor.kind === 'representative' && facts.isRepresentative && patientIsMinor)
    return { allowed: true, rule: 'representation.add.representative' };
  return refuse(
    'deny.not-representation-manager',
    patientIsMinor
      ? "a minor's representative is added by one already registered, or by operations"
      : "an adult's protection measure is registered by operations, from the judgment",
  );
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
