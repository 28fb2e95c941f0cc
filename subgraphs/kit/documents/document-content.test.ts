import { bytesAre } from './document-content';
import { DOCUMENT_MIME_TYPES } from '../../../domain/formats';

/** The first bytes of a minimal file of each type, and of what is not one. */
const hex = (h: string) => Buffer.from(h.replace(/ /g, ''), 'hex');
const text = (t: string) => Buffer.from(t, 'utf8');
const FILES = {
  pdf: text('%PDF-1.7\n%%EOF\n'),
  cda: text('<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"></ClinicalDocument>'),
  cdaPrefixed: text('<!-- a comment --><hl7:ClinicalDocument xmlns:hl7="urn:hl7-org:v3"/>'),
  xmlOther: text('<?xml version="1.0"?><html></html>'),
  text: text('Tension 12/8, le 3 mars. Très bien.'),
  textWithNul: Buffer.concat([text('abc'), hex('00'), text('def')]),
  notUtf8: hex('c3 28'),
  jpeg: hex('ff d8 ff e0 00 10 4a 46 49 46 00'),
  jpegShort: hex('ff d8'),
  png: hex('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52'),
  pngBroken: hex('89 50 4e 47 0d 0a 1a 00'),
  tiffLittle: hex('49 49 2a 00 08 00 00 00'),
  tiffBig: hex('4d 4d 00 2a 00 00 00 08'),
  tiffMixed: hex('49 49 00 2a'),
  rtf: text('{\\rtf1\\ansi Bonjour}'),
  rtfLike: text('{rtf1}'),
};
type Name = keyof typeof FILES;

/** For each type, the files that are of it; every other file of the table is not. */
const OF_TYPE: Record<(typeof DOCUMENT_MIME_TYPES)[number], Name[]> = {
  'application/pdf': ['pdf'],
  'application/hl7-cda+xml': ['cda', 'cdaPrefixed'],
  // Text is any UTF-8 without NUL: the PDF, the XML and the RTF heads above are text too.
  'text/plain': ['pdf', 'cda', 'cdaPrefixed', 'xmlOther', 'text', 'rtf', 'rtfLike'],
  'image/jpeg': ['jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tiffLittle', 'tiffBig'],
  'application/rtf': ['rtf'],
};

describe('the bytes of a file against its declared type (magic numbers)', () => {
  const rows = DOCUMENT_MIME_TYPES.flatMap((type) =>
    (Object.keys(FILES) as Name[]).map((name) => [type, name, OF_TYPE[type].includes(name)] as const),
  );
  it.each(rows)('%s, %s: %s', (type, name, expected) => {
    expect(bytesAre(type, FILES[name])).toBe(expected);
  });

  it.each(['image/gif', 'application/octet-stream', 'text/html', ''])('%j is no type the graph knows', (type) => {
    expect(bytesAre(type, FILES.text)).toBe(false);
  });
});
