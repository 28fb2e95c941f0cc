import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, isCompositeType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { projectPath } from '../../domain/paths';

/** The public graph as clients see it: the checked-in supergraph's API schema (no `@inaccessible` field). */
export function publicSchema(): GraphQLSchema {
  const sdl = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

export interface RootOperation {
  root: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every root field of the public graph, queries then mutations. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  return (['query', 'mutation'] as const).flatMap((root) =>
    Object.values((root === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map(
      (field) => ({ root, field }),
    ),
  );
}

/** A document asking one root field with each of its arguments as a variable of the same name. */
export function operationDocument({ root, field }: RootOperation): string {
  const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '';
  return `${root} ${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection} }`;
}
