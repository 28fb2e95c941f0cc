import { readFileSync } from 'node:fs';
import { projectPath } from '../domain/paths';
import { DOCUMENT_TYPES, type TypeCode } from '../domain/codes';

/** The types heirs read (policy/heir-access.json), checked against JDV_J07 when loaded. */
export const HEIR_TYPE_CODES: readonly TypeCode[] = (() => {
  const path = projectPath('policy', 'heir-access.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { typeCodes?: string[] };
  if (!Array.isArray(data.typeCodes) || data.typeCodes.length === 0)
    throw new Error(`${path}: typeCodes must list JDV_J07 types`);
  for (const code of data.typeCodes)
    if (!DOCUMENT_TYPES.has(code as TypeCode)) throw new Error(`${path}: ${code} is not a JDV_J07 type`);
  return data.typeCodes as TypeCode[];
})();
