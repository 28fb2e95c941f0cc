import type { Actor } from '../domain/actor';
import type { PatientAccessFacts } from './decide';
import type { ActionRule, Refusal } from './rules';

/** What a patient (or their legal representative) may change on their DMP (docs/law.md §3–4). */
export type PatientControl =
  | 'authorise'
  | 'revoke'
  | 'authorise-care-team'
  | 'revoke-care-team'
  | 'block'
  | 'unblock'
  | 'mask'
  | 'unmask'
  | 'mask-by-default'
  | 'unmask-by-default'
  | 'set-emergency-consents'
  | 'name-medecin-traitant'
  | 'remove-medecin-traitant'
  | 'name-administrator'
  | 'remove-administrator'
  | 'set-care-role'
  | 'remove-care-role'
  | 'block-establishment'
  | 'unblock-establishment'
  | 'list-professional'
  | 'unlist-professional'
  | 'list-establishment'
  | 'unlist-establishment'
  | 'set-secondary-use'
  | 'set-document-processing'
  | 'keep-secret'
  | 'share-secret'
  | 'request-copy'
  | 'mark-notifications'
  | 'set-notification-preference';

/** L1111-5: what a minor keeps from their legal representatives is the minor's decision alone. */
const MINOR_CONTROLS: ReadonlySet<PatientControl> = new Set(['keep-secret', 'share-secret']);

/** The médecin traitant may block a professional for the patient; nothing else of the patient's rights. */
const MEDECIN_TRAITANT_CONTROLS: ReadonlySet<PatientControl> = new Set(['block', 'unblock']);

export type ControlDecision = { allowed: true; rule: ActionRule } | Refusal;

/** Whether this actor may exercise this control on this record. Pure; deny unless a rule allows. */
export function mayControl(actor: Actor, facts: PatientAccessFacts, control: PatientControl): ControlDecision {
  if (facts.dmpStatus !== 'ACTIVE')
    return { allowed: false, rule: 'deny.dmp-not-active', reason: 'the DMP is closed or deleted' };
  if (MINOR_CONTROLS.has(control)) {
    if (actor.kind !== 'patient' || actor.ins !== facts.ins)
      return {
        allowed: false,
        rule: 'deny.not-record-controller',
        reason: 'only the minor keeps a document from their representatives',
      };
    if (!facts.isMinor)
      return { allowed: false, rule: 'deny.not-a-minor', reason: "the secret of L1111-5 is a minor's" };
    return { allowed: true, rule: 'control.minor-secret' };
  }
  if (actor.kind === 'patient' && actor.ins === facts.ins) return { allowed: true, rule: 'control.patient' };
  if (actor.kind === 'representative' && facts.isRepresentative)
    return { allowed: true, rule: 'control.representative' };
  if (
    actor.kind === 'professional' &&
    !actor.vouchedBy &&
    (facts.isTreatingDoctor || facts.isAdministrator) &&
    !facts.isBlocked &&
    MEDECIN_TRAITANT_CONTROLS.has(control)
  ) {
    return { allowed: true, rule: facts.isTreatingDoctor ? 'control.medecin-traitant' : 'control.administrator' };
  }
  return {
    allowed: false,
    rule: 'deny.not-record-controller',
    reason: `only the patient or their representative may ${control.replace(/-/g, ' ')}`,
  };
}
