import { gql } from 'graphql-request';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { toTrace, type TraceRow } from '../audit/trace-repo';

const SEARCH = gql`
  query ($traits: IdentityTraits!) {
    searchPatients(traits: $traits) {
      count
      truncated
      candidates {
        ins
        birthName
        usedName
        firstName
        birthplaceCode
        dmpStatus
        openable
      }
    }
  }
`;

describe('centre 15 search by identity traits', () => {
  let graph: TestGraph;
  let search: (traits: object, actor?: string) => Promise<{ data: any; errors?: any[] }>;
  beforeAll(async () => {
    // One regulator asks more than a minute's budget: the budget has its own test (test/trait-search-rate.test.ts).
    graph = await startTestGraphWith(
      { traitSearchRate: { perMinute: 10_000, localPerMinute: 10_000 } },
      scenarioFile('identities.json'),
    );
    search = async (traits, actor = 'samu:69') => (await graph.client(actor)).rawRequest<any>(SEARCH, { traits });
  });
  afterAll(() => graph?.stop());
  const names = (result: { data: any }) =>
    result.data.searchPatients.candidates.map((c: any) => `${c.usedName ?? c.birthName}/${c.firstName}`);

  it.each([
    ['accents and case dropped', { name: 'LEFEVRE', firstName: 'helene' }, ['Lefèvre/Hélène']],
    ['the used name is found like the birth name', { name: 'Lefèvre' }, ['Lefèvre/Hélène']],
    ['the birth name, spoken with its particles', { name: 'de la tour', firstName: 'Hélène' }, ['Lefèvre/Hélène']],
    ['the birth name without its particles', { name: 'tour auvergne' }, ['Lefèvre/Hélène']],
    ['first letters only', { name: 'lef' }, ['Lefebvre/Hélène', 'Lefèvre/Hélène']],
    [
      'a hyphenated first name typed with a space',
      { firstName: 'jean francois' },
      ['Martin/Jean-François', 'Martin/Jean-François'],
    ],
    ['an apostrophe left out', { name: 'ndiaye' }, ["N'Diaye/Aïssatou"]],
  ])('%s', async (_case, traits, expected) => {
    const result = await search({ birthDate: '1975-03-14', ...traits });
    expect(result.errors).toBeUndefined();
    expect([...names(result)].sort()).toEqual([...expected].sort());
  });

  it('never merges homonyms: both come back, the one born where the caller said first', async () => {
    const result = await search({
      birthDate: '1975-03-14',
      name: 'martin',
      firstName: 'jean-françois',
      birthplaceCode: '13055',
    });
    const candidates = result.data.searchPatients.candidates;
    expect(candidates).toHaveLength(2);
    expect(candidates[0].birthplaceCode).toBe('13055');
    expect(new Set(candidates.map((c: any) => c.ins)).size).toBe(2);
  });

  it('ranks an exact name above a prefix', async () => {
    const result = await search({ birthDate: '1975-03-14', name: 'lefevre' });
    expect(names(result)[0]).toBe('Lefèvre/Hélène');
  });

  it('caps the list at 10 and says more matched', async () => {
    const result = await search({ birthDate: '1990-01-01', name: 'nguyen' });
    expect(result.data.searchPatients).toMatchObject({ count: 10, truncated: true });
  });

  it('tells which records may be opened, and gives no INS for those that may not', async () => {
    const refused = await search({ birthDate: '1975-03-14', name: 'ndiaye' });
    expect(refused.data.searchPatients.candidates[0]).toMatchObject({ openable: false, ins: null });
    const closed = await search({ birthDate: '1975-03-14', name: 'dupont' });
    expect(closed.data.searchPatients.candidates[0]).toMatchObject({ dmpStatus: 'CLOSED', openable: false, ins: null });
    const open = await search({ birthDate: '1975-03-14', name: 'lefevre', firstName: 'helene' });
    const ins = open.data.searchPatients.candidates[0].ins;
    expect(ins).toMatch(/^\d{15}$/);
    const record = await (
      await graph.client('samu:69')
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            access {
              mode
            }
            identity {
              firstName
            }
          }
        }
      `,
      { ins },
    );
    expect(record.data.patient).toEqual({ access: { mode: 'centre_15' }, identity: { firstName: 'Hélène' } });
  });

  it('finds nobody born another day, however alike the names', async () => {
    const result = await search({ birthDate: '1975-03-15', name: 'martin', firstName: 'jean' });
    expect(result.data.searchPatients).toMatchObject({ count: 0, truncated: false, candidates: [] });
  });

  it('traces every search with the traits used and the number of candidates, not who', async () => {
    const [{ seq }] = await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head');
    await search({ birthDate: '1975-03-14', name: 'martin', sex: 'M' });
    const traces = (await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1', [seq])).map(
      toTrace,
    );
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({
      actorId: 'samu:69',
      action: 'trait-search',
      mode: 'centre_15',
      patientRef: null,
      touched: ['birthDate', 'candidates:2', 'name', 'sex'],
    });
  });

  it.each([
    ['no name at all', { birthDate: '1975-03-14' }, 'traits'],
    ['a single letter', { birthDate: '1975-03-14', name: 'M' }, 'traits'],
    [
      'a birthplace that is no INSEE code',
      { birthDate: '1975-03-14', name: 'martin', birthplaceCode: 'Lyon' },
      'traits.birthplaceCode',
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_case, traits, field) => {
    const result = await search(traits);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a birth date that is no date', async () => {
    const result = await search({ birthDate: '1975-02-31', name: 'martin' });
    expect(result.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it.each([['ps:40000000001'], ['analyst:x']])('is refused to %s', async (actor) => {
    const result = await search({ birthDate: '1975-03-14', name: 'martin' }, actor);
    expect(result.data?.searchPatients ?? null).toBeNull();
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
