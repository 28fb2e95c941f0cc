import { Client, CombinedError, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import registered from '../gql/persisted-documents.json';

/** Where the graph answers and as whom: from the page's fragment (`#graphql=…&token=…`), or the form. */
export interface Session {
  graphqlUrl: string;
  token: string;
}

const DEFAULT_GRAPHQL_URL = 'http://localhost:4000/graphql';

/**
 * Reads the session from the fragment, which the browser never sends to a server (nor to the static server's
 * logs), then takes it out of the address bar and the history: a token in a URL is a token leaked.
 */
export function sessionFromFragment(): Partial<Session> & { graphqlUrl: string } {
  const params = new URLSearchParams(location.hash.slice(1));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return { graphqlUrl: params.get('graphql') ?? DEFAULT_GRAPHQL_URL, token: params.get('token') ?? undefined };
}

/**
 * An urql client that sends each operation as the hash codegen gave it (extensions.persistedQuery), never its
 * text: in trusted-documents mode the gateway runs only registered hashes. Against a development gateway
 * without the manifest registered, a PersistedQueryNotFound makes the exchange send the text once (APQ).
 */
export function graphClient(session: Session): Client {
  return new Client({
    url: session.graphqlUrl,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${session.token}` } }),
    exchanges: [
      persistedExchange({
        preferGetForPersistedQueries: false,
        enableForMutation: true,
        generateHash: async (_text, document) => (document as Persisted).__meta__?.hash ?? '',
      }),
      fetchExchange,
    ],
  });
}

type Persisted = { __meta__?: { hash?: string }; loc?: unknown };

/**
 * Gives a generated document the very text its hash was computed over (persisted-documents.json), which urql
 * sends whenever it sends a text (the APQ fallback): its own printing differs, and the gateway would refuse
 * a text whose SHA-256 is not the hash.
 */
function withRegisteredText<D>(document: D): D {
  const persisted = document as Persisted;
  const body = (registered as { [hash: string]: string })[persisted.__meta__?.hash ?? ''];
  if (body === undefined) throw new GraphError('an operation missing from the persisted-documents manifest');
  persisted.loc ??= {
    start: 0,
    end: body.length,
    source: { body, name: 'persisted', locationOffset: { line: 1, column: 1 } },
  };
  return document;
}

/** A refusal or failure as a person reads it: the graph's code, never a stack. */
export class GraphError extends Error {}

const describe = (error: CombinedError): string => {
  const coded = error.graphQLErrors.map((e) => `${String(e.extensions?.code ?? 'ERROR')}: ${e.message}`);
  return coded.length > 0 ? coded.join('; ') : `network: ${error.networkError?.message ?? 'unreachable'}`;
};

/** Runs a query or a mutation; any error, even beside data, is thrown (these apps show nothing half-read). */
export async function run<Data, Variables extends AnyVariables>(
  client: Client,
  kind: 'query' | 'mutation',
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const registeredDocument = withRegisteredText(document);
  const result = await (kind === 'query'
    ? client.query(registeredDocument, variables)
    : client.mutation(registeredDocument, variables));
  if (result.error) throw new GraphError(describe(result.error));
  if (!result.data) throw new GraphError('no data');
  return result.data;
}
