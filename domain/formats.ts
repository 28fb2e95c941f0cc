/**
 * The shapes of the identifiers the DMP exchanges, each written once with the rule a refusal states. The
 * deposits, the registry's controls and the scenario validator all check with these, so a value one accepts
 * the others accept too (test/formats-agree.test.ts).
 */
export interface Format {
  pattern: RegExp;
  rule: string;
}

const format = (pattern: RegExp, rule: string): Format => ({ pattern, rule });

export const FORMATS = {
  /** Répertoire partagé des professionnels de santé. */
  rpps: format(/^\d{11}$/, 'must be 11 digits (RPPS)'),
  /** An establishment's FINESS number (Corsica: 2A, 2B in the second place). */
  finess: format(/^\d[\dAB]\d{7}$/, 'must be a FINESS number (9 characters)'),
  /** A medicine's presentation code: 3400 (France) then 9, as every CIP13 of a medicine starts. */
  cip13: format(/^34009\d{8}$/, 'must be a CIP13 code (13 digits starting 34009)'),
  /** A dispensed product's ATC code, at level 5. */
  atc: format(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'must be a level-5 ATC code such as N02BE01'),
  /** An ATC code or a prefix of one, at any level (aggregate filters). */
  atcPrefix: format(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/, 'must be an ATC code or prefix such as N02B'),
  icd10: format(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'must be an ICD-10 code such as C50.9'),
  ccam: format(/^[A-Z]{4}\d{3}$/, 'must be a CCAM code: 4 letters and 3 digits'),
  ngap: format(/^[A-Z]{1,4}(\s?\d+(\.\d+)?)?$/, 'must be an NGAP letter key, with an optional coefficient'),
  nabm: format(/^\d{4}$/, 'must be an NABM code: 4 digits'),
  /** Liste des produits et prestations remboursables (medical devices): a 7-digit code. */
  lpp: format(/^\d{7}$/, 'must be an LPP code: 7 digits'),
  /** INSEE code of the commune of birth, or 99 + the country's code for a birth abroad. */
  birthplace: format(
    /^(\d{5}|2[AB]\d{3}|99\d{3})$/,
    'must be an INSEE commune code, or 99 + country code for births abroad',
  ),
  /** How an establishment names a member of its staff without a card: no separator of the actor id. */
  staffId: format(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, hyphens or underscores'),
  phone: format(/^\+?[0-9 .-]{6,20}$/, 'must be a phone number (digits, spaces, dots, hyphens, an optional leading +)'),
} as const;

export type FormatName = keyof typeof FORMATS;

export function hasFormat(name: FormatName, value: unknown): value is string {
  return typeof value === 'string' && FORMATS[name].pattern.test(value);
}

/** The format of a care line's act code, by nomenclature. */
export const ACT_CODE_FORMAT = {
  CCAM: 'ccam',
  NGAP: 'ngap',
  NABM: 'nabm',
  CIP13: 'cip13',
  LPP: 'lpp',
} as const satisfies Record<string, FormatName>;

/** The files a professional's or an establishment's deposit may carry: PDF, HL7 CDA R2, text. */
export const CLINICAL_MIME_TYPES = ['application/pdf', 'application/hl7-cda+xml', 'text/plain'] as const;
/**
 * What the patient's side adds from a phone (issue 18): a photo or a scan (JPEG, PNG, TIFF) and a letter in
 * RTF. Only the personal space keeps them (its migration 008 admits them); the other sources' files stay clinical.
 */
export const PHONE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/tiff', 'application/rtf'] as const;
/** Every file a document may carry (a deposit's content, an upload, a fixture's personal document). */
export const DOCUMENT_MIME_TYPES = [...CLINICAL_MIME_TYPES, ...PHONE_MIME_TYPES] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];
