import DataLoader from 'dataloader';
import { perRequest } from '../../../runtime/context';
import { idArgument } from '../../../runtime/arguments';
import { badInput, forbidden } from '../../../runtime/errors';
import {
  decodeCursor,
  pageSize,
  toConnection,
  type Connection,
  type CursorScope,
} from '../../../runtime/graphql/connection';
import type { SubgraphContext } from '../context';
import type { AccessGrant } from '../../../policy/grant';
import { registryGrant } from '../enforce/registry-grant';
import { carry, grantOf } from '../enforce/grant-carrier';
import { recordAccess, touch } from '../../../audit/trace-recorder';
import { tracedDocument } from '../../../audit/trace';
import { DOCUMENT_TYPES, type TypeCode } from '../../../domain/codes';
import {
  createDocumentRepo,
  type DocumentFilterValue,
  type DocumentQuery,
  type DocumentRow,
  type DocumentTable,
} from './document-repo';
import type { PatientRef } from './patient-ref.type';

interface PageKey extends DocumentQuery {
  ins: string;
}
interface CountKey {
  ins: string;
  grant: AccessGrant;
  filter: DocumentFilterValue;
  now: Date;
}
interface HistoryKey {
  grant: AccessGrant;
  lineage: string;
  now: Date;
}

/** Requests that differ only by patient share one SQL statement. */
const shapeOf = (key: { ins: string; grant: AccessGrant }) =>
  JSON.stringify({ ...key, ins: undefined, grant: { ...key.grant, ins: undefined, rule: undefined } });

function batchBy<K extends { ins: string; grant: AccessGrant }, V>(
  run: (insList: string[], sample: K) => Promise<Map<string, V>>,
) {
  return async (keys: readonly K[]): Promise<V[]> => {
    const groups = new Map<string, K[]>();
    for (const key of keys) {
      const shape = shapeOf(key);
      groups.set(shape, [...(groups.get(shape) ?? []), key]);
    }
    const results = new Map<K, V>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const found = await run([...new Set(group.map((k) => k.ins))], group[0]);
        for (const key of group) results.set(key, found.get(key.ins) as V);
      }),
    );
    return keys.map((key) => results.get(key) as V);
  };
}

/**
 * A source's document list on `Patient`: checks the registry's grant, then pages and counts with one
 * DataLoader each per request, so N patients or N aliases cost one statement per distinct list shape.
 */
