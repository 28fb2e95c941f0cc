import type { AccessGrant } from '../../../policy/grant';

/**
 * Objects handed down the graph (a visible patient, a document node, a personal space) carry the grant they
 * were read under, so a field rule can judge a child field without another lookup. A symbol keeps it out of
 * the GraphQL output.
 */
export const GRANT = Symbol('access grant');

export type GrantCarrier = { [GRANT]?: AccessGrant };

export function carry<T extends object>(value: T, grant: AccessGrant): T & GrantCarrier {
  return Object.assign(value, { [GRANT]: grant });
}

export function grantOf(value: unknown): AccessGrant | null {
  return value !== null && typeof value === 'object' ? ((value as GrantCarrier)[GRANT] ?? null) : null;
}
