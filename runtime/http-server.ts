import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { timingSafeEqual } from 'node:crypto';
import { metricsRegistry } from './metrics';
import { inServerSpan } from './tracing';
import { applyCors, type CorsPolicy } from './cors';

export interface Refusal {
  status: number;
  message: string;
  code: string;
}
export interface GraphQLParams {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

export interface Readiness {
  ready: boolean;
  dependencies: Record<string, 'ready' | 'unavailable'>;
}

export interface HttpServerOptions<Ctx extends BaseContext> {
  /** Names this server in traces (gateway, or the subgraph's name). */
  service: string;
  /**
   * Builds the request context from the request and its exact body bytes (what a call credential is signed
   * over); throw a GraphQLError with extensions.http.status to refuse (e.g. 401).
   */
  context: (req: IncomingMessage, body: Buffer) => Promise<Ctx>;
  /** Readiness: true when what this process needs answers; with details, each dependency's state. */
  ready?: () => Promise<boolean | Readiness>;
  /** @default 1 MiB */
  maxBodyBytes?: number;
  /**
   * Sees each GraphQL request before Apollo does, as one shape for GET and POST (`query` and `extensions` from
   * the body or the URL): refuses it (too many tokens, not a registered operation) or supplies its text.
   */
  prepare?: (request: GraphQLParams) => Promise<Refusal | { query?: string } | null>;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. @default null (open: keep the port internal) */
  metricsToken?: string | null;
  /**
   * Production: the port says nothing of the service to whoever reaches it. /metrics is served only with the
   * metrics token (not at all without one configured), /readyz names its dependencies only with it; /graphql
   * and a bare liveness and readiness stay. @default false
   */
  production?: boolean;
  /** Pages served beside /graphql (the development explorer): null lets the request through. */
  routes?: (req: IncomingMessage, url: URL) => Promise<Page | null>;
  /** Browser pages of other origins (the gateway only): none unless listed. @default none */
  cors?: CorsPolicy;
  /**
   * Routes that take a raw body of their own size (the uploads of files from a phone): the one place besides
   * /graphql a body is read, each with its limit, so /graphql keeps `maxBodyBytes`. @default none
   */
  bodyRoutes?: readonly BodyRoute<any>[];
}

/** A route under `prefix` that takes one method and a raw body of at most `maxBodyBytes` (413 past it). */
export interface BodyRoute<Admitted = null> {
  prefix: string;
  method: 'PUT' | 'POST';
  maxBodyBytes: number;
  /** Judged on the headers before the body is read (a bearer token): a refusal, or what `handle` receives. */
  admit?: (req: IncomingMessage) => Promise<{ refused: Page } | { admitted: Admitted }>;
  handle: (req: IncomingMessage, url: URL, body: Buffer, admitted: Admitted) => Promise<Page>;
}

const sendPage = (res: ServerResponse, page: Page) => {
  res.writeHead(page.status, { ...page.headers, 'content-type': page.type });
  res.end(page.body);
};

/** An answer a route gives whole: status, content type and body. */
export interface Page {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * Serves an ApolloServer on node:http at /graphql, with /healthz (liveness), /readyz (readiness) and /metrics
 * (Prometheus).
 * Written here rather than taken from a framework so that every byte the process accepts goes through one place.
 */
export function createHttpServer<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>,
  options: HttpServerOptions<Ctx>,
): Server {
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    try {
      if (url.pathname === '/healthz') return send(200, { status: 'ok' });
      const bodyRoute = options.bodyRoutes?.find((route) => url.pathname.startsWith(route.prefix));
      if ((url.pathname === '/graphql' || bodyRoute) && applyCors(options.cors ?? { origins: [] }, req, res)) return;
      if (bodyRoute) {
        if ((req.method ?? '').toUpperCase() !== bodyRoute.method)
          return send(405, {
            errors: [{ message: `This route takes ${bodyRoute.method}`, extensions: { code: 'BAD_REQUEST' } }],
          });
        const admission = bodyRoute.admit ? await bodyRoute.admit(req) : { admitted: null };
        // Refused on its headers, the body is not read: the connection closes after the answer.
        if ('refused' in admission) {
          res.setHeader('connection', 'close');
          return sendPage(res, admission.refused);
        }
        const raw = await readBody(req, bodyRoute.maxBodyBytes);
        if (raw === null)
          return send(413, {
            errors: [
              {
                message: `The body is larger than ${bodyRoute.maxBodyBytes} bytes`,
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          });
        return sendPage(res, await bodyRoute.handle(req, url, raw, admission.admitted));
      }
      const operator = operatorAllowed(req.headers.authorization, options.metricsToken ?? null, options.production);
      if (url.pathname === '/readyz') {
        const answer = options.ready ? await options.ready().catch(() => false) : true;
        const ready = typeof answer === 'boolean' ? answer : answer.ready;
        return send(ready ? 200 : 503, {
          status: ready ? 'ready' : 'not ready',
          ...(typeof answer === 'boolean' || !operator ? {} : { dependencies: answer.dependencies }),
        });
      }
      if (url.pathname === '/metrics' && options.production && !options.metricsToken)
        return send(404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      if (url.pathname === '/metrics') {
        if (!operator)
          return send(401, {
            errors: [{ message: 'Metrics need the metrics token', extensions: { code: 'UNAUTHENTICATED' } }],
          });
        res.writeHead(200, { 'content-type': metricsRegistry.contentType });
        return res.end(await metricsRegistry.metrics());
      }
      const page = options.routes ? await options.routes(req, url) : null;
      if (page) {
        res.writeHead(page.status, { ...page.headers, 'content-type': page.type });
        return res.end(page.body);
      }
      if (url.pathname !== '/graphql')
        return send(404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });

      return await inServerSpan(options.service, req.headers, async (span) => {
        const raw = await readBody(req, maxBody);
        if (raw === null)
          return send(413, { errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        let body: unknown;
        if (raw.length > 0) {
          const type = headers.get('content-type') ?? '';
          if (type.startsWith('application/json')) {
            try {
              body = JSON.parse(raw.toString('utf8'));
            } catch {
              return send(400, {
                errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
              });
            }
          } else {
            body = raw.toString('utf8');
          }
        }
        let search = url.search;
        if (options.prepare) {
          const params = graphqlParams(body, url.searchParams);
          const prepared = params ? await options.prepare(params) : null;
          if (prepared && 'code' in prepared)
            return send(prepared.status, {
              errors: [{ message: prepared.message, extensions: { code: prepared.code } }],
            });
          if (prepared?.query !== undefined) {
            if (body && typeof body === 'object') body = { ...body, query: prepared.query };
            else {
              url.searchParams.set('query', prepared.query);
              search = url.search;
            }
          }
        }
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
          context: () => options.context(req, raw),
        });
        const outHeaders: Record<string, string> = {};
        for (const [key, value] of result.headers) outHeaders[key] = value;
        span.status(result.status ?? 200);
        res.writeHead(result.status ?? 200, outHeaders);
        if (result.body.kind === 'complete') {
          res.end(result.body.string);
        } else {
          for await (const chunk of result.body.asyncIterator) res.write(chunk);
          res.end();
        }
      });
    } catch {
      if (!res.headersSent)
        send(500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });
}

/** `query` and `extensions` of a JSON body, else of the URL; null for what is neither (Apollo answers it). */
function graphqlParams(body: unknown, search: URLSearchParams): GraphQLParams | null {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as GraphQLParams;
  if (body !== undefined) return null;
  let extensions: unknown;
  try {
    extensions = search.has('extensions') ? JSON.parse(search.get('extensions')!) : undefined;
  } catch {
    return null;
  }
  return { query: search.get('query') ?? undefined, extensions: extensions as GraphQLParams['extensions'] };
}

/** Whether this request may see the service's internals: with the metrics token, or anyone outside production without one. */
function operatorAllowed(header: string | undefined, token: string | null, production = false): boolean {
  if (token === null) return !production;
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request's body, or null past `limit` bytes (read to its end, so the answer can still be sent). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Stops accepting connections, lets the requests in flight finish (keep-alive connections are closed as soon
 * as they are idle), and cuts what is left after `graceMs`.
 */
export function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection turns idle when its answer is sent: close it then, not after keepAliveTimeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(deadline);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
