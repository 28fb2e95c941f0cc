import type { KeyLike } from 'jose';
import type { Caller } from '../../runtime/credential';
import { signShortLived, verifyShortLived, type TokenScope } from '../../runtime/short-lived-token';
import type { AccessGrant } from '../../policy/grant';
import type { ErasureOrder, PurgeOrder, WritePermit } from '../../policy/write-permit';
import type { AnalyticsGrant, CohortChange } from '../../policy/analytics/analytics-grant';

/**
 * What the registry signs for the sources, each for one audience and a short life: a grant or a permit lives
 * as long as the request that asked for it (a revoked authorisation must not outlive it); a purge order or a
 * cohort change as long as one delivery.
 */
const SCOPES = {
  grant: { issuer: 'dmp-patient-registry', audience: 'dmp-sources', seconds: 30 },
  write: { issuer: 'dmp-patient-registry', audience: 'dmp-source-writes', seconds: 30 },
  purge: { issuer: 'dmp-patient-registry', audience: 'dmp-source-purges', seconds: 60 },
  erase: { issuer: 'dmp-patient-registry', audience: 'dmp-source-erasures', seconds: 60 },
  analytics: { issuer: 'dmp-patient-registry', audience: 'dmp-source-analytics', seconds: 30 },
  cohort: { issuer: 'dmp-patient-registry', audience: 'dmp-source-cohort', seconds: 60 },
} as const satisfies Record<string, TokenScope>;

export function signGrant(key: KeyLike, grant: AccessGrant): Promise<string> {
  return signShortLived(key, { g: grant }, SCOPES.grant);
}

/** The grant when it is the registry's, current, and issued to this actor for this patient; otherwise null. */
export async function verifyGrant(
  key: KeyLike,
  token: unknown,
  expect: { actorId: string; ins: string },
): Promise<AccessGrant | null> {
  const grant = (await verifyShortLived(key, token, SCOPES.grant))?.g as AccessGrant | undefined;
  return grant && grant.actorId === expect.actorId && grant.ins === expect.ins ? grant : null;
}

export function signWritePermit(key: KeyLike, permit: WritePermit): Promise<string> {
  return signShortLived(key, { w: permit }, SCOPES.write);
}

/** The permit when it is the registry's, current, and for exactly this actor, patient, source and type; else null. */
export async function verifyWritePermit(
  key: KeyLike,
  token: unknown,
  expect: Omit<WritePermit, 'rule' | 'author' | 'maskedDocumentIds'>,
): Promise<WritePermit | null> {
  const permit = (await verifyShortLived(key, token, SCOPES.write))?.w as WritePermit | undefined;
  if (!permit) return null;
  const matches =
    permit.actorId === expect.actorId &&
    permit.ins === expect.ins &&
    permit.source === expect.source &&
    permit.typeCode === expect.typeCode &&
    Array.isArray(permit.maskedDocumentIds);
  return matches ? permit : null;
}

/**
 * A registry order (purge, erasure, cohort change) counts only in a call the registry signed itself
 * (docs/security.md): an order seen on the service network and sent again under the gateway's credential, or
 * a peer's, is refused as if it were absent.
 */
export const callFromRegistry = (ctx: { caller: Caller }): boolean => ctx.caller === 'patient';

export function signPurgeOrder(key: KeyLike, order: PurgeOrder): Promise<string> {
  return signShortLived(key, { p: order }, SCOPES.purge);
}

export async function verifyPurgeOrder(key: KeyLike, token: unknown, source: string): Promise<PurgeOrder | null> {
  const order = (await verifyShortLived(key, token, SCOPES.purge))?.p as PurgeOrder | undefined;
  return order && order.source === source && typeof order.ins === 'string' ? order : null;
}

export function signErasureOrder(key: KeyLike, order: ErasureOrder): Promise<string> {
  return signShortLived(key, { e: order }, SCOPES.erase);
}

export async function verifyErasureOrder(key: KeyLike, token: unknown, source: string): Promise<ErasureOrder | null> {
  const order = (await verifyShortLived(key, token, SCOPES.erase))?.e as ErasureOrder | undefined;
  return order && order.source === source && typeof order.ins === 'string' && typeof order.documentId === 'string'
    ? order
    : null;
}

export function signAnalyticsGrant(key: KeyLike, grant: AnalyticsGrant): Promise<string> {
  return signShortLived(key, { a: grant }, SCOPES.analytics);
}

export async function verifyAnalyticsGrant(
  key: KeyLike,
  token: unknown,
  analystId: string,
): Promise<AnalyticsGrant | null> {
  const grant = (await verifyShortLived(key, token, SCOPES.analytics))?.a as AnalyticsGrant | undefined;
  return grant && grant.analystId === analystId ? grant : null;
}

export function signCohortChanges(key: KeyLike, source: string, changes: CohortChange[]): Promise<string> {
  return signShortLived(key, { c: changes, s: source }, SCOPES.cohort);
}

export async function verifyCohortChanges(
  key: KeyLike,
  token: unknown,
  source: string,
): Promise<CohortChange[] | null> {
  const payload = await verifyShortLived(key, token, SCOPES.cohort);
  return payload && payload.s === source && Array.isArray(payload.c) ? (payload.c as CohortChange[]) : null;
}
