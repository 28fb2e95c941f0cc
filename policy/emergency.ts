import type { Actor } from '../domain/actor';
import { decide, type Decision, type PatientAccessFacts } from './decide';
import { STAFF_READS_ONLY } from './staff-reads-only';

/**
 * Whether this actor may break the glass on this record (docs/law.md §3): the reading rules as if the emergency
 * were declared (the patient's BTG consent, blocks, a closed record), and only a professional declares one.
 * Pure; deny unless a rule allows.
 */
export function mayDeclareEmergency(actor: Actor, facts: PatientAccessFacts, justification: string): Decision {
  const decision = decide(actor, { ...facts, hasEmergencyGrant: true, emergencyJustification: justification });
  if (!decision.allowed) return decision;
  if (actor.kind !== 'professional')
    return { allowed: false, rule: 'deny.not-a-professional', reason: 'only a professional declares an emergency' };
  // Bris de glace is a professional's own responsibility, under their own card.
  if (actor.vouchedBy) return STAFF_READS_ONLY;
  return decision;
}
