import { NotificationInboxResolver } from './notification-inbox.resolver';
import { NotificationPreferencesResolver } from './notification-preferences.resolver';
import { DocumentsResolver } from './documents.resolver';
import { PatientIdResolver, ViewerResolver } from './viewer.resolver';
import { PatientCopiesResolver, RecordCopyResolver } from './record-copy.resolver';
import { registryExpiry } from './registry-expiry';
import { DeletionRequestResolver } from './deletion-request.resolver';
import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import { PatientResolver } from './patient.resolver';
import { PatientControlsResolver } from './controls.resolver';
import { EmergencyResolver } from './emergency.resolver';
import { ConsultationConsentResolver } from './consultation-consent.resolver';
import {
  accessReadingResolver,
  DirectoryResolver,
  ProfessionalContactResolver,
  tracedActorResolver,
} from './directory.resolver';
import { AccessHistoryResolver } from './access-history.resolver';
import { AccessEvent, AccessTraceEntry, Accessor } from './access-trace.type';
import { StaffResolver } from './staff.resolver';
import { RepresentationResolver } from './representation.resolver';
import {
  PatientInvitationsResolver,
  RepresentationInvitationResolver,
  ViewerInvitationsResolver,
} from './representation-invitation.resolver';
import { IdentitySearchResolver } from './identity-search.resolver';
import { SpokenIdentitySearchResolver } from './identity-search-variants.resolver';
import { EmergencyWatchResolver } from './emergency-watch.resolver';
import { resolvePatientReference } from './patient.reference';
import { recognise } from './actor.repo';
import { LifecycleResolver } from './lifecycle.resolver';
import { FamilyProfileResolver } from './family-profile.resolver';
import { CaregivingResolver, PatientCaregiversResolver, ViewerCaregivingResolver } from './caregiving.resolver';
import { CareRolesResolver } from './care-roles.resolver';
import { CareListsResolver, ListedProfessionalAddressResolver } from './care-lists.resolver';
import { DefaultMaskingResolver } from './default-masking.resolver';
import { DocumentProcessingResolver } from './document-processing.resolver';
import { AnalyticsEntryResolver, PatientCountResolver } from './analytics.resolver';

export const patient: SubgraphDefinition = {
  name: 'patient',
  port: portOf('patient'),
  migrationsDir: projectPath('subgraphs', 'patient', 'migrations'),
  resolvers: [
    PatientResolver,
    ViewerResolver,
    PatientIdResolver,
    PatientControlsResolver,
    EmergencyResolver,
    ConsultationConsentResolver,
    DirectoryResolver,
    ProfessionalContactResolver,
    StaffResolver,
    RepresentationResolver,
    RepresentationInvitationResolver,
    PatientInvitationsResolver,
    ViewerInvitationsResolver,
    FamilyProfileResolver,
    CaregivingResolver,
    PatientCaregiversResolver,
    ViewerCaregivingResolver,
    tracedActorResolver(AccessTraceEntry),
    tracedActorResolver(AccessEvent),
    tracedActorResolver(Accessor),
    accessReadingResolver(AccessTraceEntry),
    accessReadingResolver(AccessEvent),
    AccessHistoryResolver,
    IdentitySearchResolver,
    SpokenIdentitySearchResolver,
    EmergencyWatchResolver,
    LifecycleResolver,
    DeletionRequestResolver,
    RecordCopyResolver,
    DocumentsResolver,
    NotificationInboxResolver,
    NotificationPreferencesResolver,
    PatientCopiesResolver,
    AnalyticsEntryResolver,
    PatientCountResolver,
    CareRolesResolver,
    CareListsResolver,
    ListedProfessionalAddressResolver,
    DefaultMaskingResolver,
    DocumentProcessingResolver,
  ],
  references: { Patient: resolvePatientReference },
  // With the retention job: the archive's end (seeds 001, 002, 004) and the copies of records (seed 002).
  expire: registryExpiry,
  recognise: (actor, deps) => recognise(deps.store, actor),
};