export function createDocumentSource<T extends { id: string; visibility: string[]; effectiveAt: Date }>(
  table: DocumentTable,
  toNode: (row: DocumentRow) => T,
) {
  const loaders = perRequest((ctx: SubgraphContext) => {
    const repo = createDocumentRepo(ctx.deps.store, ctx.deps.matrix, table);
    return {
      pages: new DataLoader<PageKey, DocumentRow[], string>(
        batchBy((insList, sample) => repo.pages(insList, sample)),
        { cacheKeyFn: (k) => JSON.stringify(k) },
      ),
      counts: new DataLoader<CountKey, number, string>(
        batchBy((insList, sample) => repo.counts(insList, sample)),
        { cacheKeyFn: (k) => JSON.stringify(k) },
      ),
      history: new DataLoader<HistoryKey, DocumentRow[], string>(
        async (keys) => {
          // One statement per grant (in practice: per patient), whatever the number of documents asked about.
          const byGrant = new Map<string, HistoryKey[]>();
          for (const key of keys)
            byGrant.set(JSON.stringify(key.grant), [...(byGrant.get(JSON.stringify(key.grant)) ?? []), key]);
          const found = new Map<HistoryKey, DocumentRow[]>();
          await Promise.all(
            [...byGrant.values()].map(async (group) => {
              const rows = await repo.history(group[0].grant, [...new Set(group.map((k) => k.lineage))], group[0].now);
              for (const key of group) found.set(key, rows.get(key.lineage) ?? []);
            }),
          );
          return keys.map((key) => found.get(key) ?? []);
        },
        { cacheKeyFn: (k) => JSON.stringify(k) },
      ),
    };
  });

  return {
    async connection(
      ctx: SubgraphContext,
      patient: PatientRef,
      args: { first?: number | null; after?: string | null; filter?: DocumentFilterValue | null },
    ): Promise<Connection<T>> {
      const grant = await grantFor(ctx, patient);
      const size = pageSize(args.first);
      const filter = checkFilter(args.filter ?? {});
      const scope: CursorScope = { list: table.table, args: [patient.ins, filter], id: 'text' };
      const after = args.after ? decodeCursor(args.after, scope) : null;
      const { pages, counts } = loaders(ctx);
      return toConnection(
        () =>
          pages.load({ ins: patient.ins, grant, filter, size, after, now: ctx.now }).then((list) => {
            // The trace names what left: the ids of the documents on this page.
            touch(
              ctx,
              grant,
              ...list
                .slice(0, size)
                .map((row) =>
                  tracedDocument({ id: row.id, visibility: labelsOf(row), depositedAt: row.deposited_at }, ctx.now),
                ),
            );
            return list.map((row) => carry(labelled(toNode(row), row), grant));
          }),
        size,
        args.after,
        (node) => ({ at: node.effectiveAt.toISOString(), id: node.id }),
        () => {
          touch(ctx, grant, `${table.table}:count`);
          return counts.load({ ins: patient.ins, grant, filter, now: ctx.now });
        },
        scope,
      );
    },

    /** The versions a document replaced, newest first, under the grant it was read with. */
    async previousVersions(ctx: SubgraphContext, node: T): Promise<T[]> {
      const grant = grantOf(node);
      if (!grant) throw forbidden('No access to this record');
      const lineage = (node as { lineageId?: string }).lineageId ?? node.id;
      const rows = await loaders(ctx).history.load({ grant, lineage, now: ctx.now });
      touch(
        ctx,
        grant,
        ...rows.map((row) =>
          tracedDocument({ id: row.id, visibility: labelsOf(row), depositedAt: row.deposited_at }, ctx.now),
        ),
      );
      return rows.map((row) => carry(labelled(toNode(row), row), grant));
    },
  };
}

/**
 * The registry's grant for this actor and patient, or FORBIDDEN: a source never decides access itself. The
 * field policy already checked it (registryGrant); asking again here costs nothing and keeps the resolver safe alone.
 */
export async function grantFor(ctx: SubgraphContext, patient: PatientRef): Promise<AccessGrant> {
  const grant = await registryGrant(ctx, patient);
  if (!grant) {
    recordAccess(ctx, {
      patientIns: typeof patient?.ins === 'string' ? patient.ins : null,
      outcome: 'denied',
      rule: 'deny.no-valid-grant',
    });
    throw forbidden('No access to this record');
  }
  return grant;
}

/**
 * The registry holds masks and a minor's later secrets: a document the patient masked, in any of its versions,
 * shows MASQUE_PS to whoever may still see it, and one the minor keeps secret shows INVISIBLE_REPRESENTANTS_LEGAUX
 * (the row's `masked` and `secret`, computed in SQL).
 */
function labelsOf(row: DocumentRow): string[] {
  const labels = [...row.visibility];
  if (row.masked && !labels.includes('MASQUE_PS')) labels.push('MASQUE_PS');
  if (row.secret && !labels.includes('INVISIBLE_REPRESENTANTS_LEGAUX')) labels.push('INVISIBLE_REPRESENTANTS_LEGAUX');
  return labels;
}

function labelled<T extends { id: string; visibility: string[] }>(node: T, row: DocumentRow): T {
  return row.masked || row.secret ? { ...node, visibility: labelsOf(row) } : node;
}

function checkFilter(filter: DocumentFilterValue): DocumentFilterValue {
  if ((filter.ids?.length ?? 0) > 100) throw badInput('filter.ids', 'at most 100 ids');
  for (const id of filter.ids ?? []) idArgument(id, 'filter.ids');
  for (const code of filter.typeCodes ?? []) {
    if (!DOCUMENT_TYPES.has(code as TypeCode)) throw badInput('filter.typeCodes', `${code} is not a JDV_J07 type code`);
  }
  if (filter.from && filter.to && filter.from >= filter.to) throw badInput('filter.to', 'must be after filter.from');
  return filter;
}
