import { GraphQLError } from 'graphql';

/**
 * Every code a client may see, closed: what it means and the HTTP status when it refuses the whole request
 * (a field error sits in a 200 beside the data that was allowed). The README's table is tested against this.
 * Messages are for humans and never carry internals.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, meaning: 'no valid bearer token' },
  FORBIDDEN: {
    status: 200,
    meaning: 'the action is refused to this actor (never for a record the actor may not see: that is NOT_FOUND)',
  },
  NOT_FOUND: { status: 200, meaning: 'no such record, or one the actor may not see: the two are indistinguishable' },
  BAD_USER_INPUT: {
    status: 200,
    meaning:
      'an argument breaks a rule; `field` names it, and nothing was changed (400 when a variable is refused before anything runs)',
  },
  BAD_REQUEST: {
    status: 400,
    meaning: 'not a GraphQL request the graph runs (body, size, method; no operation to choose; a subscription)',
  },
  GRAPHQL_PARSE_FAILED: { status: 400, meaning: 'the document does not parse' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, meaning: 'the document does not validate against the schema' },
  QUERY_LIMIT_EXCEEDED: {
    status: 400,
    meaning: 'the document is too deep, too costly, too long, or has too many aliases or directives',
  },
  PERSISTED_QUERY_NOT_FOUND: { status: 200, meaning: 'the hash is not stored yet: send the text with it' },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 200, meaning: 'persisted queries are off' },
  PERSISTED_QUERY_NOT_ALLOWED: { status: 400, meaning: 'only registered operations run (trusted documents)' },
  SERVICE_UNAVAILABLE: {
    status: 200,
    meaning: 'a source did not answer: its part is null, with the path of what is missing; 503 when nothing can run',
  },
  RATE_LIMITED: {
    status: 200,
    meaning: 'too many searches by this actor in this minute; `retryAfter` says in how many seconds the next begins',
  },
  AUDIT_UNAVAILABLE: { status: 200, meaning: 'the access could not be traced, so nothing was returned' },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'a fault; the message never carries internals, the log has them under the request id',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

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
/** For a record that does not exist or that the actor may not see: one answer for both. */
export const notFound = (message = 'No such record') => codedError('NOT_FOUND', message);
/** A store or a source that did not answer: only the fields that needed it fail. */
export const unavailable = (message: string) => codedError('SERVICE_UNAVAILABLE', message);
/** For a value that breaks a rule: names the argument path and the rule. */
export const badInput = (field: string, rule: string) => codedError('BAD_USER_INPUT', `${field}: ${rule}`, { field });
