import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * The lists a patient keeps of their professionals and establishments (docs/law.md §3, the app's "My
 * professionals" and "My health establishments"), through the gateway, as the patient and as a legal
 * representative: a list is an address book, it grants no access and blocks nothing; bad input is a coded error
 * naming the field, and nothing changes.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const TREATING = '30000000001'; // the adult's médecin traitant, author of documents hidden from the patient
const PHARMACIST = '30000000004'; // profession 21
const MIDWIFE = '50000000021'; // not authorised on any record
const TIMONE = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const TEAM = {
  version: 1,
  professionals: [
    {
      rpps: MIDWIFE,
      familyName: 'Naissance',
      firstName: 'Anna',
      profession: '50',
      establishment: TIMONE,
      contact: { addressLine: '264 rue Saint-Pierre', postalCode: '13005', city: 'Marseille', phone: '0491385000' },
    },
  ],
};

const LISTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      listedProfessionals {
        professional {
          rpps
          familyName
          professionCode
          professionLabel
          specialtyCode
          specialtyLabel
          establishment {
            finess
            name
          }
        }
        role
        roleLabel
        medecinTraitant
        declaredReferrer
        active
        addresses {
          line
          postalCode
          city
          phone
        }
        since
      }
      listedEstablishments {
        establishment {
          finess
          name
        }
        since
      }
      establishments {
        establishment {
          finess
        }
        links
      }
    }
  }
`;
const REPORTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
    }
  }
`;
const MUTATE = (name: string, field: 'rpps' | 'finess') =>
  `mutation ($ins: String!, $id: String!) { ${name}(input: { ins: $ins, ${field}: $id }) { listedProfessionals { professional { rpps } } listedEstablishments { establishment { finess } } } }`;
const ADD_PRO = MUTATE('addListedProfessional', 'rpps');
const REMOVE_PRO = MUTATE('removeListedProfessional', 'rpps');
const ADD_ETAB = MUTATE('addListedEstablishment', 'finess');
const REMOVE_ETAB = MUTATE('removeListedEstablishment', 'finess');

