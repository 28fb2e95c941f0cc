import {
  AntecedentDocumentsResolver,
  EntryDocumentLinksWriteResolver,
  HospitalisationDocumentsResolver,
  TreatmentDocumentsResolver,
} from './entry-documents';
import type { SubgraphDefinition } from '../kit/subgraph';
import { portOf } from '../../domain/sources';
import { projectPath } from '../../domain/paths';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { PersonalSpaceEntryResolver, PersonalSpaceResolver } from './personal-space.resolver';
import { PersonalSpaceWritesResolver } from './personal-space.writes';
import { PersonalDocument } from './personal-space.type';
import { personalDocuments } from './personal-space.repo';
import {
  documentContentResolver,
  documentCapabilitiesResolver,
  documentHistoryResolver,
} from '../kit/documents/document-fields.resolver';
import { purgeResolver } from '../kit/purge/purge.resolver';
import { documentErasureResolver } from '../kit/documents/erase.resolver';
import {
  HealthMeasuresResolver,
  MeasureFieldsResolver,
  MeasureHistoryResolver,
  MeasureKindsResolver,
  MeasureTileResolver,
} from './measures.resolver';
import { MeasureWritesResolver } from './measures.writes';
import { BloodGroupResolver, BloodGroupWritesResolver } from './blood-group.resolver';
import { TreatmentLinksResolver, TreatmentsReadResolver, TreatmentWritesResolver } from './treatments.resolver';
import { ProfileSectionsReadResolver, ProfileSectionsWritesResolver } from './profile-sections.resolver';
import { LifestyleFormResolver, LifestyleReadResolver } from './lifestyle.resolver';
import { LifestyleWritesResolver } from './lifestyle.writes';
import { PersonalDocumentWritesResolver } from './personal-documents.writes';
import { DocumentFoldersResolver, PersonalDocumentOrganisationResolver } from './folders.resolver';
import { DocumentFolderWritesResolver } from './folders.writes';
import { AllergyLinksResolver, AntecedentLinksResolver } from './entry-links.resolver';
import { PersonalDocumentUploadResolver, UPLOAD_ROUTE } from './uploads';

export const personalSpace: SubgraphDefinition = {
  name: 'personal-space',
  port: portOf('personal-space'),
  migrationsDir: projectPath('subgraphs', 'personal-space', 'migrations'),
  resolvers: [
    PersonalSpaceEntryResolver,
    PersonalSpaceResolver,
    PersonalSpaceWritesResolver,
    HealthMeasuresResolver,
    MeasureFieldsResolver,
    MeasureHistoryResolver,
    MeasureTileResolver,
    MeasureKindsResolver,
    MeasureWritesResolver,
    BloodGroupResolver,
    BloodGroupWritesResolver,
    TreatmentsReadResolver,
    TreatmentLinksResolver,
    TreatmentWritesResolver,
    ProfileSectionsReadResolver,
    ProfileSectionsWritesResolver,
    LifestyleReadResolver,
    LifestyleFormResolver,
    LifestyleWritesResolver,
    PersonalDocumentWritesResolver,
    PersonalDocumentUploadResolver,
    PersonalDocumentOrganisationResolver,
    DocumentFoldersResolver,
    DocumentFolderWritesResolver,
    AllergyLinksResolver,
    AntecedentLinksResolver,
    AntecedentDocumentsResolver,
    HospitalisationDocumentsResolver,
    TreatmentDocumentsResolver,
    EntryDocumentLinksWriteResolver,
    documentHistoryResolver(PersonalDocument, personalDocuments),
    documentCapabilitiesResolver(PersonalDocument, 'personal-space'),
    documentContentResolver(PersonalDocument),
    purgeResolver('personal-space'),
    documentErasureResolver('personal-space', { table: 'personal_document', withContent: true }),
  ],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
  bodyRoute: UPLOAD_ROUTE,
};
