import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Which web origins may call the graph from a browser (CORS): an allow-list, each entry an exact origin
 * (`https://app.example.fr`) or a host on any port (`http://localhost:*`). Bearer tokens travel in a header,
 * never in cookies, so no credentials are allowed; the answer's request id is exposed to the page.
 */
export interface CorsPolicy {
  origins: readonly string[];
}

/** What a page may send and read. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-request-id'];
const EXPOSED_HEADERS = ['x-request-id'];

/** The default outside production: a front end in development on this machine, on any port. */
export const LOCAL_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'] as const;

/** An allow-list entry as written: an origin, or one whose port is `*`. */
export function isOriginPattern(entry: string): boolean {
  const origin = entry.endsWith(':*') ? entry.slice(0, -2) : entry;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

export function originAllowed(policy: CorsPolicy, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  return policy.origins.some((entry) =>
    entry.endsWith(':*') ? `${url.protocol}//${url.hostname}` === entry.slice(0, -2) : entry === origin,
  );
}

/** The page's own server: a same-origin request carries an Origin too, and needs no allow-list. */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * Applies the policy to a request that names its origin: answers a preflight itself (204, or 403 for an
 * origin not allowed), adds the headers an allowed origin needs, and refuses any other cross-origin request
 * before it runs (403 FORBIDDEN). Returns true when it answered.
 */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || sameOrigin(req, origin)) return false;
  const allowed = originAllowed(policy, origin);
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!allowed) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' });
    res.end(
      JSON.stringify({
        errors: [{ message: 'This origin may not call the graph', extensions: { code: 'FORBIDDEN' } }],
      }),
    );
    return true;
  }
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  if (!preflight) {
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
    return false;
  }
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}
