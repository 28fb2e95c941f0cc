import { scheduledArchiveEnd } from './record-purge';
import { DeletionRequestResolver } from './deletion-request.resolver';
import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import { PatientResolver } from './patient.resolver';
import { PatientControlsResolver } from './controls.resolver';
import { EmergencyResolver } from './emergency.resolver';
import { ConsultationConsentResolver } from './consultation-consent.resolver';
import { AccessTraceActorResolver, DirectoryResolver } from './directory.resolver';
import { StaffResolver } from './staff.resolver';
import { RepresentationResolver } from './representation.resolver';
import { IdentitySearchResolver } from './identity-search.resolver';
import { EmergencyWatchResolver } from './emergency-watch.resolver';
import { resolvePatientReference } from './patient.reference';
import { recognise } from './actor.repo';
import { LifecycleResolver } from './lifecycle.resolver';
import { AnalyticsEntryResolver, PatientCountResolver } from './analytics.resolver';

export const patient: SubgraphDefinition = {
  name: 'patient',
  port: portOf('patient'),
  migrationsDir: projectPath('subgraphs', 'patient', 'migrations'),
  resolvers: [
    PatientResolver,
    PatientControlsResolver,
    EmergencyResolver,
    ConsultationConsentResolver,
    DirectoryResolver,
    StaffResolver,
    RepresentationResolver,
    AccessTraceActorResolver,
    IdentitySearchResolver,
    EmergencyWatchResolver,
    LifecycleResolver,
    DeletionRequestResolver,
    AnalyticsEntryResolver,
    PatientCountResolver,
  ],
  references: { Patient: resolvePatientReference },
  // The archive's end (seeds 001, 002, 004): destroyed ten years after closure or death, with the retention job.
  expire: scheduledArchiveEnd,
  recognise: (actor, deps) => recognise(deps.store, actor),
};
