import { randomUUID } from 'node:crypto';
import { projectPath } from '../../domain/paths';
import { decide } from '../../policy/decide';
import type { AccessGrant } from '../../policy/grant';
import { copyAvailableUntil } from '../../policy/periods';
import { commitTraces, recordAccess, traceTo } from '../../audit/trace-recorder';
import { findNotifications, findTraces } from '../../audit/trace-repo';
import { logger } from '../../runtime/logger';
import type { SubgraphContext, SubgraphDeps } from '../kit/context';
import { localDate } from '../kit/documents/document-repo';
import { factsOf } from './patient.loader';
import { findCareRelations, findPatientFacts, findRepresentatives } from './patient.repo';
import { requestsOf } from './deletion-request.repo';
import * as repo from './record-copy.repo';
import { askSource, loadSourceOperations, type Page, type SourceOperation } from './source-operations';

/** What the copy holds of each source: schema/record-copy.graphql, one operation per list, `<source>_<list>`. */
export const loadCopyOperations = (path = projectPath('schema', 'record-copy.graphql')) => loadSourceOperations(path);

const OPERATIONS = loadCopyOperations();

/** Every item the source gives of this list to this requester, page after page, each page on a fresh grant. */
async function readSource(
  ctx: SubgraphContext,
  operation: SourceOperation,
  ins: string,
  grant: AccessGrant,
): Promise<unknown> {
  const items: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const part = await askSource(ctx, operation, ins, grant, operation.paged ? { after } : {});
    if (!operation.paged) return part;
    const page = part as Page | null;
    items.push(...(page?.nodes ?? []));
    if (!page?.pageInfo?.hasNextPage) return items;
    after = page.pageInfo.endCursor;
  }
}

/** Every page of a registry list, as the requester reads it. */
async function allPages<T extends { at: Date }>(
  read: (after: { at: string; id: string } | null) => Promise<T[]>,
  id: (item: T) => string,
): Promise<T[]> {
  const all: T[] = [];
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page = await read(after);
    all.push(...page.slice(0, 100));
    if (page.length <= 100) return all;
    const last = page[99];
    after = { at: last.at.toISOString(), id: id(last) };
  }
}

/**
 * Produces one pending copy (docs/law.md §4): judged again now for its requester, then read as they would read
 * it, from the registry and from every source through the requester's own grant, so each visibility rule of
 * each source applies (a document awaiting its consultation d'annonce is not in the patient's copy, a minor's
 * secret not in a representative's). The reads are traced to the requester, under a request id of the copy's.
 * The copy is JSON; a requester no longer entitled gets FAILED and nothing is read.
 */
export async function produceCopy(deps: SubgraphDeps, id: string): Promise<void> {
  const copy = await repo.pendingCopy(deps.store, id);
  if (!copy) return;
  const ctx: SubgraphContext = {
    actor: copy.requester,
    requestId: randomUUID(),
    now: deps.clock.now(),
    caller: 'patient',
    deps,
  };
  traceTo(ctx, 'patient', deps.audit.writer);
  const ins = copy.patient_ins;
  const [row] = await findPatientFacts(deps.store, ctx.actor, [ins], ctx.now);
  const decision = row ? decide(ctx.actor, factsOf(row)) : null;
  const side = decision?.allowed ? decision.grant.mode : null;
  if (!decision?.allowed || (side !== 'patient' && side !== 'representative')) {
    recordAccess(ctx, {
      patientIns: ins,
      action: 'copy',
      outcome: 'denied',
      rule: decision?.rule ?? 'deny.no-such-record',
    });
    await commitTraces(ctx);
    await repo.finishCopy(deps.store, id, null);
    return;
  }
  const grant = decision.grant;
  const own = side === 'representative' ? ctx.actor.id : null;
  const sources: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS)
    (sources[operation.source] ??= {})[operation.list] = await readSource(ctx, operation, ins, grant);
  const traceFilter = { side, ownRepresentative: own };
  const registry = {
    identity: {
      birthName: row.birth_name,
      usedName: row.used_name,
      firstName: row.first_name,
      givenNames: row.given_names,
      sex: row.sex,
      birthDate: localDate(row.birth_date),
      birthplaceCode: row.birthplace_code,
    },
    dmp: { status: row.dmp_status, createdAt: row.dmp_created_at, closedAt: row.dmp_closed_at },
    emergencyConsents: { etreat: row.consent_etreat, btg: row.consent_btg, masked: row.consent_masked },
    careTeam: (await findCareRelations(deps.store, [ins])).map((r) => ({
      relation: r.relation,
      rpps: r.rpps,
      name: `${r.first_name} ${r.family_name}`,
      since: r.since,
      until: r.until,
    })),
    legalRepresentatives: (await findRepresentatives(deps.store, [ins]))
      .filter((r) => own === null || r.account_id === own)
      .map((r) => ({ accountId: r.account_id, relation: r.relation, until: localDate(r.until), basis: r.basis })),
    accessTraces: await allPages(
      (after) => findTraces(deps.audit.store, ins, traceFilter, 100, after),
      (t) => String(t.seq),
    ),
    notifications: await allPages(
      (after) => findNotifications(deps.audit.store, ins, { side, reader: ctx.actor.id }, 100, after),
      (n) => n.id,
    ),
    documentDeletionRequests: await requestsOf(deps.store, ins, own),
  };
  recordAccess(ctx, {
    patientIns: ins,
    action: 'copy',
    touched: Object.keys(registry),
    outcome: 'allowed',
    rule: grant.rule,
    mode: grant.mode,
  });
  const content = JSON.stringify({
    format: 'dmp-record-copy/1',
    ins,
    producedAt: ctx.now,
    requestedBy: copy.requested_by,
    registry,
    sources,
  });
  // The reads and the copy stand or fall together: untraced, the copy is not made.
  await deps.store.transaction(async (tx) => {
    await commitTraces(ctx);
    await repo.finishCopy(tx, id, { content, readyAt: ctx.now, availableUntil: copyAvailableUntil(ctx.now) });
  });
}

/** Produces a copy in the background, as the request that asked for it returns; a failure leaves it for the job. */
export function produceLater(deps: SubgraphDeps, id: string): void {
  setImmediate(() => {
    produceCopy(deps, id).catch((error: Error) =>
      logger.warn({ copy: id, err: error.message }, 'record copy not produced yet: the registry job retries it'),
    );
  });
}

/** The registry job's part: the copies still pending (a process stopped while producing), and those expired. */
export async function copiesDue(deps: SubgraphDeps): Promise<{ produced: number; expired: number }> {
  const pending = await repo.pendingCopyIds(deps.store);
  for (const id of pending)
    await produceCopy(deps, id).catch((error: Error) =>
      logger.warn({ copy: id, err: error.message }, 'record copy not produced yet'),
    );
  return { produced: pending.length, expired: await repo.deleteExpiredCopies(deps.store, deps.clock.now()) };
}
