import { Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

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
