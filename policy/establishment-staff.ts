import type { Actor } from '../domain/actor';
import type { ActionRule, Refusal } from './rules';

/**
 * Who says who works in an establishment's care team (docs/law.md §3): the establishment itself, through its
 * authenticated channel, for its own FINESS only. Membership decides what its care team's authorisations
 * reach, so nobody else changes it. Pure; deny unless a rule allows.
 */
export function mayManageStaff(actor: Actor): { allowed: true; rule: ActionRule; finess: string } | Refusal {
  if (actor.kind !== 'establishment')
    return { allowed: false, rule: 'deny.not-the-establishment', reason: 'an establishment names its own staff' };
  return { allowed: true, rule: 'control.establishment-staff', finess: actor.finess };
}
