import { GraphQLError } from 'graphql';

/** Stable codes a client may branch on; messages are for humans and never carry internals. */
export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR' | 'SERVICE_UNAVAILABLE';

/**
 * A field error with a stable code. It sets no HTTP status: a field error belongs in a 200 response beside
 * the data that was allowed (a subgraph answering 4xx would make the gateway drop the whole fetch).
 */
export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return withoutStack(() => new GraphQLError(message, { extensions: { code, ...extra } }));
}

/**
 * A coded error is an expected answer (a denial, a bad argument), not a fault: capturing a stack for each
 * of the dozens a list can carry was the largest single cost of the field policy in bench/policy-overhead.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Refuses the whole request with HTTP 401, from a context function. */
export const unauthenticated = (message = 'A valid bearer token is required') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
export const forbidden = (message = 'Not allowed') => codedError('FORBIDDEN', message);
/** For a value that breaks a rule: names the argument path and the rule. */
export const badInput = (field: string, rule: string) => codedError('BAD_USER_INPUT', `${field}: ${rule}`, { field });
