import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { projectPath } from '../domain/paths';
import { readBody, type Page } from '../runtime/http-server';

/** A demo persona of the embedded default: its actor id, kind, and who it is. */
export interface Persona {
  id: string;
  kind: string;
  description: string;
}

/**
 * The development explorer: GraphiQL from the package's own dependencies, so it works with no Internet. In the
 * embedded default only, a persona picker asks this server for a local token; it is never served in production
 * nor when a real identity provider is configured (the platform then gives no `personas`).
 */
export interface ExplorerOptions {
  personas?: { list: readonly Persona[]; mint: (actorId: string) => Promise<string | null> };
}

/** The files the page loads, each from an installed package (pinned in package.json). */
const ASSETS: Record<string, { path: string[]; type: string }> = {
  'react.js': { path: ['node_modules', 'react', 'umd', 'react.production.min.js'], type: 'text/javascript' },
  'react-dom.js': {
    path: ['node_modules', 'react-dom', 'umd', 'react-dom.production.min.js'],
    type: 'text/javascript',
  },
  'graphiql.js': { path: ['node_modules', 'graphiql', 'graphiql.min.js'], type: 'text/javascript' },
  'graphiql.css': { path: ['node_modules', 'graphiql', 'graphiql.min.css'], type: 'text/css' },
};

const json = (status: number, body: unknown): Page => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});
const notFound = () => json(404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });

async function readJson(req: IncomingMessage, limit = 4096): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return body === null ? null : JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

/** The routes of the explorer, or null for a path that is not one of them. */
export function explorerRoutes(options: ExplorerOptions) {
  return async (req: IncomingMessage, url: URL): Promise<Page | null> => {
    const method = (req.method ?? 'GET').toUpperCase();
    // A browser opening the graph's URL gets the explorer; clients asking GraphQL still get GraphQL.
    if (url.pathname === '/graphql' && method === 'GET' && !url.searchParams.has('query'))
      return (req.headers.accept ?? '').includes('text/html')
        ? { status: 200, type: 'text/html; charset=utf-8', body: PAGE }
        : null;
    if (url.pathname === '/explorer' && method === 'GET')
      return { status: 200, type: 'text/html; charset=utf-8', body: PAGE };
    if (url.pathname.startsWith('/explorer/assets/') && method === 'GET') {
      const asset = ASSETS[url.pathname.slice('/explorer/assets/'.length)];
      return asset ? { status: 200, type: asset.type, body: await readFile(projectPath(...asset.path)) } : notFound();
    }
    if (url.pathname === '/explorer/personas' && method === 'GET')
      return options.personas ? json(200, { personas: options.personas.list }) : notFound();
    if (url.pathname === '/explorer/token' && method === 'POST') {
      if (!options.personas) return notFound();
      // JSON only: a page of another origin cannot send it without a preflight, which nothing here grants.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return json(400, {
          errors: [{ message: 'Send {"actorId": "…"} as application/json', extensions: { code: 'BAD_REQUEST' } }],
        });
      const body = (await readJson(req)) as { actorId?: unknown } | null;
      const actorId = typeof body?.actorId === 'string' && body.actorId.length <= 128 ? body.actorId : null;
      if (!actorId)
        return json(400, {
          errors: [
            {
              message: 'actorId: an actor id of the loaded data',
              extensions: { code: 'BAD_USER_INPUT', field: 'actorId' },
            },
          ],
        });
      const token = await options.personas.mint(actorId);
      return token
        ? json(200, { token })
        : json(404, {
            errors: [{ message: `No actor ${actorId} in the loaded data`, extensions: { code: 'NOT_FOUND' } }],
          });
    }
    return null;
  };
}

/**
 * GraphiQL over /graphql. With personas, the picker mints a token for the one chosen and GraphiQL sends it as
 * its Authorization header (the schema is fetched again under it); without, paste a token in the headers tab.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DMP graph explorer</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #0b3d91; color: #fff; }
  header h1 { font-size: 1rem; margin: 0; }
  header select { max-width: 40rem; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header>
  <h1>DMP graph explorer</h1>
  <label>Act as <select id="persona"><option value="">(no persona: paste a token in Headers)</option></select></label>
  <span id="status" role="status"></span>
</header>
<div id="graphiql">Loading…</div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script>
(async () => {
  const select = document.getElementById('persona');
  const status = document.getElementById('status');
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const DEFAULT_QUERY = '# Pick a persona above, then run:\\nquery Record {\\n  patient(ins: "284077511612365") {\\n    identity { firstName birthName }\\n    access { mode rule }\\n    hospitalReports(first: 5) { totalCount nodes { title space } }\\n  }\\n}\\n';
  const render = (token) =>
    root.render(React.createElement(GraphiQL, {
      key: token || 'none',
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      headers: token ? JSON.stringify({ authorization: 'Bearer ' + token }, null, 2) : undefined,
    }));
  let personas = [];
  try {
    const answer = await fetch('/explorer/personas');
    if (answer.ok) personas = (await answer.json()).personas;
  } catch {}
  for (const p of personas) {
    const option = document.createElement('option');
    option.value = p.id;
    option.textContent = p.id + ' (' + p.kind + '): ' + p.description;
    select.appendChild(option);
  }
  const choose = async (actorId) => {
    if (!actorId) return render(null);
    status.textContent = 'minting a token…';
    const answer = await fetch('/explorer/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actorId }),
    });
    const body = await answer.json();
    status.textContent = answer.ok ? 'acting as ' + actorId : body.errors[0].message;
    render(answer.ok ? body.token : null);
  };
  select.addEventListener('change', () => choose(select.value));
  if (personas.length > 0) {
    select.value = personas[0].id;
    await choose(personas[0].id);
  } else {
    select.disabled = true;
    render(null);
  }
})();
</script>
</body>
</html>
`;
