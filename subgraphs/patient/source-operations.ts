import { readFileSync } from 'node:fs';
import { Kind, parse, print, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { SOURCE_NAMES, type SourceName } from '../../domain/sources';
import type { AccessGrant } from '../../policy/grant';
import type { SubgraphContext } from '../kit/context';
import { callPeer } from '../kit/peer-call';
import { signGrant } from '../kit/registry-tokens';

/** An operation the registry sends one source about one patient, named `<source>_<list>` in its file. */
export interface SourceOperation {
  source: SourceName;
  list: string;
  /** The operation with the fragments it spreads, as sent. */
  text: string;
  paged: boolean;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

/** The operations of a file (schema/*.graphql), each with the fragments it spreads, transitively. */
export function loadSourceOperations(path: string): SourceOperation[] {
  const document = parse(readFileSync(path, 'utf8'));
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const bySource = new Map(SOURCE_NAMES.map((s) => [camel(s), s]));
  return document.definitions
    .filter((d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      const [prefix, list] = (op.name?.value ?? '').split('_');
      const source = bySource.get(prefix);
      if (!source || !list) throw new Error(`${path}: ${op.name?.value}: name it <source>_<list>`);
      // With the fragments it spreads, and those they spread in turn.
      const parts = [print(op)];
      for (let grew = true; grew;) {
        grew = false;
        for (const fragment of fragments) {
          const text = print(fragment);
          if (!parts.includes(text) && parts.some((part) => part.includes(`...${fragment.name.value}\n`))) {
            parts.push(text);
            grew = true;
          }
        }
      }
      return {
        source,
        list,
        text: parts.join('\n'),
        paged: op.variableDefinitions?.some((v) => v.variable.name.value === 'after') ?? false,
      };
    });
}

/** One page of a source's list, as the operations of schema/*.graphql select it. */
export type Page = {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  nodes: unknown[];
  totalCount?: number;
};

/** Where the list sits in an entity's answer: on the Patient, or under its personal space. */
function listOf(entity: Record<string, any> | null | undefined): Page | Record<string, unknown> | null {
  if (!entity) return null;
  if (entity.list) return entity.list as Page;
  if (entity.personalSpace) return (entity.personalSpace.list as Page | undefined) ?? entity.personalSpace;
  return null;
}

/**
 * Asks one source about one patient under the requester's grant, signed afresh for this call (the source then
 * applies every rule of its own and traces the read to the requester): what the operation names `list`.
 */
export async function askSource(
  ctx: SubgraphContext,
  operation: SourceOperation,
  ins: string,
  grant: AccessGrant,
  variables: Record<string, unknown>,
): Promise<any> {
  const representations = [
    { __typename: 'Patient', ins, accessGrant: await signGrant(ctx.deps.grantKeys.sign!, grant) },
  ];
  const data = await callPeer<{ _entities: Record<string, any>[] }>(ctx, operation.source, operation.text, {
    representations,
    ...variables,
  });
  return listOf(data._entities[0]);
}
