import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../kit/context';
import { grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import { touch } from '../../audit/trace-recorder';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { DateTime } from '../../schema/scalars';
import { PersonalDocument, PersonalSpace } from './personal-space.type';
import { DocumentFolder } from './personal-documents.type';
import { organisationLoaders, toFolder } from './folders.repo';

type Node = { id: string; lineageId?: string };
/** Folders and pins follow the document's lineage, as masks do: a new version stays where the old one was. */
const lineageOf = (node: Node) => node.lineageId ?? node.id;

/**
 * How the patient's side arranged its own documents. Shown to the patient's side only (policy/field-rules.json,
 * `patientSide`): a folder's name is the patient's own words, not part of the DMP document.
 */
@Resolver(() => PersonalDocument)
export class PersonalDocumentOrganisationResolver {
  @FieldResolver(() => DocumentFolder, {
    nullable: true,
    description: 'The folder the patient put this document in (movePersonalDocuments), or null.',
  })
  async folder(@Root() node: Node, @Ctx() ctx: SubgraphContext): Promise<DocumentFolder | null> {
    return (await organisationLoaders(ctx).byLineage.load(lineageOf(node))).folder;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Pinned by the patient (markPersonalDocuments).' })
  async pinned(@Root() node: Node, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return (await organisationLoaders(ctx).byLineage.load(lineageOf(node))).pinned;
  }

  @FieldResolver(() => DateTime, {
    nullable: true,
    description: "When the patient flagged this document as reported (the app's 'reported' mark), or null.",
  })
  async reportedAt(@Root() node: Node, @Ctx() ctx: SubgraphContext): Promise<Date | null> {
    return (await organisationLoaders(ctx).byLineage.load(lineageOf(node))).reportedAt;
  }
}

@Resolver(() => PersonalSpace)
export class DocumentFoldersResolver {
  @FieldResolver(() => [DocumentFolder], {
    nullable: true,
    description: "The patient's folders of their own documents, by name (at most 100 per patient).",
  })
  async documentFolders(
    @Root() root: { patient: PatientRef } & GrantCarrier,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentFolder[]> {
    touch(ctx, grantOf(root)!, 'personalSpace.documentFolders');
    return (await organisationLoaders(ctx).folders.load(root.patient.ins)).map(toFolder);
  }
}
