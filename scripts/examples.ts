import { resolve } from 'node:path';
import { projectPath } from '../domain/paths';
import { DEMO_PATIENT_INS } from './generate/personas';
import { buildExamples, EXAMPLE_APPS } from './examples/build';
import { serveStatic } from './examples/static-server';
import { parseArgs } from './cli';

/**
 * npm run examples -- [--port 5173] [--graphql http://localhost:4000/graphql]: builds the reference front ends
 * (examples/) and serves them on loopback, for a graph that `npm start` serves (its CORS allows any localhost
 * port outside production). The token goes in the page's fragment, which the browser never sends anywhere.
 */
async function main() {
  const args = parseArgs({ port: 'string', graphql: 'string' });
  const graphqlUrl = (args.flags.get('graphql') as string | undefined) ?? 'http://localhost:4000/graphql';
  const outDir = projectPath('dist', 'examples-web');
  await buildExamples(outDir);
  const server = await serveStatic(resolve(outDir), args.number('port', 5173), 'localhost');
  const link = (app: (typeof EXAMPLE_APPS)[number], actor: string) =>
    `  echo "${server.url}/${app}/#graphql=${encodeURIComponent(graphqlUrl)}&token=$(npm run -s token -- ${actor})"`;
  console.log(`Reference apps built in ${outDir}, served at ${server.url}/patient/ and ${server.url}/centre-15/.`);
  console.log('Open one with a token in its fragment (or without, and paste one); these print the addresses:');
  console.log(link('patient', `patient:${DEMO_PATIENT_INS}`));
  console.log(link('centre-15', 'samu:75'));
  console.log('With TRUSTED_DOCUMENTS=1, register their operations first:');
  console.log(`  npm run trust -- ${outDir}/manifest.json`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
