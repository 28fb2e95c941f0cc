import type { SubgraphDefinition } from '../../runtime/subgraph';
import { projectPath } from '../../runtime/paths';
import type { PatientRef } from '../../runtime/documents/patient-ref.type';
import { SourcePatient } from './patient.type';
import { PersonalSpaceEntryResolver, PersonalSpaceResolver } from './personal-space.resolver';
import { PersonalSpaceWritesResolver } from './personal-space.writes';
import { PersonalDocument } from './personal-space.type';
import { personalDocuments } from './personal-space.repo';
import { documentContentResolver, documentHistoryResolver } from '../../runtime/documents/document-fields.resolver';
import { purgeResolver } from '../../runtime/purge.resolver';

export const personalSpace: SubgraphDefinition = {
  name: 'personal-space',
  port: 4006,
  migrationsDir: projectPath('subgraphs', 'personal-space', 'migrations'),
  resolvers: [PersonalSpaceEntryResolver, PersonalSpaceResolver, PersonalSpaceWritesResolver, documentHistoryResolver(PersonalDocument, personalDocuments), documentContentResolver(PersonalDocument), purgeResolver('personal-space')],
  orphanedTypes: [SourcePatient],
  references: { Patient: (reference: PatientRef) => reference },
};
