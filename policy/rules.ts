/**
 * The rules `decide()` can allow a read under: a closed set. The field policy and the heirs' file name these;
 * a name not listed here stops the start instead of silently denying (a typo in a data file).
 */
export const GRANT_RULES = [
  'patient.self',
  'representative.legal',
  'professional.medecin-traitant',
  'professional.administrator',
  'professional.authorised',
  'professional.bris-de-glace',
  'regulator.centre-15',
  'heir.limited',
] as const;

export type GrantRule = (typeof GRANT_RULES)[number];

export function isGrantRule(name: unknown): name is GrantRule {
  return typeof name === 'string' && (GRANT_RULES as readonly string[]).includes(name);
}
