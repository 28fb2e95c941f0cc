import { readFileSync } from 'node:fs';
import { projectPath } from './paths';
import { PROFESSIONS, type ProfessionCode } from './codes';

/** The roles a patient gives professionals of their care beside the médecin traitant (domain/care-roles.json). */
export const CARE_ROLES = ['SAGE_FEMME_REFERENTE', 'PHARMACIEN_CORRESPONDANT'] as const;
export type CareRole = (typeof CARE_ROLES)[number];

export interface CareRoleDefinition {
  label: string;
  /** The one TRE_G15 profession that may hold the role. */
  profession: ProfessionCode;
  basis: string;
}

/** Loads the roles and checks the file names exactly these, each with a TRE_G15 profession and its basis. */
export function loadCareRoles(
  path = projectPath('domain', 'care-roles.json'),
): ReadonlyMap<CareRole, CareRoleDefinition> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { roles: Record<string, CareRoleDefinition> };
  const named = Object.keys(data.roles ?? {});
  if (named.length !== CARE_ROLES.length || !CARE_ROLES.every((role) => named.includes(role)))
    throw new Error(`${path}: must name exactly the roles ${CARE_ROLES.join(', ')}`);
  return new Map(
    CARE_ROLES.map((role) => {
      const definition = data.roles[role];
      if (!PROFESSIONS.has(definition.profession)) throw new Error(`${path}: ${role}: not a TRE_G15 profession`);
      if (!definition.label || !definition.basis) throw new Error(`${path}: ${role}: needs a label and its basis`);
      return [role, definition] as const;
    }),
  );
}

export const CARE_ROLE_DEFINITIONS = loadCareRoles();
