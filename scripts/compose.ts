import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { buildSchema, findBreakingChanges, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { SUBGRAPHS } from '../subgraphs';
import { subgraphSdl } from '../subgraphs/kit/subgraph';
import { projectPath } from '../domain/paths';

export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');
/** The schema clients see: no federation machinery, no `@inaccessible` field (what codegen reads). */
export const API_SCHEMA_PATH = projectPath('schema', 'api.graphql');
/** Where a breaking change of the client schema is announced, with its deprecation period. */
export const SCHEMA_CHANGELOG_PATH = projectPath('schema', 'CHANGELOG.md');

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

/** The client schema of a supergraph, sorted so that a diff of it shows what changed and nothing else. */
export function apiSchemaOf(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return printSchema(lexicographicSortSchema(api)).trimEnd() + '\n';
}

/**
 * The breaking changes from the published client schema to the new one that `schema/CHANGELOG.md` does not
 * announce. Each announced change is a line of the changelog holding its description as graphql-js words it
 * (`findBreakingChanges`), e.g. "Patient.foo was removed.".
 */
export function unannouncedBreakingChanges(published: string, next: string, changelog: string): string[] {
  let before: ReturnType<typeof buildSchema>;
  try {
    before = buildSchema(published);
  } catch (error) {
    throw new Error(`schema/api.graphql does not parse (${(error as Error).message}): restore it with git`);
  }
  return findBreakingChanges(before, buildSchema(next))
    .map((change) => change.description)
    .filter((description) => !changelog.includes(description));
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  try {
    const sdl = composeSupergraph();
    const api = apiSchemaOf(sdl);
    if (check) {
      const stale = [
        [SUPERGRAPH_PATH, sdl],
        [API_SCHEMA_PATH, api],
      ].filter(([path, text]) => read(path) !== text);
      if (stale.length > 0) {
        for (const [path] of stale) console.error(`${path} is stale: run \`npm run compose\` and commit it`);
        process.exit(1);
      }
      console.log('schema/supergraph.graphql and schema/api.graphql are up to date');
    } else {
      const published = read(API_SCHEMA_PATH);
      const unannounced = published ? unannouncedBreakingChanges(published, api, read(SCHEMA_CHANGELOG_PATH)) : [];
      if (unannounced.length > 0) {
        console.error(
          `the client schema would break clients; announce each change in schema/CHANGELOG.md with its deprecation period, or keep the old field beside the new one:\n${unannounced.map((d) => `- ${d}`).join('\n')}`,
        );
        process.exit(1);
      }
      writeFileSync(SUPERGRAPH_PATH, sdl);
      writeFileSync(API_SCHEMA_PATH, api);
      console.log(`wrote ${SUPERGRAPH_PATH} and ${API_SCHEMA_PATH}`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