describe('the lists a patient keeps of their professionals and establishments', () => {
  const clock = manualClock(new Date());
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), TEAM);
  });
  afterAll(() => graph?.stop());

  const as = async (actor: string, query: string, variables: object) => (await graph.as(actor))(query, variables);
  const lists = async (actor: string, ins: string) => {
    const answer = await as(actor, LISTS, { ins });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient;
  };
  const reads = async (actor: string, ins: string) => {
    const answer = await as(actor, REPORTS, { ins });
    return answer.errors
      ? { code: errorCode(answer), message: answer.errors[0].message }
      : answer.data.patient.hospitalReports.nodes.map((n: any) => n.id).sort();
  };

  describe.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:parent', MINOR],
  ])('kept by %s', (_who, actor, ins) => {
    it('adds professionals of the directory, with their profession, role and establishment in words', async () => {
      const added = await as(actor, ADD_PRO, { ins, id: MIDWIFE });
      expect(added.errors).toBeUndefined();
      expect(added.data.addListedProfessional.listedProfessionals).toEqual([{ professional: { rpps: MIDWIFE } }]);
      expect(
        (
          await as(
            actor,
            `mutation ($ins: String!) { setCareRole(ins: $ins, role: PHARMACIEN_CORRESPONDANT, rpps: "${PHARMACIST}") { ins } }`,
            { ins },
          )
        ).errors,
      ).toBeUndefined();
      expect((await as(actor, ADD_PRO, { ins, id: PHARMACIST })).errors).toBeUndefined();
      const { listedProfessionals } = await lists(actor, ins);
      expect(listedProfessionals).toHaveLength(2);
      expect(listedProfessionals).toContainEqual({
        professional: {
          rpps: MIDWIFE,
          familyName: 'Naissance',
          professionCode: '50',
          professionLabel: 'Sage-Femme',
          specialtyCode: null,
          specialtyLabel: null,
          establishment: TIMONE,
        },
        role: null,
        roleLabel: null,
        medecinTraitant: false,
        declaredReferrer: null,
        active: true,
        addresses: [{ line: '264 rue Saint-Pierre', postalCode: '13005', city: 'Marseille', phone: '0491385000' }],
        since: clock.now().toISOString(),
      });
      expect(listedProfessionals.find((p: any) => p.professional.rpps === PHARMACIST)).toMatchObject({
        role: 'PHARMACIEN_CORRESPONDANT',
        roleLabel: 'Pharmacien correspondant',
        active: true,
        addresses: [],
      });
    });

    it('grants no access: a listed professional reads exactly what they read before', async () => {
      const listed = await reads(`ps:${MIDWIFE}`, ins);
      expect(listed).toMatchObject({ code: expect.any(String) });
      expect((await as(actor, REMOVE_PRO, { ins, id: MIDWIFE })).errors).toBeUndefined();
      expect(await reads(`ps:${MIDWIFE}`, ins)).toEqual(listed);
      expect((await as(actor, ADD_PRO, { ins, id: MIDWIFE })).errors).toBeUndefined();
    });

    it('lists an establishment apart from its block', async () => {
      const added = await as(actor, ADD_ETAB, { ins, id: TIMONE.finess });
      expect(added.errors).toBeUndefined();
      const after = await lists(actor, ins);
      expect(after.listedEstablishments).toEqual([{ establishment: TIMONE, since: clock.now().toISOString() }]);
      const timone = after.establishments.find((e: any) => e.establishment.finess === TIMONE.finess);
      expect(timone?.links ?? []).not.toContain('BLOCKED');
      expect((await as(actor, REMOVE_ETAB, { ins, id: TIMONE.finess })).errors).toBeUndefined();
      expect((await lists(actor, ins)).listedEstablishments).toEqual([]);
      expect((await as(actor, ADD_ETAB, { ins, id: TIMONE.finess })).errors).toBeUndefined();
    });

    it.each([
      ['an RPPS the directory does not hold', ADD_PRO, '49999999999', 'input.rpps'],
      ['not an RPPS', ADD_PRO, 'dr-who', 'input.rpps'],
      ['a professional already listed', ADD_PRO, MIDWIFE, 'input.rpps'],
      ['removing a professional not listed', REMOVE_PRO, '30000000001', 'input.rpps'],
      ['removing an unknown RPPS', REMOVE_PRO, '49999999999', 'input.rpps'],
      ['a FINESS the directory does not hold', ADD_ETAB, '999999999', 'input.finess'],
      ['not a FINESS', ADD_ETAB, 'timone', 'input.finess'],
      ['an establishment already listed', ADD_ETAB, TIMONE.finess, 'input.finess'],
      ['removing an establishment not listed', REMOVE_ETAB, '130781073', 'input.finess'],
    ])('%s: BAD_USER_INPUT naming the field, nothing changed', async (_case, mutation, id, field) => {
      const before = await lists(actor, ins);
      const answer = await as(actor, mutation, { ins, id });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe(field);
      expect(await lists(actor, ins)).toEqual(before);
    });

    it('every change is traced as a consent action of the record', async () => {
      const answer = await as(
        actor,
        `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 100, filter: { kinds: [CONSENT] }) { nodes { action } } } }`,
        { ins },
      );
      expect(answer.errors).toBeUndefined();
      const actions = answer.data.patient.accessTraces.nodes.map((n: any) => n.action);
      for (const action of ['list-professional', 'unlist-professional', 'list-establishment', 'unlist-establishment'])
        expect(actions).toContain(action);
    });
  });

  const DOCUMENTS = `query ($ins: String!, $rpps: String) { patient(ins: $ins) { documents(first: 50, filter: { authorRpps: $rpps }) { totalCount nodes { id author { kind id } } } } }`;
  /** A document's id in its source (the graph's id is base64url of `source:id`). */
  const local = (id: string) => Buffer.from(id, 'base64url').toString();
  const documents = async (actor: string, ins: string, rpps: string | null) => {
    const answer = await as(actor, DOCUMENTS, { ins, rpps });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.documents;
  };

  describe.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:parent', MINOR],
  ])('one professional’s documents, as %s sees them', (_who, actor, ins) => {
    it('are exactly the visible documents that professional wrote, in every source, counted as shown', async () => {
      const all = await documents(actor, ins, null);
      const theirs = await documents(actor, ins, TREATING);
      const expected = all.nodes.filter((n: any) => n.author.kind === 'PROFESSIONAL' && n.author.id === TREATING);
      expect(theirs.nodes).toEqual(expected);
      expect(theirs.totalCount).toBe(expected.length);
      // A document hidden from this reader now (h-invisible-new is invisible to the patient's side) never shows.
      expect(theirs.nodes.map((n: any) => local(n.id))).not.toContain('hospital:h-invisible-new');
    });

    it('not an RPPS: BAD_USER_INPUT naming filter.authorRpps', async () => {
      const answer = await as(actor, DOCUMENTS, { ins, rpps: 'dr-who' });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe('filter.authorRpps');
    });
  });

  it('a document hidden from the patient is never fetched, counted or hinted by the author filter', async () => {
    const professional = await documents(`ps:${TREATING}`, ADULT, TREATING);
    const shown = new Set((await documents(`patient:${ADULT}`, ADULT, null)).nodes.map((n: any) => n.id));
    const hidden = professional.nodes.filter((n: any) => !shown.has(n.id));
    // The author wrote documents hidden from the patient: the professional sees them, the patient does not.
    expect(hidden.map((n: any) => local(n.id)).sort()).toEqual(['hospital:h-invisible-new', 'oncology:o-invisible']);
    const patient = await documents(`patient:${ADULT}`, ADULT, TREATING);
    expect(patient.nodes).toEqual(professional.nodes.filter((n: any) => shown.has(n.id)));
    expect(patient.totalCount).toBe(professional.totalCount - hidden.length);
    // An author of nothing the patient may see answers as an author of nothing at all.
    expect(await documents(`patient:${ADULT}`, ADULT, '49999999999')).toEqual({ totalCount: 0, nodes: [] });
  });

  it.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:parent', MINOR],
  ])('%s adds with a role at once; a role the profession does not fit changes nothing', async (_who, actor, ins) => {
    const ADD_WITH_ROLE = `mutation ($ins: String!, $rpps: String!, $role: CareRole) { addListedProfessional(input: { ins: $ins, rpps: $rpps, role: $role }) { listedProfessionals { professional { rpps } role medecinTraitant } } }`;
    const before = await lists(actor, ins);
    const wrong = await as(actor, ADD_WITH_ROLE, { ins, rpps: TREATING, role: 'SAGE_FEMME_REFERENTE' });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0].extensions.field).toBe('input.role');
    expect(await lists(actor, ins)).toEqual(before);
    const added = await as(actor, ADD_WITH_ROLE, { ins, rpps: TREATING, role: null });
    expect(added.errors).toBeUndefined();
    // 30000000001 is the médecin traitant of both records (visibility.json).
    expect(added.data.addListedProfessional.listedProfessionals).toContainEqual({
      professional: { rpps: TREATING },
      role: null,
      medecinTraitant: true,
    });
    expect((await as(actor, REMOVE_PRO, { ins, id: TREATING })).errors).toBeUndefined();
    expect((await as(actor, REMOVE_PRO, { ins, id: MIDWIFE })).errors).toBeUndefined();
    const withRole = await as(actor, ADD_WITH_ROLE, { ins, rpps: MIDWIFE, role: 'SAGE_FEMME_REFERENTE' });
    expect(withRole.errors).toBeUndefined();
    expect(withRole.data.addListedProfessional.listedProfessionals).toContainEqual({
      professional: { rpps: MIDWIFE },
      role: 'SAGE_FEMME_REFERENTE',
      medecinTraitant: false,
    });
  });

  it('a professional may not keep or read a patient’s lists', async () => {
    const answer = await as(`ps:${PHARMACIST}`, ADD_PRO, { ins: ADULT, id: MIDWIFE });
    expect(errorCode(answer)).toBeDefined();
    expect(errorCode(answer)).not.toBe('BAD_USER_INPUT');
    const read = await as(
      `ps:${PHARMACIST}`,
      `query ($ins: String!) { patient(ins: $ins) { listedProfessionals { active } } }`,
      {
        ins: ADULT,
      },
    );
    expect(read.data?.patient?.listedProfessionals ?? null).toBeNull();
  });
});
