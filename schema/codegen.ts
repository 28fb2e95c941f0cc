import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator, as a front end points it at this graph: the client schema (schema/api.graphql, never
 * the supergraph, which holds the federation machinery and the internal fields), every scalar a real type.
 * `npx graphql-codegen --config schema/codegen.ts` writes the types; a front end adds its own documents and
 * preset (examples: the client preset with `documents: 'src/**\/*.tsx'`).
 */
export const SCALARS = {
  /** An instant, ISO 8601 with its offset (`2026-12-01T10:00:00.000Z`). */
  DateTime: { input: 'string', output: 'string' },
  /** A calendar day, `YYYY-MM-DD` (a Paris day where the law counts days: docs/time.md). */
  LocalDate: { input: 'string', output: 'string' },
} as const;

const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  generates: {
    'generated/dmp-schema.ts': {
      plugins: ['typescript'],
      config: { scalars: SCALARS, strictScalars: true, enumsAsTypes: true, avoidOptionals: false },
    },
  },
};
export default config;
