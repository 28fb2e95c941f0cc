import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { SCALARS } from '../../schema/codegen';

/**
 * GraphQL Code Generator for the reference front ends: the client preset over the client schema, reading the
 * operations each app writes with `graphql(...)`, and a persisted-documents file (hash → text) from which
 * scripts/examples/build.ts makes the trusted-documents manifest `npm run trust` takes. The hash is the
 * SHA-256 of the text codegen prints, which is what the gateway checks (gateway/persisted-documents.ts).
 * examples/gql/ is committed; test/reference-apps.test.ts fails when it is not what this config generates.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['examples/patient/*.ts', 'examples/centre-15/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'examples/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // The bare hex SHA-256, as the APQ protocol's sha256Hash carries it (codegen's 'sha256' adds a prefix).
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashAlgorithm: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
        },
      },
      config: { scalars: SCALARS, strictScalars: true, enumsAsTypes: true, useTypeImports: true },
    },
  },
};
export default config;
