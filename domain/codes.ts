import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from './paths';
import { parseCsv } from './csv';
import spacesData from './spaces.json';

/** The code lists shipped in domain/codes (copied from the ANS terminology repository, OIDs in each file). */
const codesDir = projectPath('domain', 'codes');
const read = (file: string) => parseCsv(readFileSync(join(codesDir, file), 'utf8'));

export type TypeCode = string & { readonly __brand: 'TypeCode' };
export type ClassCode = string & { readonly __brand: 'ClassCode' };
export type ProfessionCode = string & { readonly __brand: 'ProfessionCode' };
export type SpecialtyCode = string & { readonly __brand: 'SpecialtyCode' };

export const DMP_SPACES = spacesData.spaces as readonly DmpSpace[];
export type DmpSpace =
  | 'SYNTHESES'
  | 'TRAITEMENTS'
  | 'ANALYSES'
  | 'IMAGERIE'
  | 'COMPTES_RENDUS'
  | 'PREVENTION'
  | 'CERTIFICATS'
  | 'REMBOURSEMENT'
  | 'ESPACE_PERSONNEL';

/** TRE_A07 labels the DMP uses (MASQUE_PSOCIAL and MASQUE_PT carry flag N: not used by the DMP). */
export const VISIBILITY_LABELS = ['MASQUE_PS', 'INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX'] as const;
export type VisibilityLabel = (typeof VISIBILITY_LABELS)[number];

/** TRE_R248. */
export const ACCESS_MODES = ['normal', 'bris_de_glace', 'centre_15'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export interface DocumentType {
  code: TypeCode;
  system: 'LOINC' | 'TRE_A05' | 'TRE_A12';
  display: string;
  /** ASS_X16 mapping; null where the JDV gives none (technical or not-in-DMP types). */
  classCode: ClassCode | null;
}

export const DOCUMENT_TYPES: ReadonlyMap<TypeCode, DocumentType> = new Map(
  read('jdv_j07_xds_typecode_cisis.csv').map((row) => {
    const type: DocumentType = {
      code: row.code as TypeCode,
      system: row.system as DocumentType['system'],
      display: row.display,
      classCode: (row['dmp_classCode(ASS_X16)'] || null) as ClassCode | null,
    };
    return [type.code, type];
  }),
);

export const DOCUMENT_CLASSES: ReadonlyMap<ClassCode, string> = new Map(
  read('tre_a03_classe_document.csv').map((row) => [row.code as ClassCode, row.display]),
);

export interface Profession {
  code: ProfessionCode;
  display: string;
  active: boolean;
}
export const PROFESSIONS: ReadonlyMap<ProfessionCode, Profession> = new Map(
  read('tre_g15_profession_sante.csv').map((row) => [
    row.code as ProfessionCode,
    { code: row.code as ProfessionCode, display: row.display, active: row.status === 'active' },
  ]),
);

export const SPECIALTIES: ReadonlyMap<SpecialtyCode, string> = new Map(
  read('tre_r38_specialite_ordinale.csv').map((row) => [row.code as SpecialtyCode, row.display]),
);

/** The space a document of this type is shown in. */
export function spaceOf(typeCode: TypeCode): DmpSpace {
  const byType = (spacesData.byTypeCode as Record<string, string>)[typeCode];
  if (byType) return byType as DmpSpace;
  const classCode = DOCUMENT_TYPES.get(typeCode)?.classCode;
  const byClass = classCode ? (spacesData.byClassCode as Record<string, string>)[classCode] : undefined;
  return (byClass ?? spacesData.default) as DmpSpace;
}

/** Only types the DMP files under a class can be deposited (ASS_X16 gives the class). */
export function isDepositableType(code: string): code is TypeCode {
  return DOCUMENT_TYPES.get(code as TypeCode)?.classCode != null;
}
