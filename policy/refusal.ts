import type { Actor } from '../domain/actor';
import { decide, type PatientAccessFacts } from './decide';

/**
 * Whether a refusal may say FORBIDDEN rather than NOT_FOUND. Only an actor who may know the record exists
 * learns why they are refused: the patient's side, operations (who run closures and deletions), and whoever
 * could read the record were it open. Anyone else gets the answer a record that does not exist gets, so that
 * a refusal is indistinguishable from absence (docs/law.md §3).
 */
export function mayKnowOf(actor: Actor, facts: PatientAccessFacts): boolean {
  if (actor.kind === 'operator') return true;
  if (actor.kind === 'patient' && actor.ins === facts.ins) return true;
  if (actor.kind === 'representative' && facts.isRepresentative) return true;
  return decide(actor, { ...facts, dmpStatus: 'ACTIVE' }).allowed;
}
