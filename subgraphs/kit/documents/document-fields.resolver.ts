import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { SubgraphContext } from '../context';
import { forbidden } from '../../../runtime/errors';
import { grantOf } from '../enforce/grant-carrier';
import { touch } from '../../../audit/trace-recorder';
import { tracedDocument } from '../../../audit/trace';
import type { createDocumentSource } from './document-source';
import { DocumentContent } from './deposit.type';
import { contentLoader } from './document-content';
import { DocumentCapabilitiesType } from './document.type';
import { documentCapabilities } from '../../../policy/document-capabilities';
import type { DocumentSourceName } from '../../../domain/sources';

/** `previousVersions` on a source's document type: the history a new version keeps. */
export function documentHistoryResolver(nodeType: ClassType, source: ReturnType<typeof createDocumentSource<any>>) {
  @Resolver(() => nodeType)
  class DocumentHistoryResolver {
    @FieldResolver(() => [nodeType], { description: 'The versions this document replaced, newest first.' })
    previousVersions(@Root() node: any, @Ctx() ctx: SubgraphContext) {
      return source.previousVersions(ctx, node);
    }
  }
  return DocumentHistoryResolver;
}

/** `content` on a source's document type: the file, under the document's own grant, traced. */
export function documentContentResolver(nodeType: ClassType) {
  @Resolver(() => nodeType)
  class DocumentContentResolver {
    @FieldResolver(() => DocumentContent, {
      nullable: true,
      description: 'The file deposited with the document, if any. Reading it is traced.',
    })
    async content(
      @Root() node: { id: string; visibility: string[]; depositedAt: Date },
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentContent | null> {
      const grant = grantOf(node);
      if (!grant) throw forbidden('No access to this record');
      touch(ctx, grant, tracedDocument(node, ctx.now, 'content:'));
      return contentLoader(ctx).load(node.id);
    }
  }
  return DocumentContentResolver;
}

/** `capabilities` on a source's document type: the policy's flags under the grant the document was read with. */
export function documentCapabilitiesResolver(nodeType: ClassType, source: DocumentSourceName) {
  @Resolver(() => nodeType)
  class DocumentCapabilitiesResolver {
    @FieldResolver(() => DocumentCapabilitiesType, {
      description: 'What the reader may do with it: buttons a front end shows.',
    })
    capabilities(
      @Root() node: { id: string; lineageId?: string; visibility: string[]; author: { kind: string } },
    ): DocumentCapabilitiesType {
      const grant = grantOf(node);
      if (!grant) throw forbidden('No access to this record');
      return documentCapabilities(grant, {
        id: node.id,
        lineageId: node.lineageId,
        source,
        authorKind: node.author.kind,
        visibility: node.visibility,
      });
    }
  }
  return DocumentCapabilitiesResolver;
}
