import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from './paths';
import { parseCsv } from './csv';

export type Departement = string & { readonly __brand: 'Departement' };
export type RegionCode = string & { readonly __brand: 'RegionCode' };

/** The 101 départements and their regions (INSEE, domain/codes/departements.csv). */
export const DEPARTEMENTS: ReadonlyMap<Departement, { region: RegionCode; regionName: string }> = new Map(
  parseCsv(readFileSync(join(projectPath('domain', 'codes'), 'departements.csv'), 'utf8')).map((row) => [
    row.departement as Departement,
    { region: row.region as RegionCode, regionName: row.region_name },
  ]),
);
export const REGIONS: ReadonlySet<RegionCode> = new Set([...DEPARTEMENTS.values()].map((d) => d.region));

/** The département of an INSEE commune code (97x overseas), or null for a birth abroad (99…). */
export function departementOf(communeCode: string): Departement | null {
  if (communeCode.startsWith('99')) return null;
  const code = (communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2)) as Departement;
  return DEPARTEMENTS.has(code) ? code : null;
}

/**
 * Where a patient lives when the data does not say: the registry holds no address, so generated and
 * scenario data default to the birth département, or, for a birth abroad, one drawn from the INS.
 */
export function defaultResidence(ins: string, birthplaceCode: string): Departement {
  const born = departementOf(birthplaceCode);
  if (born) return born;
  const all = [...DEPARTEMENTS.keys()];
  return all[createHash('sha256').update(ins).digest().readUInt32BE(0) % all.length];
}

/** Where a patient lives, as aggregates place them: the stated département, else the default; with its region. */
export function residenceOf(
  ins: string,
  stated: string | null,
  birthplaceCode: string,
): { departement: Departement; region: RegionCode } {
  const departement = (stated as Departement | null) ?? defaultResidence(ins, birthplaceCode);
  return { departement, region: DEPARTEMENTS.get(departement)!.region };
}
