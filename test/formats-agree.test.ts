import 'reflect-metadata';
import { systemClock } from '../domain/clock';
import { nirKey } from '../domain/ins';
import { loadDepositRules, sourceAcceptsType, type WritableSource } from '../policy/deposit';
import { validateScenario } from '../scripts/scenario/validate';
import { DISPENSATIONS } from '../subgraphs/pharmacy/dispensation.deposit';
import { CARE_LINES } from '../subgraphs/reimbursement/care-line.deposit';
import { DCC_DEPOSITS } from '../subgraphs/oncology/dcc-record.deposit';
import { checkContent } from '../subgraphs/kit/documents/document-content';
import { DOCUMENT_MIME_TYPES, PHONE_MIME_TYPES } from '../domain/formats';

/**
 * The scenario validator and the deposits accept exactly the same identifiers and types: each row is put to
 * both, a fixture for the first and a deposit's own checks for the second, and both answer alike.
 */
const now = systemClock.now();
const nir13 = '2840775116123';
const INS = nir13 + nirKey(nir13);

type Section = 'dispensations' | 'careLines' | 'oncologyRecords';
const BASE: Record<Section, Record<string, unknown>> = {
  dispensations: {
    typeCode: '60593-1',
    author: { rpps: '40000000003' },
    cip13: '3400930000120',
    atc: 'N02BE01',
    productName: 'Paracétamol',
    productCategory: 'STANDARD',
    quantity: 1,
    prescribed: true,
  },
  careLines: {
    typeCode: 'REMB',
    author: { kind: 'ALIM_AM' },
    actSystem: 'NGAP',
    actCode: 'G',
    actLabel: 'Consultation',
    amountCents: 3000,
    reimbursedCents: 2100,
  },
  oncologyRecords: { typeCode: '34794-8', author: { rpps: '40000000001' }, tumourSiteCode: 'C50.9' },
};
const SPECS = { dispensations: DISPENSATIONS, careLines: CARE_LINES, oncologyRecords: DCC_DEPOSITS };

/** A scenario of one patient with this part of their file, and the two professionals the parts name. */
function fixtureWith(part: Record<string, unknown>): unknown {
  return {
    version: 1,
    professionals: [
      { rpps: '40000000001', familyName: 'Médecin', firstName: 'A', profession: '10', specialty: 'SM54' },
      { rpps: '40000000003', familyName: 'Pharma', firstName: 'B', profession: '21' },
    ],
    patients: [
      {
        ins: INS,
        identity: { birthName: 'Test', firstName: 'Anne', sex: 'F', birthDate: '1984-07-15', birthplaceCode: '75116' },
        ...part,
      },
    ],
  };
}

function fixtureRefuses(section: Section, fields: Record<string, unknown>, field: string): boolean {
  const doc = { id: 'doc-1', title: 'T', effectiveAt: 'now-1d', ...BASE[section], ...fields };
  const problems = validateScenario(fixtureWith({ [section]: [doc] }), now);
  return problems.some((p) => p.path === `patients[0].${section}[0].${field}`);
}

function depositRefuses(section: Section, fields: Record<string, unknown>, field: string): boolean {
  try {
    SPECS[section].columns(
      { ...BASE[section], boxes: fields.actSystem === 'CIP13' ? 1 : null, ...fields } as never,
      now,
    );
    return false;
  } catch (error) {
    return (error as { extensions?: { field?: string } }).extensions?.field === `input.${field}`;
  }
}

