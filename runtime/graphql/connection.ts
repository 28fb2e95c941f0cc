import { ArgsType, Directive, Field, getMetadataStorage, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { createHash } from 'node:crypto';
import { badInput } from '../errors';

@ObjectType({ description: 'Relay page information (forward pagination).' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page: read them with `after: endCursor`.' })
  hasNextPage!: boolean;
  @Field(() => Boolean, {
    description: 'Whether items precede this page, which is the case exactly when it was asked for with `after`.',
  })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when it is empty.' })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of this page, to pass as `after` for the next one; null when it is empty.',
  })
  endCursor!: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already read.' })
  after?: string | null;
}

/** A decoded keyset position: documents are listed newest first, ties broken by id. */
export interface Position {
  at: string;
  id: string;
}

/**
 * Where a cursor was given out: the list, what it was asked with (patient, filter), and the shape of that
 * list's ids. A cursor holds a digest of the first two, so it works only where it was given; and each part is
 * checked to its exact shape before it reaches SQL, so a crafted one is a coded error, never a database's.
 */
export interface CursorScope {
  list: string;
  args: unknown;
  id: 'text' | 'serial';
}

const ID_SHAPES: Record<CursorScope['id'], RegExp> = {
  // Document ids are text the sources made (`hosp-<uuid>`, or a scenario's): printable, bounded.
  text: /^[\x21-\x7e]{1,128}$/,
  // Trace and notification ids are PostgreSQL bigints.
  serial: /^[1-9][0-9]{0,17}$/,
};

const scopeDigest = (scope: CursorScope) =>
  createHash('sha256')
    .update(JSON.stringify([scope.list, scope.args ?? null]))
    .digest('base64url')
    .slice(0, 16);

export function encodeCursor(position: Position, scope: CursorScope): string {
  return Buffer.from(JSON.stringify([scopeDigest(scope), position.at, position.id])).toString('base64url');
}

/** The position a cursor of this list holds, or BAD_USER_INPUT naming `after`. */
export function decodeCursor(cursor: string, scope: CursorScope): Position {
  let parts: unknown;
  try {
    parts = cursor.length <= 512 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts.length === 3) {
    const [digest, at, id] = parts as unknown[];
    if (
      digest === scopeDigest(scope) &&
      typeof at === 'string' &&
      isIsoInstant(at) &&
      typeof id === 'string' &&
      ID_SHAPES[scope.id].test(id)
    )
      return { at, id };
  }
  throw badInput('after', 'not a cursor this list gave out for these arguments');
}

/** Exactly what Date#toISOString writes, and a real instant (no 30 February, no hour 24). */
function isIsoInstant(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return false;
  const instant = new Date(text);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === text;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  return first;
}

/**
 * What a connection resolves to. Fields are getters, so each is computed only when a query asks for it:
 * totalCount runs its own count statement, the page is fetched once for edges, nodes and pageInfo.
 */
export interface Connection<T> {
  readonly edges: Promise<{ cursor: string; node: T }[]>;
  readonly nodes: Promise<T[]>;
  readonly pageInfo: Promise<PageInfo>;
  readonly totalCount: Promise<number>;
}

/** Builds the `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionTypes<T extends object>(name: string, node: ClassType<T>) {
  // The node's GraphQL name, for the descriptions (its @ObjectType has run: the class is defined before this call).
  const nodeName = getMetadataStorage().objectTypes.find((type) => type.target === node)?.name ?? name;

  @ObjectType(`${name}Edge`, {
    description: `An edge of ${name}Connection: one ${nodeName}, with the cursor that resumes the list after it.`,
  })
  class Edge {
    @Field(() => String, {
      description: `Opaque position of this ${nodeName} in the list: pass it as \`after\` to read what follows. Valid only for the list and the arguments that gave it out.`,
    })
    cursor!: string;
    @Field(() => node, { description: `The ${nodeName} itself.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, newest first.` })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${nodeName} items of this page, in list order, each with its cursor.` })
    edges!: Edge[];
    @Field(() => [node], { description: `The same ${nodeName} items as edges, in the same order, without cursors.` })
    nodes!: T[];
    @Field(() => PageInfo, {
      description: `Whether more ${nodeName} items follow this page, and the cursors of its first and last edges.`,
    })
    pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items match the filters, counting only what the caller may see.' })
    totalCount!: number;
  }
  return { Edge, Connection: ConnectionType };
}

/** Turns one fetched page (size + 1 rows, to know whether more follow) into a lazy connection. */
export function toConnection<T>(
  rows: () => Promise<T[]>,
  size: number,
  after: string | null | undefined,
  position: (row: T) => Position,
  count: () => Promise<number>,
  scope: CursorScope,
): Connection<T> {
  let page: Promise<{ edges: { cursor: string; node: T }[]; items: T[]; pageInfo: PageInfo }> | undefined;
  const load = () =>
    (page ??= rows().then((all) => {
      const items = all.slice(0, size);
      const edges = items.map((node) => ({ cursor: encodeCursor(position(node), scope), node }));
      const pageInfo: PageInfo = {
        hasNextPage: all.length > size,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      };
      return { edges, items, pageInfo };
    }));
  return {
    get edges() {
      return load().then((p) => p.edges);
    },
    get nodes() {
      return load().then((p) => p.items);
    },
    get pageInfo() {
      return load().then((p) => p.pageInfo);
    },
    get totalCount() {
      return count();
    },
  };
}
