import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import type { SubgraphContext } from '../context';
import { forbidden } from '../../../runtime/errors';
import {
  assertEveryFieldRuled,
  fieldAdmits,
  loadFieldRules,
  type FieldRule,
  type FieldRules,
  type FieldRoleName,
} from '../../../policy/field-rules';
import type { AccessGrant } from '../../../policy/grant';
import { grantOf } from './grant-carrier';
import type { HabilitationMatrix } from '../../../policy/matrix';
import { registryGrant } from './registry-grant';
import { recordAccess } from '../../../audit/trace-recorder';

/**
 * Applies the field policy of policy/field-rules.json to a subgraph's schema with graphql-shield. Only fields
 * with a rule are wrapped ('inherit' fields cost nothing); the build-time check that every field is classified
 * is what makes the default a denial. Rules return coded errors, never throw: a throwing rule would read as
 * "Not Authorised!" and hide an outage as a denial.
 */
export function applyFieldPolicy(
  schema: GraphQLSchema,
  subgraph: string,
  matrix: HabilitationMatrix,
  rules: FieldRules = loadFieldRules(),
): GraphQLSchema {
  assertEveryFieldRuled(schema, rules, subgraph);
  // Every node of a list shares its grant: decide once per grant and rule, not once per node.
  const decided = new WeakMap<object, Map<string, boolean>>();
  const admits = (fieldRule: Exclude<FieldRule, 'inherit'>, ctx: SubgraphContext, grant: AccessGrant | null) => {
    if (!grant) return fieldAdmits(fieldRule, rules, matrix, ctx.actor, null);
    const key = typeof fieldRule === 'object' ? `carriedBy:${fieldRule.carriedBy}` : fieldRule;
    let forGrant = decided.get(grant);
    if (!forGrant) decided.set(grant, (forGrant = new Map()));
    let allowed = forGrant.get(key);
    if (allowed === undefined) forGrant.set(key, (allowed = fieldAdmits(fieldRule, rules, matrix, ctx.actor, grant)));
    return allowed;
  };
  const tree: Record<string, Record<string, IRule>> = {};
  for (const [path, fieldRule] of Object.entries(rules.fields)) {
    if (fieldRule === 'inherit') continue;
    const [typeName, fieldName] = path.split('.');
    const type = schema.getType(typeName);
    if (!type || !('getFields' in type) || !(fieldName in type.getFields())) continue;
    const name = (typeof fieldRule === 'object' ? `carriedBy:${fieldRule.carriedBy}` : fieldRule) as FieldRoleName;
    // A role that needs the registry's grant asks it for the patient; any other reads the grant its parent carries.
    const asksRegistry = typeof fieldRule === 'string' && rules.roles[fieldRule].grant === true;
    // no_cache: shield's contextual cache once leaked one patient's field into another's object.
    const entryPoint = typeName === 'Query' || typeName === 'Mutation';
    (tree[typeName] ??= {})[fieldName] = rule(`${path}:${name}`, { cache: 'no_cache' })(
      async (parent, args, ctx: SubgraphContext) => {
        let grant: AccessGrant | null = null;
        try {
          grant = asksRegistry ? await registryGrant(ctx, parent) : grantOf(parent);
          if (admits(fieldRule, ctx, grant)) return true;
        } catch {
          // A failing rule is a refusal, traced like one.
        }
        // Refusals are traced too (docs/law.md §4: forbidden organisations' attempts included).
        const ins =
          typeof args?.ins === 'string'
            ? args.ins
            : (grant?.ins ?? (typeof parent?.ins === 'string' ? parent.ins : null));
        recordAccess(ctx, {
          patientIns: ins,
          action: typeName === 'Mutation' ? fieldName : 'read',
          touched: [path],
          outcome: 'denied',
          rule: name,
          mode: grant?.mode,
        });
        return forbidden(asksRegistry || entryPoint ? 'No access to this record' : 'Your role may not read this field');
      },
    );
  }
  // shield wraps every field of the schema with its fallback rule, even `allow`: that costs 2–17× on long
  // lists (stack.md). Keep its rule semantics but apply its middleware to the ruled fields only.
  const generated = shield(tree as IRules, { fallbackRule: allow, allowExternalErrors: true, debug: false }).generate(
    schema,
  ) as Record<string, Record<string, unknown>>;
  const ruledOnly = Object.fromEntries(
    Object.entries(tree).map(([typeName, fields]) => [
      typeName,
      Object.fromEntries(Object.keys(fields).map((field) => [field, generated[typeName][field]])),
    ]),
  );
  return applyMiddleware(schema, ruledOnly as never);
}
