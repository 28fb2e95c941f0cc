import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMatrix, MatrixError } from './matrix';
import type { ProfessionCode, TypeCode } from '../domain/codes';

const matrix = loadMatrix();
const can = (profession: string, type: string) =>
  matrix.readable.get(profession as ProfessionCode)?.has(type as TypeCode) ?? false;

describe('habilitation matrix as shipped', () => {
  it.each([
    ['10', 'médecin', '34112-3', true],
    ['10', 'médecin', 'ATTEST-RESID', false],
    ['40', 'chirurgien-dentiste', '83836-7', true],
    ['40', 'chirurgien-dentiste', '68599-0', false],
    ['40', 'chirurgien-dentiste', '80788-3', false],
    ['21', 'pharmacien', '60593-1', true],
    ['21', 'pharmacien', '68599-0', false],
    ['80', 'pédicure-podologue', 'PRESC-PEDI', true],
    ['80', 'pédicure-podologue', '34794-8', false],
    ['80', 'pédicure-podologue', '60568-3', false],
    ['35', 'aide-soignant (deprecated code)', 'SYNTH', false],
  ])('profession %s (%s) reading %s: %s', (profession, _label, type, allowed) => {
    expect(can(profession, type)).toBe(allowed);
  });

  it('carries its version and provenance', () => {
    expect(matrix.version).toMatch(/2023-10-26/);
    expect(matrix.provenance).toContain('arrêté');
  });
});

describe('a malformed matrix stops the start-up with a message naming the defect', () => {
  const broken = (edit: (csv: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
    cpSync(join(__dirname, 'matrix'), dir, { recursive: true });
    const file = join(dir, 'habilitation-matrix.csv');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };
  it.each([
    [
      'a cell that is not 0 or 1',
      (csv: string) => csv.replace(/^(SYNTH,)1/m, '$1yes'),
      /cell must be 0 or 1, got "yes"/,
    ],
    ['a missing type row', (csv: string) => csv.replace(/^SYNTH,.*\n/m, ''), /no row for type SYNTH/],
    ['an unknown type row', (csv: string) => csv.replace(/^SYNTH,/m, 'NOPE,'), /NOPE is not a JDV_J07 type code/],
    [
      'a missing profession column',
      (csv: string) =>
        csv
          .split('\n')
          .map((l) => l.split(',').slice(0, -1).join(','))
          .join('\n'),
      /no column for profession 98/,
    ],
  ])('%s', (_name, edit, message) => {
    expect(() => loadMatrix(broken(edit))).toThrow(MatrixError);
    expect(() => loadMatrix(broken(edit))).toThrow(message);
  });
});
