import {
  AGGREGATING_SOURCE_NAMES,
  DOCUMENT_SOURCE_ENUM,
  DOCUMENT_SOURCE_NAMES,
  SOURCES,
  SOURCE_NAMES,
  documentsOf,
  portOf,
} from './sources';

describe('one table of sources drives every list of them', () => {
  it('names six sources on six ports, the registry first', () => {
    expect(SOURCE_NAMES).toEqual(['patient', 'reimbursement', 'pharmacy', 'oncology', 'hospital', 'personal-space']);
    expect(new Set(SOURCES.map((s) => s.port)).size).toBe(SOURCES.length);
    expect(portOf('patient')).toBe(4001);
  });

  it('derives the writable sources (all but the registry), the aggregating ones and the GraphQL enum', () => {
    expect(DOCUMENT_SOURCE_NAMES).toEqual(['reimbursement', 'pharmacy', 'oncology', 'hospital', 'personal-space']);
    expect(AGGREGATING_SOURCE_NAMES).toEqual(['reimbursement', 'pharmacy', 'oncology', 'hospital']);
    expect(DOCUMENT_SOURCE_ENUM).toEqual({
      reimbursement: 'reimbursement',
      pharmacy: 'pharmacy',
      oncology: 'oncology',
      hospital: 'hospital',
      personal_space: 'personal-space',
    });
    for (const name of DOCUMENT_SOURCE_NAMES) expect(documentsOf(name).enumValue).toMatch(/^[a-z_]+$/);
    expect(new Set(DOCUMENT_SOURCE_NAMES.map((n) => documentsOf(n).idPrefix)).size).toBe(DOCUMENT_SOURCE_NAMES.length);
  });
});
