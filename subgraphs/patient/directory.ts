import { PROFESSIONS, SPECIALTIES, type ProfessionCode, type SpecialtyCode } from '../../domain/codes';
import type { Professional } from './patient.type';
import type { ProfessionalRow } from './directory.repo';

/** A professional as every list shows them (directory, care team): codes with their labels (TRE_G15, TRE_R38). */
export function professionalOf(row: ProfessionalRow): Professional {
  return {
    rpps: row.rpps,
    familyName: row.family_name,
    firstName: row.first_name,
    professionCode: row.profession_code,
    professionLabel: PROFESSIONS.get(row.profession_code as ProfessionCode)?.display ?? row.profession_code,
    specialtyCode: row.specialty_code,
    specialtyLabel: row.specialty_code ? (SPECIALTIES.get(row.specialty_code as SpecialtyCode) ?? null) : null,
    establishmentName: row.establishment_name,
    establishment:
      row.establishment_finess && row.establishment_name
        ? { finess: row.establishment_finess, name: row.establishment_name }
        : null,
  };
}
