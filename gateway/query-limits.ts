import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isListType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../runtime/graphql/connection';

/** Limits checked before anything executes or reaches a subgraph. Messages never state the numbers. */
export interface QueryLimits {
  /** @default 12 */
  maxDepth: number;
  /** Aliases, __typename ones included (they otherwise escape the count). @default 10 */
  maxAliases: number;
  /** @default 10 */
  maxDirectives: number;
  /** Lexical tokens of the document. @default 2000 */
  maxTokens: number;
  /**
   * Fields weighted by the list sizes above them (`first`, else the default page size). Calibrated on the
   * product's own queries: the heaviest, a pharmacien's five full pages of 100 with their fields
   * (bench/policy-overhead.ts), costs 4,153; an emergency summary 261. @default 10000
   */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 10,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 10_000,
};

const rejected = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_LIMIT_EXCEEDED' } });

/**
 * Apollo wraps every validation error in its own, whose code (GRAPHQL_VALIDATION_FAILED) overwrites the rule's;
 * the rule's error stays as `originalError`. A limit's refusal is given back its own code.
 */
export function isQueryLimitRefusal(error: unknown): boolean {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  return original instanceof GraphQLError && original.extensions?.code === 'QUERY_LIMIT_EXCEEDED';
}

/** How many items a list field may return: its `first` literal, the maximum for a variable, else the default. */
function listSize(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (!first) return DEFAULT_PAGE_SIZE;
  if (first.value.kind === Kind.INT) return Math.max(1, Math.min(MAX_PAGE_SIZE, Number(first.value.value)));
  return MAX_PAGE_SIZE;
}

/**
 * The cost of a document: each field costs 1 times the sizes of the lists it sits in, so asking for 100 items
 * of 100 items is costed as 10,000 fields, whatever the depth.
 */
export function documentCost(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLOutputType | null,
  multiplier: number,
  seen: Set<string> = new Set(),
): number {
  let cost = 0;
  const named = parentType ? getNamedType(parentType) : null;
  const fields =
    named && 'getFields' in named
      ? (named as { getFields: () => Record<string, { type: GraphQLOutputType }> }).getFields()
      : {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += multiplier;
      if (!selection.selectionSet) continue;
      const fieldType = fields[selection.name.value]?.type ?? null;
      const connection = fieldType !== null && getNamedType(fieldType).name.endsWith('Connection');
      const list = fieldType !== null && isListType(getNullableType(fieldType));
      // A connection's size is its `first`; its edges and nodes lists then hold that many.
      const inner = connection
        ? multiplier * listSize(selection)
        : list && !isInsideConnection(parentType)
          ? multiplier * DEFAULT_PAGE_SIZE
          : multiplier;
      cost += documentCost(context, selection.selectionSet, fieldType, inner, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? (context.getSchema().getType(selection.typeCondition.name.value) as GraphQLOutputType)
        : parentType;
      cost += documentCost(context, selection.selectionSet, type, multiplier, seen);
    } else {
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(selection.name.value);
      // A fragment spread inside itself is refused by graphql's own rules; never loop here.
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value) as GraphQLOutputType;
      cost += documentCost(context, fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
    }
  }
  return cost;
}

function isInsideConnection(type: GraphQLOutputType | null): boolean {
  return type !== null && getNamedType(type).name.endsWith('Connection');
}

export function costLimitRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const root =
        node.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType();
      if (documentCost(context, node.selectionSet, root ?? null, 1) > maxCost)
        context.reportError(rejected('Query is too costly: ask for fewer items or fewer fields'));
    },
  });
}

/** Counts tokens without parsing the document, so a flood of tokens is refused before graphql builds anything. */
export function tooManyTokens(query: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++count > maxTokens) return true;
    }
  } catch {
    // A lexing error is for the parser to report as a syntax error.
  }
  return false;
}

