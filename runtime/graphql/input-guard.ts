import { Kind, visit, type DocumentNode, type GraphQLError } from 'graphql';
import { codedError } from '../errors';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Refuses, before anything is planned or run, what no resolver should ever see:
 * - a document whose operation cannot be chosen (several operations and no `operationName`, or a name that
 *   is not there), and a subscription (the graph serves none): BAD_REQUEST, HTTP 400;
 * - text that is not text: a NUL (PostgreSQL refuses it in any text value, which used to surface as an
 *   internal error) or a lone UTF-16 surrogate (it would be stored as U+FFFD, changing what was sent), in a
 *   variable at any depth or a string literal of the document: BAD_USER_INPUT naming where, HTTP 400.
 */
export function inputGuardPlugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            throw requestError(
              'BAD_REQUEST',
              request.operationName
                ? `operationName: the document has no operation named ${JSON.stringify(request.operationName)}`
                : 'operationName: the document has several operations; name the one to run',
            );
          }
          if (operation.operation === 'subscription')
            throw requestError('BAD_REQUEST', 'subscriptions are not served: use a query');
          const where = badTextInVariables(request.variables ?? {}) ?? badTextInDocument(document);
          if (where)
            throw requestError('BAD_USER_INPUT', `${where}: not valid text (a NUL or a lone surrogate)`, where);
        },
      };
    },
  };
}

const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string that is not valid text (`$traits.name`, `$ids[2]`), or null. */
export function badTextInVariables(variables: Record<string, unknown>): string | null {
  const walk = (value: unknown, path: string): string | null => {
    if (typeof value === 'string') return BAD_TEXT.test(value) ? path : null;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const found = walk(value[i], `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const found = walk(inner, `${path}.${key}`) ?? (BAD_TEXT.test(key) ? `${path}.?` : null);
        if (found) return found;
      }
    }
    return null;
  };
  for (const [name, value] of Object.entries(variables)) {
    const found = walk(value, `$${name}`);
    if (found) return found;
  }
  return null;
}

/** The argument holding the first string literal that is not valid text, or null. */
function badTextInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  const argumentNames: string[] = [];
  visit(document, {
    [Kind.ARGUMENT]: {
      enter: (node) => void argumentNames.push(node.name.value),
      leave: () => void argumentNames.pop(),
    },
    [Kind.STRING]: (node) => {
      if (!found && BAD_TEXT.test(node.value)) found = argumentNames.at(-1) ?? 'document';
    },
  });
  return found;
}

function requestError(code: 'BAD_REQUEST' | 'BAD_USER_INPUT', message: string, field?: string): GraphQLError {
  return codedError(code, message, { ...(field ? { field } : {}), http: { status: 400 } });
}
