import type { KeyLike } from 'jose';
import { signShortLived, verifyShortLived } from '../runtime/short-lived-token';
import type { WritableSource } from './deposit';

/**
 * The registry's consent to one write: this actor may write a document of this type into this source of
 * this patient's record, now. A source writes nothing without it; it lives as long as the request.
 */
export interface WritePermit {
  ins: string;
  actorId: string;
  source: WritableSource;
  typeCode: string;
  /** The rule of mayWrite() that allowed it, cited by the trace. */
  rule: string;
  /** The writer as document metadata names it, from the registry's directory (never from the caller). */
  author: PermitAuthor;
}

export interface PermitAuthor {
  kind: 'PROFESSIONAL' | 'PATIENT' | 'ALIM_AM' | 'ESTABLISHMENT';
  id: string;
  name: string | null;
  profession: string | null;
  specialty: string | null;
  establishmentFiness: string | null;
  establishmentName: string | null;
}

const SCOPE = { issuer: 'dmp-patient-registry', audience: 'dmp-source-writes', seconds: 30 };

export function signWritePermit(key: KeyLike, permit: WritePermit): Promise<string> {
  return signShortLived(key, { w: permit }, SCOPE);
}

/** The permit when it is the registry's, current, and for exactly this actor, patient, source and type; else null. */
export async function verifyWritePermit(key: KeyLike, token: unknown, expect: Omit<WritePermit, 'rule' | 'author'>): Promise<WritePermit | null> {
  const permit = (await verifyShortLived(key, token, SCOPE))?.w as WritePermit | undefined;
  if (!permit) return null;
  const matches = permit.actorId === expect.actorId && permit.ins === expect.ins && permit.source === expect.source && permit.typeCode === expect.typeCode;
  return matches ? permit : null;
}

/** The registry's order to erase every row about a deleted patient from one source. */
export interface PurgeOrder { ins: string; source: string }
const PURGE_SCOPE = { issuer: 'dmp-patient-registry', audience: 'dmp-source-purges', seconds: 60 };

export function signPurgeOrder(key: KeyLike, order: PurgeOrder): Promise<string> {
  return signShortLived(key, { p: order }, PURGE_SCOPE);
}

export async function verifyPurgeOrder(key: KeyLike, token: unknown, source: string): Promise<PurgeOrder | null> {
  const order = (await verifyShortLived(key, token, PURGE_SCOPE))?.p as PurgeOrder | undefined;
  return order && order.source === source && typeof order.ins === 'string' ? order : null;
}
