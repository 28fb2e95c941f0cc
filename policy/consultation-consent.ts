import type { Actor } from '../domain/actor';
import { decide, type PatientAccessFacts } from './decide';
import type { ActionRule, Refusal } from './rules';
import { STAFF_READS_ONLY } from './staff-reads-only';

/**
 * Whether this professional may record, at a consultation, that the patient present and informed consents to
 * their access (CSP L1111-15; docs/law.md §3). It is the patient's authorisation, collected by the
 * professional: the reading rules decide as if it were given, so a professional the patient blocked, a
 * specialty refused in every mode, an unknown actor or a closed record is refused here as on reading. Only a
 * professional records one. Pure; deny unless a rule allows.
 */
export function mayRecordConsent(
  actor: Actor,
  facts: PatientAccessFacts,
): { allowed: true; rule: ActionRule } | Refusal {
  if (actor.kind !== 'professional')
    return { allowed: false, rule: 'deny.not-a-professional', reason: 'only a professional records a consent' };
  if (actor.vouchedBy) return STAFF_READS_ONLY;
  const reading = decide(actor, { ...facts, isAuthorised: true });
  if (!reading.allowed) return reading;
  return { allowed: true, rule: 'control.consent-at-consultation' };
}
