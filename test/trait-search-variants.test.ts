import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { toTrace, type TraceRow } from '../audit/trace-repo';

/**
 * The centre 15 spoken search (issue 20) through the gateway: names spelt by ear, compound first names by their
 * parts, uncertain dates, places that rank, scores that explain themselves, and the demand that keeps a wide
 * question from fishing. Scenario: test/scenarios/spoken-identities.json.
 */
const SEARCH = gql`
  query ($traits: SpokenIdentityTraits!) {
    searchPatientsBySpokenTraits(traits: $traits) {
      count
      truncated
      candidates {
        score
        matches {
          trait
          how
          weight
        }
        identity {
          ins
          birthName
          usedName
          firstName
          birthDate
          birthplaceCode
          dmpStatus
          openable
        }
      }
    }
  }
`;

type Candidate = {
  score: number;
  matches: { trait: string; how: string; weight: number }[];
  identity: Record<string, any>;
};

describe('centre 15 search by spoken traits', () => {
  // Ages are counted on this day: Germaine Bernard (born 1945-06-15) is 81 today, Germaine Bertrand 80.
  const clock = manualClock(new Date('2026-06-15T10:00:00Z'));
  let graph: TestGraph;
  const search = async (traits: object, actor = 'samu:29') =>
    (await graph.as(actor))(SEARCH, { traits }) as Promise<{ data: any; errors?: any[] }>;
  const candidates = async (traits: object): Promise<Candidate[]> => {
    const result = await search(traits);
    expect(result.errors).toBeUndefined();
    return result.data.searchPatientsBySpokenTraits.candidates;
  };
  const who = (c: Candidate) =>
    `${c.identity.usedName ?? c.identity.birthName}/${c.identity.firstName}/${c.identity.birthDate}`;
  const how = (c: Candidate) => Object.fromEntries(c.matches.map((m) => [m.trait, m.how]));

  beforeAll(async () => {
    // One regulator asks far more than a minute's budget on a clock that stands still: the budget has its own
    // test (test/trait-search-rate.test.ts).
    graph = await startTestGraphWith(
      { clock, traitSearchRate: { perMinute: 10_000, localPerMinute: 10_000 } },
      scenarioFile('spoken-identities.json'),
    );
  });
  afterAll(() => graph?.stop());

  it.each([
    [
      'a surname spelt as it sounds (Dupont for Dupond)',
      { birthDate: '1962-07-04', name: 'Dupont' },
      ['Dupond/Marc/1962-07-04'],
      { NAME: 'PHONETIC', BIRTH_DATE: 'EXACT' },
    ],
    [
      'Lefebvre for Lefèvre, the exact date before the day after',
      { birthDate: '1975-03-14', name: 'Lefebvre', firstName: 'Hélène' },
      ['Lefèvre/Hélène/1975-03-14', 'Lefèvre/Hélène/1975-03-15'],
      { NAME: 'PHONETIC', FIRST_NAME: 'EXACT', BIRTH_DATE: 'EXACT' },
    ],
    [
      'Lefeuvre for Lefèvre',
      { birthDate: '1975-03-14', name: 'lefeuvre', firstName: 'helene' },
      ['Lefèvre/Hélène/1975-03-14', 'Lefèvre/Hélène/1975-03-15'],
      { NAME: 'PHONETIC', FIRST_NAME: 'EXACT' },
    ],
    [
      'Rousso and Filip for Rousseau and Philippe',
      { birthDate: '1980-11-02', name: 'Rousso', firstName: 'Filip' },
      ['Rousseau/Philippe/1980-11-02'],
      { NAME: 'PHONETIC', FIRST_NAME: 'PHONETIC' },
    ],
    [
      'a letter lost and one added (Lefevbre): an approximate spelling',
      { birthDate: '1975-03-14', name: 'Lefevbre', firstName: 'Hélène' },
      ['Lefèvre/Hélène/1975-03-14', 'Lefèvre/Hélène/1975-03-15'],
      { NAME: 'APPROXIMATE' },
    ],
    [
      'the used name as it sounds (Girrard for Girard)',
      { birthDate: '1985-08-08', name: 'Girrard' },
      ['Girard/Chantal/1985-08-08'],
      { NAME: 'PHONETIC' },
    ],
    [
      'the birth name as it sounds (Moro for Moreau), the used name aside',
      { birthDate: '1985-08-08', name: 'Moro' },
      ['Girard/Chantal/1985-08-08'],
      { NAME: 'PHONETIC' },
    ],
    [
      'a compound first name without its hyphen',
      { birthDate: '1958-05-20', name: 'MARTIN', firstName: 'jean pierre' },
      ['Martin/Jean-Pierre/1958-05-20', 'Martin/Jean-Pierre/1958-05-20'],
      { NAME: 'EXACT', FIRST_NAME: 'EXACT' },
    ],
    [
      'a compound first name by one of its parts',
      { birthDate: '1958-05-20', name: 'martin', firstName: 'Pierre' },
      ['Martin/Jean-Pierre/1958-05-20', 'Martin/Jean-Pierre/1958-05-20'],
      { FIRST_NAME: 'EXACT' },
    ],
    [
      'a compound first name with an initial (J.-Pierre)',
      { birthDate: '1958-05-20', name: 'martin', firstName: 'J.-Pierre' },
      ['Martin/Jean-Pierre/1958-05-20', 'Martin/Jean-Pierre/1958-05-20'],
      { FIRST_NAME: 'INITIAL' },
    ],
    [
      'day and month swapped',
      { birthDate: '1962-04-07', name: 'dupond' },
      ['Dupond/Marc/1962-07-04'],
      { NAME: 'EXACT', BIRTH_DATE: 'SWAPPED_DAY_MONTH' },
    ],
    [
      'one digit of the date wrong',
      { birthDate: '1962-07-14', name: 'dupond' },
      ['Dupond/Marc/1962-07-04'],
      { BIRTH_DATE: 'ONE_DIGIT' },
    ],
    [
      'only the birth year, with both names',
      { birthYear: 1980, name: 'rousseau', firstName: 'philippe' },
      ['Rousseau/Philippe/1980-11-02'],
      { BIRTH_DATE: 'BIRTH_YEAR', NAME: 'EXACT' },
    ],
    [
      '"about eighty": an age range, both names and the sex; Bertrand does not sound like Bernard',
      { ageFrom: 79, ageTo: 82, sex: 'F', name: 'Bernard', firstName: 'Germaine' },
      ['Bernard/Germaine/1945-06-15'],
      { BIRTH_DATE: 'AGE_RANGE', SEX: 'EXACT' },
    ],
    [
      'an age range whose oldest age excludes the birthday of today',
      { ageFrom: 75, ageTo: 80, sex: 'F', name: 'Bernard', firstName: 'Germaine' },
      [],
      {},
    ],
  ])('finds %s', async (_case, traits, expected, agreements) => {
    const found = await candidates(traits);
    expect(found.map(who)).toEqual(expected);
    if (found.length) expect(how(found[0])).toMatchObject(agreements);
  });

  it('finds by sound a DMP created through the graph: its keys are written with it', async () => {
    const created = await (
      await graph.as('ps:40000000001')
    )(
      gql`
        mutation ($input: RecordCreationInput!) {
          createRecord(input: $input) {
            ins
          }
        }
      `,
      {
        input: {
          ins: '291027511399920',
          birthName: 'Lefeuvre',
          firstName: 'Anne-Sophie',
          givenNames: ['Anne-Sophie'],
          sex: 'F',
          birthDate: '1991-02-21',
          birthplaceCode: '75113',
          identityStatus: 'QUAL',
          expressConsent: true,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const [c] = await candidates({ birthDate: '1991-02-21', name: 'Lefebvre', firstName: 'Sofie' });
    expect(c.identity.ins).toBe('291027511399920');
    expect(how(c)).toMatchObject({ NAME: 'PHONETIC', FIRST_NAME: 'PHONETIC' });
    // The widest question reads the name beside the birth date (migration 030), written with the record too.
    const [aged] = await candidates({ ageFrom: 30, ageTo: 40, sex: 'F', name: 'Lefebvre', firstName: 'Sofie' });
    expect(aged.identity.ins).toBe('291027511399920');
    expect(how(aged)).toMatchObject({ NAME: 'PHONETIC', BIRTH_DATE: 'AGE_RANGE' });
  });

  it('asks a wider date for a closer name: a bare prefix finds nobody with only a year', async () => {
    expect(await candidates({ birthDate: '1980-11-02', name: 'rou', firstName: 'philippe' })).toHaveLength(1);
    expect(await candidates({ birthYear: 1980, name: 'rou', firstName: 'philippe' })).toHaveLength(0);
  });

  it('never merges homonyms, and ranks the one born where the caller said first, with the reasons', async () => {
    const found = await candidates({
      birthDate: '1958-05-20',
      name: 'martin',
      firstName: 'jean-pierre',
      birthDepartement: '33',
    });
    expect(found).toHaveLength(2);
    expect(new Set(found.map((c) => c.identity.ins)).size).toBe(2);
    expect(found.map((c) => [c.identity.birthplaceCode, how(c).BIRTH_DEPARTEMENT])).toEqual([
      ['33063', 'EXACT'],
      ['75056', 'DISAGREES'],
    ]);
    expect(found[1].matches.find((m) => m.trait === 'BIRTH_DEPARTEMENT')!.weight).toBeLessThan(0);
    for (const c of found)
      expect(c.score).toBeCloseTo(
        c.matches.reduce((sum, m) => sum + m.weight, 0),
        1,
      );
  });

  it.each([
    ['the residence département', { residenceDepartement: '75' }, '75056', 'RESIDENCE_DEPARTEMENT', 'EXACT'],
    ['the commune of birth', { birthplaceCode: '33063' }, '33063', 'BIRTHPLACE', 'EXACT'],
    [
      'a neighbouring commune of the birth département',
      { birthplaceCode: '33281' },
      '33063',
      'BIRTHPLACE',
      'SAME_DEPARTEMENT',
    ],
  ])('raises the score with %s', async (_case, place, first, trait, agreement) => {
    const found = await candidates({ birthDate: '1958-05-20', name: 'martin', firstName: 'jean-pierre', ...place });
    expect(found.map((c) => c.identity.birthplaceCode)[0]).toBe(first);
    expect(how(found[0])[trait]).toBe(agreement);
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it('caps the list at 10 and says more matched', async () => {
    const result = await search({ birthYear: 1990, name: 'nguyen', firstName: 'minh' });
    expect(result.data.searchPatientsBySpokenTraits).toMatchObject({ count: 10, truncated: true });
  });

  it.each([
    ['the patient refused ETREAT', { birthDate: '1990-09-09', name: 'lefebvre' }, 'ACTIVE'],
    ['the DMP is closed', { birthDate: '1970-01-30', name: 'gautier' }, 'CLOSED'],
  ])('gives no INS when %s', async (_case, traits, dmpStatus) => {
    const [c] = await candidates(traits);
    expect(c.identity).toMatchObject({ openable: false, ins: null, dmpStatus });
  });

  it('gives the INS of a record the centre 15 may open', async () => {
    const [c] = await candidates({ birthDate: '1962-07-04', name: 'Dupont' });
    expect(c.identity).toMatchObject({ openable: true, ins: '162076912300304' });
  });

  it('traces every search with the traits used, the precision and the number of candidates, not who', async () => {
    const [{ seq }] = await graph.auditStore.query<{ seq: string }>('SELECT seq FROM trace_head');
    await search({ ageFrom: 79, ageTo: 82, sex: 'F', name: 'Bernard', firstName: 'Germaine' });
    const traces = (await graph.auditStore.query<TraceRow>('SELECT * FROM access_trace WHERE seq > $1', [seq])).map(
      toTrace,
    );
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({
      actorId: 'samu:29',
      action: 'trait-search',
      mode: 'centre_15',
      patientRef: null,
      touched: ['ageFrom', 'ageTo', 'candidates:1', 'firstName', 'name', 'precision:AGE_RANGE', 'sex'],
    });
  });

  it.each([
    ['no date at all', { name: 'martin', firstName: 'jean' }, 'traits'],
    ['a date and a year', { birthDate: '1958-05-20', birthYear: 1958, name: 'martin' }, 'traits'],
    ['a date and a single letter', { birthDate: '1958-05-20', name: 'M' }, 'traits'],
    ['a year and only a name', { birthYear: 1958, name: 'martin' }, 'traits'],
    ['an age range and only the names', { ageFrom: 60, ageTo: 70, name: 'martin', firstName: 'jean' }, 'traits'],
    [
      'an age range of twenty years',
      { ageFrom: 60, ageTo: 80, name: 'martin', firstName: 'jean', sex: 'M' },
      'traits.ageTo',
    ],
    ['an age range without its end', { ageFrom: 60, name: 'martin', firstName: 'jean', sex: 'M' }, 'traits.ageTo'],
    [
      'an age range upside down',
      { ageFrom: 70, ageTo: 60, name: 'martin', firstName: 'jean', sex: 'M' },
      'traits.ageTo',
    ],
    ['a negative age', { ageFrom: -5, ageTo: 5, name: 'martin', firstName: 'jean', sex: 'M' }, 'traits.ageFrom'],
    ['a year before anyone living', { birthYear: 1700, name: 'martin', firstName: 'jean' }, 'traits.birthYear'],
    ['a year to come', { birthYear: 2030, name: 'martin', firstName: 'jean' }, 'traits.birthYear'],
    [
      'a département that is none',
      { birthDate: '1958-05-20', name: 'martin', birthDepartement: '20' },
      'traits.birthDepartement',
    ],
    [
      'a residence that is no département',
      { birthDate: '1958-05-20', name: 'martin', residenceDepartement: 'Gironde' },
      'traits.residenceDepartement',
    ],
    [
      'a birthplace that is no INSEE code',
      { birthDate: '1958-05-20', name: 'martin', birthplaceCode: 'Lyon' },
      'traits.birthplaceCode',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, traits, field) => {
    const result = await search(traits);
    expect(result.data?.searchPatientsBySpokenTraits ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['a professional', 'ps:40000000001'],
    ['a patient', 'patient:162076912300304'],
    ['a legal representative', 'rep:spoken-parent'],
  ])('is refused to %s', async (_case, actor) => {
    const result = await search({ birthDate: '1962-07-04', name: 'Dupont' }, actor);
    expect(result.data?.searchPatientsBySpokenTraits ?? null).toBeNull();
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
  it('answers for a date one digit from year 0000 (2000-08-08), which is no date PostgreSQL takes', async () => {
    const result = await search({ birthDate: '2000-08-08', name: 'Martin' });
    expect(result.errors).toBeUndefined();
    expect(result.data.searchPatientsBySpokenTraits).toMatchObject({ count: 0 });
  });

  it('finds by sound a patient written before migration 020 once the registry’s job wrote the keys (021)', async () => {
    // As 020 left a row already there: typed keys (003), no phonetic keys, no first-name parts.
    await graph.stores.patient.query(
      `UPDATE patient SET phonetic_name_keys = '{}', first_name_words = '{}', phonetic_first_name_keys = '{}'
       WHERE ins = '180111305500421'`,
    );
    const heard = { birthDate: '1980-11-02', name: 'Rousso', firstName: 'Filip' };
    const heardAged = { ageFrom: 40, ageTo: 50, sex: 'M', name: 'Rousso', firstName: 'Filip' };
    expect((await candidates(heard)).map(who)).toEqual([]);
    expect((await candidates(heardAged)).map(who)).toEqual([]);
    // The typed keys still answer meanwhile.
    expect((await candidates({ birthDate: '1980-11-02', name: 'Rousseau', firstName: 'Phil' })).map(who)).toEqual([
      'Rousseau/Philippe/1980-11-02',
    ]);
    const counts = await graph.runRetention();
    expect(counts.patient).toContainEqual({ table: 'patient:spoken-keys-written', deleted: 1 });
    const [found] = await candidates(heard);
    expect(who(found)).toBe('Rousseau/Philippe/1980-11-02');
    expect(how(found)).toMatchObject({ NAME: 'PHONETIC', FIRST_NAME: 'PHONETIC' });
    expect((await candidates(heardAged)).map(who)).toEqual(['Rousseau/Philippe/1980-11-02']);
    // Written once: the next run finds nothing left to write.
    expect((await graph.runRetention()).patient).toContainEqual({ table: 'patient:spoken-keys-written', deleted: 0 });
  });
});
