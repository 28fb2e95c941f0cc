import type { AnalyticsSubject } from '../../domain/cohort';

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