/** Armor reports its refusals as "Syntax Error: …", which they are not: the client reads the plain message. */
function plainMessages(rule: ValidationRule): ValidationRule {
  return (context) =>
    rule(
      new Proxy(context, {
        get(target, property) {
          if (property === 'reportError') {
            return (error: GraphQLError) => target.reportError(rejected(error.message.replace(/^Syntax Error: /, '')));
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    );
}

/** The schema's own entry points: a document asking only these reads no data. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
/** Fields of the introspection types that list other types' members: nested, they multiply. */
const MEMBER_LISTS = new Set(['fields', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'args']);
/** Deep enough for the standard introspection query (its type references nest nine `ofType`). */
const INTROSPECTION_MAX_DEPTH = 16;

/** A document that asks only for the schema: every operation selects only `__schema` or `__type` at its root. */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every((operation) =>
      operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(selection.name.value),
      ),
    )
  );
}

/**
 * The bound that replaces depth and cost for a schema query: no deeper than the standard query needs, and a
 * list of members (fields, arguments…) never inside another on one path, so that its size is at most the
 * schema's, whatever the document. Aliases and directives stay limited as for any query.
 */
function introspectionShapeRule(): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const walk = (set: SelectionSetNode, depth: number, inMembers: boolean, seen: Set<string>): boolean => {
        if (depth > INTROSPECTION_MAX_DEPTH) return false;
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const members = MEMBER_LISTS.has(selection.name.value);
            // `args` of a field is the one member list the standard query reads inside another.
            if (members && inMembers && selection.name.value !== 'args') return false;
            if (selection.selectionSet && !walk(selection.selectionSet, depth + 1, inMembers || members, seen))
              return false;
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            if (!walk(selection.selectionSet, depth, inMembers, seen)) return false;
          } else {
            const fragment = context.getFragment(selection.name.value);
            if (!fragment || seen.has(fragment.name.value)) continue;
            if (!walk(fragment.selectionSet, depth, inMembers, new Set([...seen, fragment.name.value]))) return false;
          }
        }
        return true;
      };
      if (!walk(node.selectionSet, 1, false, new Set()))
        context.reportError(rejected('Query is too costly: ask for fewer items or fewer fields'));
    },
  });
}

/**
 * Where introspection is on (development: production turns it off), a document that asks only for the schema
 * is held to its own bound instead of depth and cost: the standard introspection query of GraphiQL and codegen
 * is deep and wide, and it reads no data. Every other document is held to the limits as before.
 */
function onlyForData(rule: ValidationRule): ValidationRule {
  return (context) => (isIntrospectionOnly(context.getDocument()) ? {} : rule(context));
}

function onlyForSchemaQueries(rule: ValidationRule): ValidationRule {
  return (context) => (isIntrospectionOnly(context.getDocument()) ? rule(context) : {});
}

/** The Apollo Server options that apply the limits at the gateway. */
export function queryLimitOptions(
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  options: { introspection?: boolean } = {},
) {
  const off = { enabled: false } as const;
  const common = {
    // Ours instead: armor's cost ignores list sizes, and its token limit turns parse errors into HTTP 500.
    costLimit: off,
    maxTokens: off,
    blockFieldSuggestion: off,
  };
  // Depth apart from aliases and directives, so that a schema query can be spared the one and never the others.
  const depth = new ApolloArmor({
    ...common,
    maxAliases: off,
    maxDirectives: off,
    maxDepth: { n: limits.maxDepth, exposeLimits: false, errorMessage: 'Query is too deep' },
  }).protect();
  const breadth = new ApolloArmor({
    ...common,
    maxDepth: off,
    maxAliases: {
      n: limits.maxAliases,
      exposeLimits: false,
      errorMessage: 'Query has too many aliases',
      allowList: [],
    },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false, errorMessage: 'Query has too many directives' },
  }).protect();
  const dataRules = [...depth.validationRules.map(plainMessages), costLimitRule(limits.maxCost)];
  return {
    plugins: [...depth.plugins, ...breadth.plugins],
    validationRules: [
      ...breadth.validationRules.map(plainMessages),
      ...(options.introspection
        ? [...dataRules.map(onlyForData), onlyForSchemaQueries(introspectionShapeRule())]
        : dataRules),
    ],
  };
}
