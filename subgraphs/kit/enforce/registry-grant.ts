import { perRequest } from '../../../runtime/context';
import type { SubgraphContext } from '../context';
import { type AccessGrant } from '../../../policy/grant';
import { verifyGrant } from '../registry-tokens';

/** Each grant is verified once per request, whether the field rule or the resolver asks first. */
const verified = perRequest(() => new Map<string, Promise<AccessGrant | null>>());

/** The registry's grant a source received for this patient, if it is valid for this actor; else null. */
export function registryGrant(
  ctx: SubgraphContext,
  patient: { ins?: unknown; accessGrant?: unknown },
): Promise<AccessGrant | null> {
  if (typeof patient?.ins !== 'string' || typeof patient.accessGrant !== 'string') return Promise.resolve(null);
  const cache = verified(ctx);
  const key = `${patient.ins}|${patient.accessGrant}`;
  let grant = cache.get(key);
  if (!grant) {
    grant = verifyGrant(ctx.deps.grantKeys.verify, patient.accessGrant, { actorId: ctx.actor.id, ins: patient.ins });
    cache.set(key, grant);
  }
  return grant;
}
