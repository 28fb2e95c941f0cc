import { createHash } from 'node:crypto';
import { documentsOf } from '../../domain/sources';
import { DOCUMENT_TYPES, spaceOf, type TypeCode } from '../../domain/codes';
import { DOCUMENT_COLUMNS } from '../../subgraphs/kit/documents/document-repo';
import type { DocumentSpec, PatientSpec, ScenarioIndex } from './scenario';

/** A stable id for a document stated without one: same patient, source and position, same id. */
export function documentId(prefix: string, ins: string, position: number): string {
  return `${prefix}-${createHash('sha256').update(`${ins}|${prefix}|${position}`).digest('hex').slice(0, 20)}`;
}

export const patientDisplayName = (p: PatientSpec) =>
  `${p.identity.firstName} ${p.identity.usedName ?? p.identity.birthName}`;

/** The shared document columns, in DOCUMENT_COLUMNS order, with the author denormalised as DMP metadata carries it. */
export function documentRow(
  prefix: string,
  patient: PatientSpec,
  doc: DocumentSpec,
  position: number,
  index: ScenarioIndex,
): unknown[] {
  const type = DOCUMENT_TYPES.get(doc.typeCode as TypeCode)!;
  let author: [string, string | null, string | null, string | null, string | null, string | null, string | null];
  if ('rpps' in doc.author) {
    const p = index.professionals.get(doc.author.rpps)!;
    const title = p.profession === '10' || p.profession === '40' ? 'Dr ' : '';
    author = [
      'PROFESSIONAL',
      p.rpps,
      `${title}${p.firstName} ${p.familyName}`,
      p.profession,
      p.specialty ?? null,
      p.establishment?.finess ?? null,
      p.establishment?.name ?? null,
    ];
  } else if (doc.author.kind === 'PATIENT') {
    author = ['PATIENT', patient.ins, patientDisplayName(patient), null, null, null, null];
  } else if (doc.author.kind === 'ALIM_AM') {
    author = ['ALIM_AM', 'ALIM_AM', 'Assurance maladie', null, null, null, null];
  } else {
    author = ['ESTABLISHMENT', doc.author.finess, doc.author.name, null, null, doc.author.finess, doc.author.name];
  }
  const row = [
    doc.id ?? documentId(prefix, patient.ins, position),
    patient.ins,
    doc.typeCode,
    type.classCode,
    spaceOf(doc.typeCode as TypeCode),
    doc.title,
    // MASQUE_PS is the patient's decision and lives in the registry (maskedDocuments below), not on the row.
    ...author,
    doc.effectiveAt,
    doc.depositedAt ?? doc.effectiveAt,
    (doc.visibility ?? []).filter((label) => label !== 'MASQUE_PS'),
  ];
  if (row.length !== DOCUMENT_COLUMNS.length) throw new Error('document row does not match DOCUMENT_COLUMNS');
  return row;
}

/** Where each source's documents sit in a patient spec, with the prefix of their derived ids. */
export const DOCUMENT_SOURCES = [
  { source: 'hospital', prefix: documentsOf('hospital').idPrefix, list: (p: PatientSpec) => p.hospitalReports },
  { source: 'oncology', prefix: documentsOf('oncology').idPrefix, list: (p: PatientSpec) => p.oncologyRecords },
  { source: 'pharmacy', prefix: documentsOf('pharmacy').idPrefix, list: (p: PatientSpec) => p.dispensations },
  { source: 'reimbursement', prefix: documentsOf('reimbursement').idPrefix, list: (p: PatientSpec) => p.careLines },
  {
    source: 'personal-space',
    prefix: documentsOf('personal-space').idPrefix,
    list: (p: PatientSpec) => p.personalSpace?.documents,
  },
] as const;

/** The documents a scenario states as masked, with the ids the sources will give them. */
export function maskedDocuments(patient: PatientSpec): { id: string; source: string }[] {
  return DOCUMENT_SOURCES.flatMap(({ source, prefix, list }) =>
    (list(patient) ?? []).flatMap((doc: DocumentSpec, i: number) =>
      doc.visibility?.includes('MASQUE_PS') ? [{ id: doc.id ?? documentId(prefix, patient.ins, i), source }] : [],
    ),
  );
}
