import type { Actor } from '../../domain/actor';
import type { AnalyticsSubject } from '../../domain/cohort';
import type { ActionRule, Refusal } from '../rules';

/**
 * The registry's word for one analytics request: this analyst may ask for aggregates, and these patients'
 * consent changed since a source last heard (it leaves them out until it has caught up).
 */
export interface AnalyticsGrant {
  analystId: string;
  pending: Record<string, string[]>;
}

/** A change of the consenting cohort: the patient's projection, or null when they left it. */
export interface CohortChange {
  ins: string;
  subject: AnalyticsSubject | null;
}

/** Aggregates are for analytics clients, never a person (docs/law.md §5). Pure. */
export function mayAggregate(actor: Actor): { allowed: true; rule: ActionRule } | Refusal {
  return actor.kind === 'analyst'
    ? { allowed: true, rule: 'analytics.aggregate' }
    : { allowed: false, rule: 'deny.not-analytics', reason: 'Aggregates are for analytics clients' };
}
