import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS } from '../subgraphs';
import { subgraphSdl } from '../subgraphs/kit/subgraph';
import { projectPath } from '../domain/paths';

export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');

/** Composes the six subgraphs offline; the checked-in supergraph is this output, byte for byte. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((definition) => ({
      name: definition.name,
      url: `http://127.0.0.1:${definition.port}/graphql`,
      typeDefs: parse(subgraphSdl(definition)),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl.trimEnd() + '\n';
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  try {
    const sdl = composeSupergraph();
    if (check) {
      const current = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
      if (current !== sdl) {
        console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it');
        process.exit(1);
      }
      console.log('schema/supergraph.graphql is up to date');
    } else {
      writeFileSync(SUPERGRAPH_PATH, sdl);
      console.log(`wrote ${SUPERGRAPH_PATH}`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
