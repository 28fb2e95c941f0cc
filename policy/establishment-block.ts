import type { Actor } from '../domain/actor';
import type { Refusal } from './rules';

/** The facts of decide()'s PatientAccessFacts this rule reads (declared here: decide() imports this module). */
export interface EstablishmentBlockFacts {
  establishmentBlocked?: boolean;
  isTreatingDoctor: boolean;
  isAdministrator: boolean;
  isAuthorised: boolean;
}

const BLOCKED: Readonly<Refusal> = Object.freeze({
  allowed: false,
  rule: 'deny.blocked',
  reason: 'the patient blocked the establishment this professional acts for',
});

/**
 * A patient blocks an establishment as they block a professional (docs/law.md §3): whoever reads through it
 * reads nothing of the record, refused under the same rule, so the refusal answers as absence does. Through
 * it means: a member of staff it vouches for (they act on its word alone), and a professional the directory
 * places there reading as its care team or in an emergency inside it. What stands is what the patient gave that
 * professional by name (médecin traitant, administrator, their own authorisation): the patient chose that
 * person, and blocking a place does not undo it, as it would not if they had moved elsewhere. Its own channel
 * reads nothing in any case (decide(): the feeding channel). Pure; null when the block does not apply.
 */
export function establishmentBlockRefusal(actor: Actor, facts: EstablishmentBlockFacts): Refusal | null {
  if (actor.kind !== 'professional' || !facts.establishmentBlocked) return null;
  if (actor.vouchedBy) return BLOCKED;
  if (facts.isTreatingDoctor || facts.isAdministrator || facts.isAuthorised) return null;
  return BLOCKED;
}
