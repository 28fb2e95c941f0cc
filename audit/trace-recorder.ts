import type { ApolloServerPlugin } from '@apollo/server';
import { perRequest, type RequestContext } from '../runtime/context';
import type { Actor } from '../domain/actor';
import type { AccessTrace } from './trace';
import type { AccessGrant } from '../policy/grant';
import type { TraceWriter } from './trace-writer';
import { codedError } from '../runtime/errors';
import type { Rule } from '../policy/rules';
import type { FieldRoleName } from '../policy/field-rules';

export interface TraceEntry {
  patientIns: string | null;
  /** @default 'read' */
  action?: string;
  touched?: string[];
  outcome: 'allowed' | 'denied';
  rule: Rule | FieldRoleName | null;
  /** @default the actor's usual mode */
  mode?: string;
  justification?: string | null;
}

type Draft = Omit<AccessTrace, 'at' | 'requestId' | 'operationName' | 'source'> & { touchedSet: Set<string> };

const drafts = perRequest(() => new Map<string, Draft>());
/** Where this request's traces go, set by the plugin when the request starts: commitTraces needs it. */
const destination = perRequest(() => ({
  source: '',
  writer: null as TraceWriter | null,
  operationName: null as string | null,
}));

/**
 * Binds a context made outside a GraphQL request (a scheduled job) to its trace writer, as the plugin binds a
 * request's: commitTraces then commits what it recorded.
 */
export function traceTo(ctx: RequestContext<unknown>, source: string, writer: TraceWriter): void {
  Object.assign(destination(ctx), { source, writer, operationName: null });
}

/** The mode an access is traced under when no grant says otherwise (a refusal). */
export function defaultMode(actor: Actor): string {
  switch (actor.kind) {
    case 'patient':
      return 'patient';
    case 'representative':
      return 'representative';
    case 'professional':
      return 'normal';
    case 'regulator':
      return 'centre_15';
    default:
      return 'none';
  }
}

/**
 * Notes that this request touched this patient's data (or was refused it). Entries for the same patient,
 * action and outcome merge, so a request leaves one trace per patient per source (per action).
 */
export function recordAccess(ctx: RequestContext<unknown>, entry: TraceEntry): void {
  const action = entry.action ?? 'read';
  const key = `${entry.patientIns}|${action}|${entry.outcome}|${entry.rule}`;
  const map = drafts(ctx);
  let draft = map.get(key);
  if (!draft) {
    const actor = ctx.actor;
    draft = {
      actorId: actor.id,
      actorKind: actor.kind,
      actorProfession: actor.kind === 'professional' ? actor.profession : null,
      actorSpecialty: actor.kind === 'professional' ? actor.specialty : null,
      patientIns: entry.patientIns,
      mode: entry.mode ?? defaultMode(actor),
      action,
      touched: [],
      touchedSet: new Set(),
      outcome: entry.outcome,
      rule: entry.rule,
      justification: entry.justification ?? null,
      vouchedBy: actor.kind === 'professional' ? (actor.vouchedBy?.establishment ?? null) : null,
    };
    map.set(key, draft);
  }
  for (const item of entry.touched ?? []) draft.touchedSet.add(item);
}

/** Adds what a field read under a grant to that patient's allowed read trace (identity, careTeam, document ids…). */
export function touch(ctx: RequestContext<unknown>, grant: AccessGrant, ...touched: string[]): void {
  recordAccess(ctx, {
    patientIns: grant.ins,
    touched,
    outcome: 'allowed',
    rule: grant.rule,
    mode: grant.mode,
    justification: grant.justification ?? null,
  });
}

function takeTraces(ctx: RequestContext<unknown>, source: string, operationName: string | null): AccessTrace[] {
  // The request's instant (the one clock): the access history reads in the same calendar as the rules.
  const at = ctx.now;
  return [...drafts(ctx).values()].map(({ touchedSet, ...draft }) => ({
    ...draft,
    touched: [...touchedSet].sort(),
    at,
    requestId: ctx.requestId,
    operationName,
    source,
  }));
}

/**
 * Commits this request's traces so far, now, instead of when the answer leaves. A write calls it inside its
 * own transaction, before it commits (subgraphs/kit/traced-transaction.ts): if the chain cannot take the
 * trace, the write is rolled back and the writer is told AUDIT_UNAVAILABLE, so nothing stands untraced and
 * a writer told "refused" finds nothing written.
 */
export async function commitTraces(ctx: RequestContext<unknown>): Promise<void> {
  const { source, writer, operationName } = destination(ctx);
  if (!writer) throw new Error('commitTraces outside a traced request');
  const traces = takeTraces(ctx, source, operationName);
  drafts(ctx).clear();
  try {
    await writer.write(traces);
  } catch {
    throw codedError('AUDIT_UNAVAILABLE', 'This write could not be traced, so it was not made');
  }
}

/**
 * The trace middleware every subgraph loads: before a response leaves, this request's traces are committed;
 * if they cannot be, the response carries no data, only AUDIT_UNAVAILABLE (the law prefers no answer to an
 * untraced one).
 */
export function accessTracePlugin(source: string, writer: TraceWriter): ApolloServerPlugin<RequestContext<any>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          if (contextValue?.actor) Object.assign(destination(contextValue), { source, writer, operationName });
        },
        async willSendResponse({ contextValue, response, operationName }) {
          if (!contextValue?.actor) return;
          const traces = takeTraces(contextValue, source, operationName ?? null);
          if (traces.length === 0) return;
          try {
            await writer.write(traces);
          } catch {
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                {
                  message: 'This access could not be traced, so no data was returned',
                  extensions: { code: 'AUDIT_UNAVAILABLE' },
                },
              ];
            }
          }
        },
      };
    },
  };
}
