import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse, type OperationDefinitionNode } from 'graphql';
import { projectPath } from '../../domain/paths';
import type { ManifestOperation } from '../../gateway/persisted-documents';

/** The reference front ends (examples/): each an HTML page and one TypeScript entry. */
export const EXAMPLE_APPS = ['patient', 'centre-15'] as const;
export type ExampleApp = (typeof EXAMPLE_APPS)[number];

/** What codegen wrote (scripts/examples/codegen.ts): the SHA-256 of each operation's text → that text. */
export const PERSISTED_DOCUMENTS = projectPath('examples', 'gql', 'persisted-documents.json');

/**
 * The apps' operations as Apollo's persisted-query manifest, the format `npm run trust` registers
 * (gateway/persisted-documents.ts checks that each id is the SHA-256 of its body).
 */
export function trustManifest(): { format: string; version: number; operations: Required<ManifestOperation>[] } {
  const documents = JSON.parse(readFileSync(PERSISTED_DOCUMENTS, 'utf8')) as Record<string, string>;
  const operations = Object.entries(documents).map(([id, body]) => {
    const operation = parse(body).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    if (!operation?.name) throw new Error(`persisted document ${id} has no named operation`);
    return { id, name: operation.name.value, type: operation.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/**
 * Bundles both apps into `outDir` (`<app>/index.html`, `<app>/main.js`, `shared/style.css`) and writes the
 * trusted-documents manifest beside them (`manifest.json`). esbuild: well under a second for both.
 */
export async function buildExamples(outDir: string): Promise<void> {
  await build({
    entryPoints: EXAMPLE_APPS.map((app) => projectPath('examples', app, 'main.ts')),
    outbase: projectPath('examples'),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: projectPath('examples', 'tsconfig.json'),
    // @urql/exchange-persisted reads process.env.NODE_ENV for its development warnings.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const app of EXAMPLE_APPS)
    copyFileSync(projectPath('examples', app, 'index.html'), join(outDir, app, 'index.html'));
  mkdirSync(join(outDir, 'shared'), { recursive: true });
  copyFileSync(projectPath('examples', 'shared', 'style.css'), join(outDir, 'shared', 'style.css'));
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(trustManifest(), null, 2) + '\n');
}
