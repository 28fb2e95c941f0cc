import { FORMATS, hasFormat } from '../../domain/formats';
import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { projectPath } from '../../domain/paths';
import { DOCUMENT_SOURCE_NAMES, type DocumentSourceName } from '../../domain/sources';
import { idArgument } from '../../runtime/arguments';
import { badInput, notFound } from '../../runtime/errors';
import { decodeCursor, toConnection, type CursorScope, type Position } from '../../runtime/graphql/connection';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { DocumentsFilter, DocumentSummary, DocumentSummaryConnection } from './documents.type';
import { askSource, loadSourceOperations, type SourceOperation } from './source-operations';

/** What the registry asks each document source: schema/document-list.graphql. */
export const loadDocumentOperations = (path = projectPath('schema', 'document-list.graphql')) =>
  loadSourceOperations(path);
const OPERATIONS = loadDocumentOperations();

/** A page of the list over every source holds at most this many: each source is asked one more. */
export const MAX_DOCUMENTS_PAGE = 50;
const DEFAULT_DOCUMENTS_PAGE = 20;

/** The opaque id over every source: the source and its own id, base64url. */
export const globalDocumentId = (source: DocumentSourceName, id: string) =>
  Buffer.from(`${source}:${id}`).toString('base64url');

/** A notification's subject (`<source>:<document id>`) as the id over every source; null for none. */
export function documentOfSubject(subject: string | null): string | null {
  const at = subject?.indexOf(':') ?? -1;
  return subject && at > 0 ? globalDocumentId(subject.slice(0, at) as DocumentSourceName, subject.slice(at + 1)) : null;
}

export function parseGlobalId(id: string, field = 'id'): { source: DocumentSourceName; id: string } {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const at = text.indexOf(':');
  const source = text.slice(0, at) as DocumentSourceName;
  if (at < 0 || !DOCUMENT_SOURCE_NAMES.includes(source)) throw badInput(field, 'not a document id of this graph');
  return { source, id: idArgument(text.slice(at + 1), field) };
}

type SourceNode = Omit<DocumentSummary, 'id' | 'documentId' | 'source' | 'effectiveAt' | 'depositedAt' | 'content'> & {
  id: string;
  effectiveAt: string;
  depositedAt: string;
  content?: DocumentSummary['content'];
};

const summaryOf = (source: DocumentSourceName, node: SourceNode): DocumentSummary => ({
  ...node,
  id: globalDocumentId(source, node.id),
  documentId: node.id,
  source,
  effectiveAt: new Date(node.effectiveAt),
  depositedAt: new Date(node.depositedAt),
  content: node.content ?? null,
});

/** Newest care first; equal instants by id, so that the order is total and a cursor splits it exactly. */
const newestFirst = (a: DocumentSummary, b: DocumentSummary) =>
  b.effectiveAt.getTime() - a.effectiveAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const isAfter = (d: DocumentSummary, cursor: Position) => {
  const at = Date.parse(cursor.at);
  return d.effectiveAt.getTime() < at || (d.effectiveAt.getTime() === at && d.id < cursor.id);
};

function checked(filter: DocumentsFilter | null): DocumentsFilter {
  const f = filter ?? {};
  if (f.from && f.to && f.from >= f.to) throw badInput('filter.to', 'must be after filter.from');
  if (f.authorRpps != null && !hasFormat('rpps', f.authorRpps)) throw badInput('filter.authorRpps', FORMATS.rpps.rule);
  return f;
}

const sourceFilter = (f: DocumentsFilter, to: Date | null | undefined) => ({
  spaces: f.spaces ?? null,
  typeCodes: f.typeCodes ?? null,
  from: f.from ?? null,
  to: to ?? null,
  authorKinds: f.authorKinds ?? null,
  authorRpps: f.authorRpps ?? null,
});

/**
 * Every document of every source this grant shows that matches the filter, up to `limit` (newest first): for
 * operations on a whole category. Each source applies its rules and traces what it gave.
 */
