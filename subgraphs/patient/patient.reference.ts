import type { SubgraphContext } from '../kit/context';
import { registryLoaders, type VisiblePatient } from './patient.loader';

/** `_entities` for Patient: the same decision as the root field, so no path reaches a patient the actor may not see. */
export function resolvePatientReference(
  reference: { ins: string },
  ctx: SubgraphContext,
): Promise<VisiblePatient | null> {
  if (typeof reference.ins !== 'string') return Promise.resolve(null);
  return registryLoaders(ctx).visible.load(reference.ins);
}
