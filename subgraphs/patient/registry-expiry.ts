import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor';
import { traceTo } from '../../audit/trace-recorder';
import type { SubgraphContext, SubgraphDeps } from '../kit/context';
import { endArchives } from './record-purge';
import { copiesDue } from './record-copy';
import { backfillSpokenKeys } from './spoken-keys-backfill';

/** Who the scheduled run acts as, in its traces and toward the sources: the host's operations, no person. */
export const REGISTRY_JOB_ACTOR: Actor = { kind: 'operator', id: 'system:archive-end' };

/**
 * The registry's part of the retention job (`expire` in its definition; docs/time.md): the archives whose ten
 * years ended are destroyed, the purges still pending carried on, the copies still pending produced and the
 * expired ones deleted; and the spoken-search keys missing from rows written before migration 020 are written
 * (spoken-keys-backfill.ts). A context of its own, traced under a request id of its own. Counts only.
 */
export async function registryExpiry(deps: SubgraphDeps): Promise<{ table: string; deleted: number }[]> {
  const ctx: SubgraphContext = {
    actor: REGISTRY_JOB_ACTOR,
    requestId: randomUUID(),
    now: deps.clock.now(),
    caller: 'patient',
    deps,
  };
  traceTo(ctx, 'patient', deps.audit.writer);
  const { destroyed, pending } = await endArchives(ctx);
  const copies = await copiesDue(deps);
  return [
    { table: 'patient:archive-ended', deleted: destroyed.length },
    { table: 'patient:purges-pending', deleted: pending.length },
    { table: 'record_copy', deleted: copies.expired },
    // Not an expiry: the spoken-search keys of rows older than them (migration 021), written by the same schedule.
    { table: 'patient:spoken-keys-written', deleted: await backfillSpokenKeys(deps.store) },
  ];
}
