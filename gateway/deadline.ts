import { Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

/** Sent with each subgraph fetch: what is left of the request's deadline when the fetch starts, in ms. */
export const DEADLINE_HEADER = 'x-dmp-deadline-ms';

/**
 * What is left of a request's deadline at `now` (elapsed time on this process, not the graph's clock);
 * `fallbackMs` for a fetch outside a request's deadline.
 */
export function remainingMs(deadlineAt: number | undefined, fallbackMs: number, now = Date.now()): number {
  return deadlineAt === undefined ? fallbackMs : Math.max(0, deadlineAt - now);
}

/**
 * An analytics aggregate scans a source's events (seconds at a million patients, README "Measured"), while a
 * record read answers in milliseconds: one deadline for both would either fail the aggregates or leave a
 * clinician waiting on a hung source. A query asking only `analytics` gets the analytics deadline.
 */
export function isAnalyticsOnly(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fields = operation.selectionSet.selections;
  return (
    fields.some((s) => s.kind === Kind.FIELD && s.name.value === 'analytics') &&
    fields.every((s) => s.kind === Kind.FIELD && (s.name.value === 'analytics' || s.name.value === '__typename'))
  );
}

export function deadlinePlugin(deadlines: {
  defaultMs: number;
  analyticsMs: number;
}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          // One deadline for the request, however many fetches it chains (the registry's, then the sources').
          const ms = operation && isAnalyticsOnly(operation) ? deadlines.analyticsMs : deadlines.defaultMs;
          contextValue.deadlineAt = Date.now() + ms;
        },
      };
    },
  };
}
