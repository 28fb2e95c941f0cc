import 'reflect-metadata';
import { configOrExit } from '../runtime/config';
import { openStore } from '../runtime/store/open-store';
import { localToken } from './local-token';
import { patient } from '../subgraphs/patient/schema';
import { PERSONAS } from './generate/personas';
import { fail, parseArgs } from './cli';
import { embeddedServer, type EmbeddedServer } from './embedded-server';

/** Beside a running `npm start` on the embedded store, the token is minted by that process (the explorer's "Act as"). */
async function tokenFromServer(server: EmbeddedServer, actorId: string): Promise<string> {
  const answer = await fetch(new URL('/explorer/token', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ actorId }),
  }).catch(() => fail(`token: the server at ${server.url} (pid ${server.pid}) does not answer`));
  const body = (await answer.json().catch(() => null)) as { token?: string } | null;
  if (answer.status === 404 && !body?.token)
    fail(
      `no actor ${actorId} in the loaded data (patient:<INS>, ps:<RPPS> or an account id; --list shows the personas)`,
    );
  if (!body?.token) fail(`token: the server at ${server.url} refused (HTTP ${answer.status})`);
  return body.token;
}

/** npm run token -- <actor id> | --list: a bearer token from the embedded issuer, for any actor of the loaded data. */
async function main() {
  const args = parseArgs({ list: 'boolean' });
  if (args.flags.has('list')) {
    for (const [id, kind, description] of PERSONAS) console.log(`${id} ${kind} ${description}`);
    return;
  }
  const [id] = args.positional;
  if (!id) fail('usage: npm run token -- <actor id>   (npm run token -- --list shows the demo personas)');
  const config = configOrExit();
  if (config.auth.jwksUrl)
    fail('AUTH_JWKS_URL is set: tokens come from your identity provider, not from the local issuer');
  const server = embeddedServer(config);
  if (server) return console.log(await tokenFromServer(server, id));
  const store = await openStore(config, patient.name, patient.migrationsDir);
  try {
    const token = await localToken(store, config, id);
    if (!token)
      fail(`no actor ${id} in the loaded data (patient:<INS>, ps:<RPPS> or an account id; --list shows the personas)`);
    console.log(token);
  } finally {
    await store.close();
  }
}

main().catch((error) => fail(`token failed: ${(error as Error).message}`));