export async function documentsMatching(
  ctx: SubgraphContext,
  patient: VisiblePatient,
  filter: DocumentsFilter,
  limit: number,
  /** The argument a list too long is blamed on. */
  field = 'filter',
): Promise<DocumentSummary[]> {
  const operations = OPERATIONS.filter(
    (op) => !filter.sources?.length || filter.sources.includes(op.source as DocumentSourceName),
  );
  const found: DocumentSummary[] = [];
  for (const op of operations) {
    const page = await askSource(ctx, op, patient.ins, patient.decision.grant, {
      first: 100,
      filter: sourceFilter(filter, filter.to),
      withContent: false,
    });
    if ((page?.totalCount ?? 0) > 100 || found.length + (page?.nodes?.length ?? 0) > limit)
      throw badInput(field, `matches more than ${limit} documents: narrow it`);
    found.push(...((page?.nodes ?? []) as SourceNode[]).map((n) => summaryOf(op.source as DocumentSourceName, n)));
  }
  return found.sort(newestFirst);
}

/**
 * One list over every document source, and one document by id (issue 18; docs/law.md §2): the registry asks
 * each source with the reader's own grant, so each source applies its rules (matrix, masks, secrets, the
 * consultation d'annonce, retention) and traces what it gave, then merges newest first. Not a merge in the client.
 */
@Resolver(() => Patient)
export class DocumentsResolver {
  @FieldResolver(() => DocumentSummaryConnection, {
    nullable: true,
    description: `Every document of every source the reader may see, newest care first, filtered by source, space, type, date and kind of author. first: 1 to ${MAX_DOCUMENTS_PAGE}, default ${DEFAULT_DOCUMENTS_PAGE}.`,
  })
  documents(
    @Root() patient: VisiblePatient,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size, 1 to ${MAX_DOCUMENTS_PAGE}. Default ${DEFAULT_DOCUMENTS_PAGE}.`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last edge already read.' })
    afterCursor: string | null,
    @Arg('filter', () => DocumentsFilter, {
      nullable: true,
      description: 'Narrows the list; every criterion given must hold.',
    })
    rawFilter: DocumentsFilter | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const grant = patient.decision.grant;
    touch(ctx, grant, 'documents');
    const size = first ?? DEFAULT_DOCUMENTS_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_DOCUMENTS_PAGE)
      throw badInput('first', `must be between 1 and ${MAX_DOCUMENTS_PAGE}`);
    const filter = checked(rawFilter);
    const operations = OPERATIONS.filter(
      (op) => !filter.sources?.length || filter.sources.includes(op.source as DocumentSourceName),
    );
    const scope: CursorScope = { list: 'documents', args: [patient.ins, filter], id: 'text' };
    const after = afterCursor ? decodeCursor(afterCursor, scope) : null;
    const ask = (op: SourceOperation, count: number, to: Date | null | undefined) =>
      askSource(ctx, op, patient.ins, grant, { first: count, filter: sourceFilter(filter, to), withContent: false });
    return toConnection<DocumentSummary>(
      async () => {
        // Each source from the cursor's instant on (that instant included: ties are split by id here).
        let to = filter.to;
        if (after) {
          const cut = new Date(Date.parse(after.at) + 1);
          to = to && to < cut ? to : cut;
        }
        const pages = await Promise.all(operations.map((op) => ask(op, size + 1, to)));
        const all = pages.flatMap((page, i) =>
          ((page?.nodes ?? []) as SourceNode[]).map((n) => summaryOf(operations[i].source as DocumentSourceName, n)),
        );
        return (after ? all.filter((d) => isAfter(d, after)) : all).sort(newestFirst).slice(0, size + 1);
      },
      size,
      afterCursor,
      (d) => ({ at: d.effectiveAt.toISOString(), id: d.id }),
      async () =>
        (await Promise.all(operations.map((op) => ask(op, 1, filter.to)))).reduce(
          (sum, page) => sum + ((page?.totalCount as number | undefined) ?? 0),
          0,
        ),
      scope,
    );
  }

  @FieldResolver(() => DocumentSummary, {
    nullable: true,
    description:
      'One document by its id over every source (DocumentSummary.id), with its file; one the reader may not see answers like one that does not exist.',
  })
  async document(
    @Root() patient: VisiblePatient,
    @Arg('id', () => ID, { description: 'The id over every source (`DocumentSummary.id`).' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentSummary> {
    const wanted = parseGlobalId(id);
    touch(ctx, patient.decision.grant, 'documents');
    const op = OPERATIONS.find((o) => o.source === wanted.source);
    if (!op) throw notFound('No such document');
    const page = await askSource(ctx, op, patient.ins, patient.decision.grant, {
      first: 1,
      filter: { ids: [wanted.id] },
      withContent: true,
    });
    const [node] = (page?.nodes ?? []) as SourceNode[];
    if (!node) throw notFound('No such document');
    return summaryOf(wanted.source, node);
  }
}
