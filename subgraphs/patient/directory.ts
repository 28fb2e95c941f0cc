import { PROFESSIONS, SPECIALTIES, type ProfessionCode, type SpecialtyCode } from '../../domain/codes';
import { FORMATS, hasFormat } from '../../domain/formats';
import { badInput } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { Professional } from './patient.type';
import {
  establishmentsByFiness,
  professionalsByRpps,
  type EstablishmentRow,
  type ProfessionalRow,
} from './directory.repo';

/** The professional an argument names, as the directory holds them, or BAD_USER_INPUT naming the argument. */
export async function knownProfessional(tx: SqlExecutor, rpps: string, field = 'rpps'): Promise<ProfessionalRow> {
  if (!hasFormat('rpps', rpps)) throw badInput(field, FORMATS.rpps.rule);
  const [professional] = await professionalsByRpps(tx, [rpps]);
  if (!professional) throw badInput(field, 'no professional with this RPPS');
  return professional;
}

/** The establishment an argument names, as the directory holds it, or BAD_USER_INPUT naming the argument. */
export async function knownEstablishment(tx: SqlExecutor, finess: string, field = 'finess'): Promise<EstablishmentRow> {
  if (!hasFormat('finess', finess)) throw badInput(field, FORMATS.finess.rule);
  const [establishment] = await establishmentsByFiness(tx, [finess]);
  if (!establishment) throw badInput(field, 'no establishment with this FINESS');
  return establishment;
}

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
