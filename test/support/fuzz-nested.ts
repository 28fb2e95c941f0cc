import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One field on the way from the query root to a nested field: the object type it is read on, and the field. */
export interface RouteStep {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** Set when the field before returns an interface or a union: the step is read under `... on <parent>`. */
  fragment: boolean;
}

/**
 * A way to reach a field that takes arguments below the root: `steps[0]` is the root field, the last step is
 * the field under test (`target`, as `Type.field`). Every argument of every step is a variable.
 */
export interface NestedRoute {
  target: string;
  steps: RouteStep[];
  /** The variable each argument of each step is passed as: `variables[step][argument name]`. */
  variables: Record<string, string>[];
}

/** Beyond any path of the public graph (which has no cycle): only a guard. */
const MAX_LENGTH = 8;

/**
 * Every path of the public graph from a query root field to an object field that takes arguments, below the
 * root, without a type read twice on the way. Derived from the schema: a new field with arguments is found
 * here without a line of the test naming it.
 */
export function nestedRoutes(schema: GraphQLSchema): NestedRoute[] {
  const routes: NestedRoute[] = [];
  const walk = (type: GraphQLNamedType, path: RouteStep[], seen: Set<string>) => {
    if (path.length >= MAX_LENGTH || !isCompositeType(type)) return;
    const objects = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    for (const parent of objects) {
      if (seen.has(parent.name)) continue;
      for (const field of Object.values(parent.getFields())) {
        const steps = [...path, { parent, field, fragment: isAbstractType(type) }];
        if (field.args.length > 0) routes.push(route(`${parent.name}.${field.name}`, steps));
        walk(getNamedType(field.type), steps, new Set([...seen, parent.name]));
      }
    }
  };
  const query = schema.getQueryType();
  for (const field of Object.values(query?.getFields() ?? {}))
    walk(getNamedType(field.type), [{ parent: query!, field, fragment: false }], new Set([query!.name]));
  return routes;
}

function route(target: string, steps: RouteStep[]): NestedRoute {
  const taken = new Set<string>();
  const variables = steps.map(({ field }, index) =>
    Object.fromEntries(
      field.args.map((arg) => {
        // `patient_ins`, `documents_after`: a counterexample reads as the document does.
        let name = `${field.name}_${arg.name}`;
        if (taken.has(name)) name = `${name}_${index}`;
        taken.add(name);
        return [arg.name, name];
      }),
    ),
  );
  return { target, steps, variables };
}

/**
 * What to select under the field under test, `levels` of objects down: at 1, its leaves and those of the
 * objects it holds (a connection's totalCount, edges' cursors, nodes, pageInfo), so that its resolver runs
 * whole (a connection decodes its cursor at once, but runs its SQL only for what is asked); at 0 its leaves;
 * at -1 its `__typename` only. Fields that take arguments are left out (they have routes of their own).
 */
export function selectionOf(type: GraphQLNamedType, levels: number): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || levels < 0) return '{ __typename }';
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.length === 0)
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [field.name];
      return levels > 0 ? [`${field.name} ${selectionOf(named, levels - 1)}`] : [];
    });
  return `{ __typename ${fields.join(' ')} }`;
}

/** The query reaching the route's field, every argument of every step a variable, `selectionOf` under it. */
export function nestedDocument({ steps, variables }: NestedRoute, levels: number): string {
  const declared = steps.flatMap(({ field }, index) =>
    field.args.map((arg: GraphQLArgument) => `$${variables[index][arg.name]}: ${arg.type.toString()}`),
  );
  let body = selectionOf(getNamedType(steps.at(-1)!.field.type), levels);
  for (let index = steps.length - 1; index >= 0; index--) {
    const { parent, field, fragment } = steps[index];
    const passed = field.args.map((arg) => `${arg.name}: $${variables[index][arg.name]}`).join(', ');
    const read = `${field.name}${passed ? `(${passed})` : ''} ${body}`;
    body = index === 0 ? read : `{ ${fragment ? `... on ${parent.name} { ${read} }` : read} }`;
  }
  return `query ${declared.length ? `(${declared.join(', ')})` : ''} { ${body} }`;
}

/**
 * The objects the field under test was read on in an answer (its resolver ran for each): the values at the
 * route's path but its last step, non-null, through every element of the lists on the way.
 */
export function parentsOf(data: unknown, { steps }: NestedRoute): Record<string, unknown>[] {
  let values: unknown[] = [data];
  for (const { field } of steps.slice(0, -1))
    values = values
      .flatMap((value) => (value && typeof value === 'object' ? [(value as Record<string, unknown>)[field.name]] : []))
      .flatMap((value) => (Array.isArray(value) ? value : [value]));
  // Under `... on T`, an object of another type answers without the field's key: the field was not read on it.
  const { name } = steps.at(-1)!.field;
  return values.filter(
    (value): value is Record<string, unknown> => value !== null && typeof value === 'object' && name in value,
  );
}

/** A route as a counterexample names it: `viewer.actingFor.patient.documents` (`(Type)` where a fragment reads). */
export function routeLabel({ steps }: NestedRoute): string {
  return steps.map(({ parent, field, fragment }) => `${fragment ? `(${parent.name})` : ''}${field.name}`).join('.');
}
