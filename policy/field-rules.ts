import { readFileSync } from 'node:fs';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { projectPath } from '../domain/paths';
import { ACTOR_KINDS, type Actor } from '../domain/actor';
import { DOCUMENT_TYPES, type TypeCode } from '../domain/codes';
import { grantAllowsType } from './document-filter';
import type { HabilitationMatrix } from './matrix';
import type { AccessGrant } from './grant';
import { isGrantRule } from './rules';

/**
 * Who a role admits: any listed actor kind, grant rule (from decide()) or profession, or, with `grant`, any
 * holder of a grant the registry signed for this patient. A `grant` role's grant is asked of the registry for
 * the patient the field hangs on (a source's field on Patient); every other role reads the grant its parent
 * object carries.
 */
export interface Role {
  description: string;
  actorKinds?: string[];
  grantRules?: string[];
  professions?: string[];
  grant?: boolean;
}
/** A field-policy role, or `carriedBy:<type>`, as a field refusal is traced: names only the loaded rules hold. */
export type FieldRoleName = string & { readonly fieldRole: true };
export type FieldRule = 'inherit' | string | { carriedBy: string };
export interface FieldRules {
  version: string;
  roles: Record<string, Role>;
  fields: Record<string, FieldRule>;
}

export class FieldRulesError extends Error {}

const RULES_PATH = projectPath('policy', 'field-rules.json');

/** Loads the field policy and checks its own consistency (roles named, types real). */
export function loadFieldRules(path = RULES_PATH): FieldRules {
  const rules = JSON.parse(readFileSync(path, 'utf8')) as FieldRules;
  for (const [field, rule] of Object.entries(rules.fields)) {
    if (rule === 'inherit') continue;
    if (typeof rule === 'object') {
      if (!DOCUMENT_TYPES.has(rule.carriedBy as TypeCode))
        throw new FieldRulesError(`${path}: ${field} is carried by ${rule.carriedBy}, not a JDV_J07 type`);
    } else if (!rules.roles[rule]) throw new FieldRulesError(`${path}: ${field} names the unknown role ${rule}`);
  }
  for (const [name, role] of Object.entries(rules.roles)) {
    for (const kind of role.actorKinds ?? [])
      if (!ACTOR_KINDS.includes(kind as Actor['kind']))
        throw new FieldRulesError(`${path}: role ${name} names the unknown actor kind ${kind}`);
    for (const rule of role.grantRules ?? [])
      if (!isGrantRule(rule))
        throw new FieldRulesError(
          `${path}: role ${name} names ${rule}, not a rule decide() allows under (policy/rules.ts)`,
        );
  }
  return rules;
}

/** Every `Type.field` of a schema's object types, federation's own `_Service` aside. */
export function schemaFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && type.name !== '_Service')
    .flatMap((type) =>
      Object.keys((type as import('graphql').GraphQLObjectType).getFields()).map((field) => `${type.name}.${field}`),
    );
}

/** Default deny, checked before a subgraph serves: a field nobody classified is a field nobody guarded. */
export function assertEveryFieldRuled(schema: GraphQLSchema, rules: FieldRules, subgraph: string): void {
  const missing = schemaFields(schema).filter((field) => !(field in rules.fields));
  if (missing.length > 0)
    throw new FieldRulesError(`subgraph ${subgraph}: no rule in policy/field-rules.json for ${missing.join(', ')}`);
}

/** Whether a role admits this actor holding this grant (null: no grant in reach). Pure. */
export function roleAdmits(role: Role, actor: Actor, grant: AccessGrant | null): boolean {
  if (role.actorKinds?.includes(actor.kind)) return true;
  if (!grant) return false;
  if (role.grant) return true;
  if (role.grantRules?.includes(grant.rule)) return true;
  return actor.kind === 'professional' && (role.professions?.includes(actor.profession) ?? false);
}

/** Whether a field rule admits this actor for a record held under `grant`. */
export function fieldAdmits(
  rule: Exclude<FieldRule, 'inherit'>,
  rules: FieldRules,
  matrix: HabilitationMatrix,
  actor: Actor,
  grant: AccessGrant | null,
): boolean {
  if (typeof rule === 'object') return grant !== null && grantAllowsType(grant, matrix, rule.carriedBy as TypeCode);
  return roleAdmits(rules.roles[rule], actor, grant);
}
