import type { KeyLike } from 'jose';
import { signShortLived, verifyShortLived } from '../../runtime/short-lived-token';
import type { AnalyticsSubject } from '../../scripts/scenario/analytics-subjects';

/**
 * The registry's word for one analytics request: this analyst may ask for aggregates, and these patients'
 * consent changed since a source last heard (it leaves them out until it has caught up).
 */
export interface AnalyticsGrant { analystId: string; pending: Record<string, string[]> }

const SCOPE = { issuer: 'dmp-patient-registry', audience: 'dmp-source-analytics', seconds: 30 };

export function signAnalyticsGrant(key: KeyLike, grant: AnalyticsGrant): Promise<string> {
  return signShortLived(key, { a: grant }, SCOPE);
}

export async function verifyAnalyticsGrant(key: KeyLike, token: unknown, analystId: string): Promise<AnalyticsGrant | null> {
  const grant = (await verifyShortLived(key, token, SCOPE))?.a as AnalyticsGrant | undefined;
  return grant && grant.analystId === analystId ? grant : null;
}

/** A change of the consenting cohort: the patient's projection, or null when they left it. */
export interface CohortChange { ins: string; subject: AnalyticsSubject | null }
const COHORT_SCOPE = { issuer: 'dmp-patient-registry', audience: 'dmp-source-cohort', seconds: 60 };

export function signCohortChanges(key: KeyLike, source: string, changes: CohortChange[]): Promise<string> {
  return signShortLived(key, { c: changes, s: source }, COHORT_SCOPE);
}

export async function verifyCohortChanges(key: KeyLike, token: unknown, source: string): Promise<CohortChange[] | null> {
  const payload = await verifyShortLived(key, token, COHORT_SCOPE);
  return payload && payload.s === source && Array.isArray(payload.c) ? (payload.c as CohortChange[]) : null;
}
