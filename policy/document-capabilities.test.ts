import { documentCapabilities, type DocumentCapabilities } from './document-capabilities';
import type { AccessGrant } from './grant';

/** The flags a front end shows, as a table: each reader, each kind of document. */
const grant = (over: Partial<AccessGrant>): AccessGrant => ({
  ins: '284077511612365' as AccessGrant['ins'],
  actorId: 'patient:284077511612365',
  mode: 'patient',
  matrixProfession: null,
  hiddenLabels: [],
  maskedVisible: true,
  authorId: null,
  rule: 'patient.self',
  ...over,
});
const doc = (over: Partial<Parameters<typeof documentCapabilities>[1]> = {}) => ({
  id: 'h-1',
  source: 'hospital' as const,
  authorKind: 'PROFESSIONAL',
  visibility: [] as string[],
  ...over,
});
const flags = (on: (keyof DocumentCapabilities)[]): DocumentCapabilities => ({
  canMask: on.includes('canMask'),
  canUnmask: on.includes('canUnmask'),
  canKeepSecret: on.includes('canKeepSecret'),
  canShareSecret: on.includes('canShareSecret'),
  canDelete: on.includes('canDelete'),
  canRequestDeletion: on.includes('canRequestDeletion'),
});

describe('document capabilities (policy/document-capabilities.ts)', () => {
  it.each<[string, Partial<AccessGrant>, ReturnType<typeof doc>, (keyof DocumentCapabilities)[]]>([
    ["an adult patient, a professional's report", {}, doc(), ['canMask', 'canRequestDeletion']],
    ['an adult patient, a masked report', {}, doc({ visibility: ['MASQUE_PS'] }), ['canUnmask', 'canRequestDeletion']],
    [
      'an adult patient, their own personal document',
      {},
      doc({ source: 'personal-space', authorKind: 'PATIENT' }),
      ['canMask', 'canDelete'],
    ],
    ['a minor, a report', { patientIsMinor: true }, doc(), ['canMask', 'canKeepSecret', 'canRequestDeletion']],
    [
      'a minor, a report they keep secret',
      { patientIsMinor: true, secretDocumentIds: ['h-1'] },
      doc({ visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] }),
      ['canMask', 'canShareSecret', 'canRequestDeletion'],
    ],
    [
      "a minor, a report its author labelled secret: not the minor's to lift",
      { patientIsMinor: true },
      doc({ visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] }),
      ['canMask', 'canRequestDeletion'],
    ],
    [
      "a parent, the minor's report",
      { mode: 'representative', rule: 'representative.legal', patientIsMinor: true },
      doc(),
      ['canMask', 'canRequestDeletion'],
    ],
    [
      'the médecin traitant',
      { mode: 'normal', rule: 'professional.medecin-traitant' },
      doc({ source: 'personal-space', authorKind: 'PATIENT' }),
      [],
    ],
    ['a regulator', { mode: 'centre_15', rule: 'regulator.centre-15' }, doc(), []],
    ['an heir', { mode: 'heir', rule: 'heir.limited' }, doc(), []],
  ])('%s', (_case, over, document, on) => {
    expect(documentCapabilities(grant(over), document)).toEqual(flags(on));
  });
});