describe('the scenario validator and the deposits agree on every identifier', () => {
  it.each<[Section, string, Record<string, unknown>, boolean]>([
    ['dispensations', 'cip13', { cip13: '3400930000120' }, true],
    ['dispensations', 'cip13', { cip13: '3400130000120' }, false],
    ['dispensations', 'cip13', { cip13: '340093000012' }, false],
    ['dispensations', 'atc', { atc: 'N02BE01' }, true],
    ['dispensations', 'atc', { atc: 'N02B' }, false],
    ['dispensations', 'atc', { atc: 'n02be01' }, false],
    ['careLines', 'actCode', { actSystem: 'CCAM', actCode: 'YYYY010' }, true],
    ['careLines', 'actCode', { actSystem: 'CCAM', actCode: 'YYY010' }, false],
    ['careLines', 'actCode', { actSystem: 'CIP13', actCode: '3400930000120' }, true],
    ['careLines', 'actCode', { actSystem: 'CIP13', actCode: '3400130000120' }, false],
    ['careLines', 'actCode', { actSystem: 'NABM', actCode: '1104' }, true],
    ['careLines', 'actCode', { actSystem: 'NABM', actCode: '110' }, false],
    ['careLines', 'actCode', { actSystem: 'NGAP', actCode: 'C 1.5' }, true],
    ['careLines', 'actCode', { actSystem: 'NGAP', actCode: '12' }, false],
    ['oncologyRecords', 'tumourSiteCode', { tumourSiteCode: 'C50.9' }, true],
    ['oncologyRecords', 'tumourSiteCode', { tumourSiteCode: 'C509' }, false],
  ])('%s.%s %j: accepted %s by both', (section, field, fields, accepted) => {
    expect({
      fixture: !fixtureRefuses(section, fields, field),
      deposit: !depositRefuses(section, fields, field),
    }).toEqual({ fixture: accepted, deposit: accepted });
  });

  const RULES = loadDepositRules();
  const SECTIONS: [string, WritableSource][] = [
    ['hospitalReports', 'hospital'],
    ['oncologyRecords', 'oncology'],
    ['dispensations', 'pharmacy'],
    ['careLines', 'reimbursement'],
  ];
  it.each(
    SECTIONS.flatMap(([section, source]) =>
      ['11490-0', '34794-8', '18776-5', 'DISP_AUT', '60593-1', 'REMB'].map((type) => [section, source, type] as const),
    ),
  )('%s takes %s in fixtures exactly when %s takes it in a deposit', (section, source, type) => {
    const author =
      section === 'careLines'
        ? { kind: 'ALIM_AM' }
        : { rpps: section === 'dispensations' ? '40000000003' : '40000000001' };
    const refused = fixtureRefuses(section as Section, { typeCode: type, author }, 'typeCode');
    expect(!refused).toBe(sourceAcceptsType(RULES, source, type));
  });
});

describe('the scenario validator and the deposits agree on the files a document may carry', () => {
  const accepts = {
    fixture: (mimeType: string) =>
      !validateScenario(
        fixtureWith({
          personalSpace: {
            documents: [
              {
                id: 'perso-1',
                typeCode: 'DOCPAT01',
                title: 'T',
                author: { kind: 'PATIENT' },
                effectiveAt: 'now-1d',
                mimeType,
              },
            ],
          },
        }),
        now,
      ).some((p) => p.path.endsWith('.mimeType')),
    /** The personal space's deposit, which takes what a phone sends too. */
    deposit: (mimeType: string) => {
      try {
        checkContent({ mimeType, base64: '' } as never, 'input.content', DOCUMENT_MIME_TYPES);
        return true;
      } catch (error) {
        return (error as { extensions?: { field?: string } }).extensions?.field !== 'input.content.mimeType';
      }
    },
  };
  it.each<[string, boolean]>([
    ['application/pdf', true],
    ['application/hl7-cda+xml', true],
    ['text/plain', true],
    ['image/jpeg', true],
    ['image/png', true],
    ['image/tiff', true],
    ['application/rtf', true],
    ['text/xml', false],
    ['image/gif', false],
  ])('%s: accepted %s by both', (mimeType, accepted) => {
    expect({ fixture: accepts.fixture(mimeType), deposit: accepts.deposit(mimeType) }).toEqual({
      fixture: accepted,
      deposit: accepted,
    });
  });

  it.each(PHONE_MIME_TYPES)("%s is the personal space's alone: a professional's deposit refuses it", (mimeType) => {
    expect(() => checkContent({ mimeType, base64: '', sha256: '' })).toThrow(/input.content.mimeType: must be one of/);
  });
});
