import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { DocumentFilter } from './document.type';
import { REQUIRES_GRANT, type PatientRef, type PatientRefClass } from './patient-ref.type';
import { PageArgs } from '../../../runtime/graphql/connection';
import type { SubgraphContext } from '../context';
import type { createDocumentSource } from './document-source';

/** The `Patient.<field>` list resolver a document source contributes to the graph. */
export function documentListResolver(
  patientType: PatientRefClass,
  field: string,
  connection: ClassType,
  source: ReturnType<typeof createDocumentSource<any>>,
  description: string,
) {
  @Resolver(() => patientType)
  class DocumentListResolver {
    @FieldResolver(() => connection, { name: field, nullable: true, description })
    @Directive(REQUIRES_GRANT)
    list(
      @Root() patient: PatientRef,
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => DocumentFilter, {
        nullable: true,
        description: 'Only the documents meeting every criterion given; omitted, every document the reader may see.',
      })
      filter: DocumentFilter | null,
      @Ctx() ctx: SubgraphContext,
    ) {
      return source.connection(ctx, patient, { ...page, filter });
    }
  }
  return DocumentListResolver;
}
