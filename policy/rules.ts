/**
 * Every rule a decision of the policy can return, a closed set: the access traces name them (docs/law.md §5),
 * the field policy and the heirs' file grant by them, and a data file that names one not listed here stops the
 * start instead of silently denying (a typo). A decision's type admits only these names.
 */

/** The rules `decide()` can allow a read under. */
export const GRANT_RULES = [
  'patient.self',
  'representative.legal',
  'professional.medecin-traitant',
  'professional.administrator',
  'professional.authorised',
  'professional.care-team',
  'professional.bris-de-glace',
  'regulator.centre-15',
  'heir.limited',
  'caregiver.delegated',
] as const;

/** Why something was refused. */
export const DENY_RULES = [
  // Who the actor is.
  'deny.unknown-actor',
  'deny.forbidden-organisation',
  'deny.feeding-channel',
  'deny.analytics-person-level',
  'deny.operator-person-level',
  'deny.host-physician-reads-no-record',
  'deny.not-host-physician',
  'deny.not-a-professional',
  'deny.not-a-writer',
  'deny.not-analytics',
  'deny.not-operations',
  'deny.not-the-establishment',
  'deny.occupational-medicine',
  'deny.vouched-staff-reads-only',
  // Their relation to the patient.
  'deny.other-patient',
  'deny.not-representative',
  'deny.not-heir',
  'deny.blocked',
  'deny.no-authorisation',
  'deny.btg-refused',
  'deny.etreat-refused',
  'deny.heirs-objection',
  'deny.not-record-controller',
  'deny.not-record-creator',
  'deny.not-death-declarant',
  'deny.not-representation-manager',
  'deny.not-a-minor',
  'deny.not-invitee',
  'deny.invitation-closed',
  'deny.invitation-wrong-proof',
  'deny.not-caregiving-party',
  'deny.patient-minor',
  // The record's state.
  'deny.no-such-record',
  'deny.dmp-not-active',
  'deny.dmp-deleted',
  'deny.dmp-not-closed',
  'deny.patient-alive',
  'deny.patient-deceased',
  'deny.archive-expired',
  // What was asked.
  'deny.type-not-accepted',
  'deny.writer-not-admitted',
  'deny.no-valid-grant',
  'deny.permit-not-asked-by-source',
  'deny.no-purge-order',
  'deny.no-cohort-order',
  'deny.analytics-cohort-too-small',
  'deny.trait-search-rate-limited',
] as const;

/** What allows a write, a patient control, a lifecycle change, an aggregate or a search. */
export const ACTION_RULES = [
  'write.patient',
  'write.representative',
  'write.professional',
  'write.feeding-channel',
  'write.assurance-maladie-feed',
  'control.patient',
  'control.representative',
  'control.medecin-traitant',
  'control.administrator',
  'control.consent-at-consultation',
  'control.establishment-staff',
  'control.minor-secret',
  'lifecycle.create.patient',
  'lifecycle.create.representative',
  'lifecycle.create.professional',
  'lifecycle.create.establishment',
  'lifecycle.close.patient',
  'lifecycle.delete.patient',
  'lifecycle.delete.purge',
  'lifecycle.destroy.archive-end',
  'lifecycle.set-heirs-objection.patient',
  'lifecycle.request-document-deletion.patient',
  'lifecycle.decide-document-deletion.host-physician',
  'lifecycle.reopen.patient',
  'lifecycle.reopen.on-request',
  'lifecycle.death.medecin',
  'lifecycle.death.rnipp',
  'lifecycle.register-heir.operations',
  'lifecycle.resume-deletions.operations',
  'representation.invite.representative',
  'representation.accept.invitee',
  'representation.refuse.invitee',
  'representation.withdraw.inviter',
  'representation.read.invitee',
  'representation.read.family-profiles',
  'representation.add.operations',
  'representation.remove.self',
  'representation.remove.operations',
  'caregiving.invite.patient',
  'caregiving.accept.invitee',
  'caregiving.refuse.invitee',
  'caregiving.withdraw.patient',
  'caregiving.read.invitee',
  'caregiving.end.patient',
  'caregiving.end.caregiver',
  'retention.window',
  'analytics.aggregate',
  'regulator.trait-search',
] as const;

export type GrantRule = (typeof GRANT_RULES)[number];
export type DenyRule = (typeof DENY_RULES)[number];
export type ActionRule = (typeof ACTION_RULES)[number];
/** Any rule a decision returns and a trace records. */
export type Rule = GrantRule | DenyRule | ActionRule;

export const RULES: readonly Rule[] = [...GRANT_RULES, ...DENY_RULES, ...ACTION_RULES];

export function isGrantRule(name: unknown): name is GrantRule {
  return typeof name === 'string' && (GRANT_RULES as readonly string[]).includes(name);
}

export function isDenyRule(name: unknown): name is DenyRule {
  return typeof name === 'string' && (DENY_RULES as readonly string[]).includes(name);
}

/** A refusal, with the rule that refused and why (the reason is for logs and operators, never a client). */
export interface Refusal {
  allowed: false;
  rule: DenyRule;
  reason: string;
}
