import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from './errors';

/** Codes a client may see with their message; any other error is an internal one. */
const PUBLIC_CODES: ReadonlySet<string> = new Set(
  Object.keys(ERROR_CODES).filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
);

const isPublic = (code: unknown): code is string => typeof code === 'string' && PUBLIC_CODES.has(code);

/** The code the client sees for an error: its own when public, else INTERNAL_SERVER_ERROR (logs and metrics say the same). */
export const clientCode = (code: unknown): string => (isPublic(code) ? code : 'INTERNAL_SERVER_ERROR');

/**
 * Database and driver messages quote the values they choke on ("invalid input syntax…: \"…\"", key details):
 * those may be a patient's identifiers, and logs carry no health data.
 */
export function scrub(text: string): string {
  return text.replace(/"[^"\n]*"/g, '"…"').replace(/\([^()\n]*\)=\([^()\n]*\)/g, '(…)=(…)');
}

/**
 * graphql-js appends "Did you mean …?" to validation and variable-coercion messages, naming fields and enum
 * values of the schema. Apollo's hideSchemaDetailsFromClientErrors removes it from validation only; this
 * removes it from every message.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** Keeps coded errors as they are; anything else leaves as a bare INTERNAL_SERVER_ERROR (runtime/request-log.ts logs the original). */
export function maskError(formatted: GraphQLFormattedError, _original: unknown): GraphQLFormattedError {
  if (isPublic(formatted.extensions?.code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
