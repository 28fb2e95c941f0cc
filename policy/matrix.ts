import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../domain/csv';
import { projectPath } from '../domain/paths';
import { DOCUMENT_TYPES, PROFESSIONS, type ProfessionCode, type TypeCode } from '../domain/codes';

export interface HabilitationMatrix {
  version: string;
  provenance: string;
  /** Types each profession may read; a profession absent from the map reads nothing. */
  readable: ReadonlyMap<ProfessionCode, ReadonlySet<TypeCode>>;
}

export class MatrixError extends Error {}

/**
 * Loads and checks the habilitation matrix: every TRE_G15 profession and every JDV_J07 type stated, each cell
 * 0 or 1. Any defect stops the start-up: a half-read matrix would silently deny or, worse, allow.
 */
export function loadMatrix(dir = projectPath('policy', 'matrix')): HabilitationMatrix {
  const where = (detail: string) => new MatrixError(`habilitation matrix in ${dir}: ${detail}`);
  let meta: { version?: unknown; provenance?: unknown; file?: unknown };
  try {
    meta = JSON.parse(readFileSync(join(dir, 'habilitation-matrix.meta.json'), 'utf8'));
  } catch (error) {
    throw where(`habilitation-matrix.meta.json is missing or not JSON (${(error as Error).message})`);
  }
  if (typeof meta.version !== 'string' || !meta.version) throw where('meta.version must be a non-empty string');
  if (typeof meta.provenance !== 'string' || !meta.provenance)
    throw where('meta.provenance must be a non-empty string');
  const file = typeof meta.file === 'string' ? meta.file : 'habilitation-matrix.csv';
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw where(`${file} cannot be read (${(error as Error).message})`);
  }
  if (rows.length === 0) throw where(`${file} has no rows`);
  const columns = Object.keys(rows[0]).filter((c) => c !== 'type_code');
  for (const code of PROFESSIONS.keys())
    if (!columns.includes(code)) throw where(`no column for profession ${code} (TRE_G15)`);
  for (const column of columns)
    if (!PROFESSIONS.has(column as ProfessionCode)) throw where(`column ${column} is not a TRE_G15 profession`);

  const seen = new Set<string>();
  const readable = new Map<ProfessionCode, Set<TypeCode>>(
    columns.map((c) => [c as ProfessionCode, new Set<TypeCode>()]),
  );
  rows.forEach((row, index) => {
    const line = index + 2;
    if (!DOCUMENT_TYPES.has(row.type_code as TypeCode))
      throw where(`line ${line}: ${row.type_code} is not a JDV_J07 type code`);
    if (seen.has(row.type_code)) throw where(`line ${line}: ${row.type_code} stated twice`);
    seen.add(row.type_code);
    for (const column of columns) {
      const cell = row[column];
      if (cell !== '0' && cell !== '1')
        throw where(`line ${line}, profession ${column}: cell must be 0 or 1, got "${cell}"`);
      if (cell === '1') readable.get(column as ProfessionCode)!.add(row.type_code as TypeCode);
    }
  });
  for (const code of DOCUMENT_TYPES.keys()) if (!seen.has(code)) throw where(`no row for type ${code} (JDV_J07)`);
  return { version: meta.version, provenance: meta.provenance, readable };
}

export function readableTypes(matrix: HabilitationMatrix, profession: ProfessionCode): TypeCode[] {
  return [...(matrix.readable.get(profession) ?? [])];
}
