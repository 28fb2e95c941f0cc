import type { PatientSide } from '../../audit/trace';
import type { TraceFilter } from '../../audit/trace-repo';
import type { SubgraphContext } from '../kit/context';
import type { AccessTraceFilter } from './access-trace.type';
import type { VisiblePatient } from './patient.loader';

/** The patient's side reading its own record, which some documents and accesses are hidden from; else null. */
export function patientSide(patient: VisiblePatient): PatientSide | null {
  const mode = patient.decision.grant.mode;
  return mode === 'patient' || mode === 'representative' ? mode : null;
}

/**
 * What of a record's access history this reader may read, and what they asked: the same for each view of it
 * (accessTraces, accessEvents, accessors), so that none shows what another hides.
 */
export function historyFilter(
  ctx: SubgraphContext,
  patient: VisiblePatient,
  filter: AccessTraceFilter | null,
): TraceFilter & { side: PatientSide | null } {
  const { excludeOwn, ...asked } = filter ?? {};
  const side = patientSide(patient);
  return {
    ...asked,
    side,
    // Separated parents: neither sees the other's accesses to the child's record.
    ownRepresentative: side === 'representative' ? ctx.actor.id : null,
    excludeActorId: excludeOwn ? ctx.actor.id : null,
  };
}
