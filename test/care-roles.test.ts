import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * The care team as a patient app shows it (docs/law.md §3), through the gateway, as the patient and as a legal
 * representative: the roles beside the médecin traitant (sage-femme référente, pharmacien correspondant), which
 * are informational, and the establishments that accessed or may access the record, which the patient blocks as
 * they block a professional: its staff, its care team and an emergency inside it read nothing, refused exactly
 * as a blocked professional is; a professional named or authorised in person keeps that access.
 */
const ADULT = '284077511612365';
const MINOR = '115036912304567';
const OTHER_PATIENT = '290052A00412352';
const TREATING = '30000000001';
const PHARMACIST = '30000000004'; // profession 21, authorised on the adult (visibility.json)
const BLOCKED = '30000000005'; // blocked on the adult
const MIDWIFE = '50000000021';
const SECOND_MIDWIFE = '50000000025';
const DOCTOR = '50000000022'; // of the Timone, reads as its care team
const PERSONAL = '50000000023'; // of the Timone, authorised in person
const NORD_NURSE = '50000000024';
const TIMONE = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const NORD = { finess: '130781073', name: 'AP-HM Hôpital Nord' };
const CHANNEL = `etab:${TIMONE.finess}`;
const INTERN = `staff:${TIMONE.finess}:interne-9`;
const TEAM = {
  version: 1,
  professionals: [
    { rpps: MIDWIFE, familyName: 'Naissance', firstName: 'Anna', profession: '50' },
    { rpps: SECOND_MIDWIFE, familyName: 'Berceau', firstName: 'Lina', profession: '50' },
    {
      rpps: DOCTOR,
      familyName: 'Garde',
      firstName: 'Marc',
      profession: '10',
      specialty: 'SM54',
      establishment: TIMONE,
    },
    { rpps: PERSONAL, familyName: 'Choisie', firstName: 'Eva', profession: '10', establishment: TIMONE },
    { rpps: NORD_NURSE, familyName: 'Nord', firstName: 'Paul', profession: '60', establishment: NORD },
  ],
  accounts: [
    { id: CHANNEL, kind: 'establishment', displayName: 'Timone channel', attributes: { finess: TIMONE.finess } },
  ],
};

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
const CARE = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      careRoles {
        role
        roleLabel
        since
        professional {
          rpps
          professionCode
          professionLabel
          specialtyCode
          specialtyLabel
        }
      }
      establishments {
        establishment {
          finess
          name
        }
        links
        blockedSince
        careTeamAuthorisedUntil
        lastAccessAt
      }
      careTeam {
        kind
        professional {
          rpps
          professionCode
          professionLabel
          specialtyCode
          specialtyLabel
        }
      }
    }
  }
`;
const SET_ROLE = gql`
  mutation ($ins: String!, $role: CareRole!, $rpps: String!) {
    setCareRole(ins: $ins, role: $role, rpps: $rpps) {
      careRoles {
        role
        professional {
          rpps
        }
      }
    }
  }
`;
const REMOVE_ROLE = gql`
  mutation ($ins: String!, $role: CareRole!) {
    removeCareRole(ins: $ins, role: $role) {
      careRoles {
        role
      }
    }
  }
`;
const BLOCK = (
  mutation: 'blockEstablishment' | 'unblockEstablishment' | 'authoriseCareTeam' | 'authoriseProfessional',
) =>
  `mutation ($ins: String!, $id: String!) { ${mutation}(ins: $ins, ${mutation === 'authoriseProfessional' ? 'rpps' : 'finess'}: $id) { establishments { establishment { finess } links blockedSince } } }`;
const EMERGENCY = `mutation ($ins: String!) { declareEmergency(ins: $ins, justification: "Patient inconscient aux urgences, détresse respiratoire") { expiresAt } }`;

describe('the care team as a patient app shows it', () => {
  const clock = manualClock(new Date());
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), TEAM);
    const registered = await (
      await graph.as(CHANNEL)
    )(
      `mutation { registerStaff(input: { staffId: "interne-9", familyName: "Interne", firstName: "Lou", profession: "10" }) { actorId } }`,
    );
    expect(registered.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  /** The whole refusal, as a client sees it: what must not tell a block from an absence. */
  const refusal = (answer: { errors?: any[] }) =>
    answer.errors && { code: errorCode(answer), message: answer.errors[0].message };
  const as = async (actor: string, query: string, variables: object) => (await graph.as(actor))(query, variables);
  const reads = async (actor: string, ins: string) => {
    const answer = await as(actor, REPORTS, { ins });
    return answer.errors ? refusal(answer) : answer.data.patient.hospitalReports.nodes.map((n: any) => n.id).sort();
  };
  const care = async (actor: string, ins: string) => {
    const answer = await as(actor, CARE, { ins });
    expect(answer.errors).toBeUndefined();
    return answer.data.patient;
  };
  const tracedActions = async (actor: string, ins: string) => {
    const answer = await as(
      actor,
      `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 100, filter: { kinds: [CONSENT] }) { nodes { action touched description } } } }`,
      { ins },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data.patient.accessTraces.nodes;
  };

  describe.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:parent', MINOR],
  ])('roles, set and removed by %s', (_who, actor, ins) => {
    it('a sage-femme référente and a pharmacien correspondant, each a professional of the directory, with labels', async () => {
      const set = await as(actor, SET_ROLE, { ins, role: 'SAGE_FEMME_REFERENTE', rpps: MIDWIFE });
      expect(set.errors).toBeUndefined();
      // The mutation returns the changed record.
      expect(set.data.setCareRole.careRoles).toEqual([
        { role: 'SAGE_FEMME_REFERENTE', professional: { rpps: MIDWIFE } },
      ]);
      expect(
        (await as(actor, SET_ROLE, { ins, role: 'PHARMACIEN_CORRESPONDANT', rpps: PHARMACIST })).errors,
      ).toBeUndefined();
      expect((await care(actor, ins)).careRoles).toEqual([
        {
          role: 'PHARMACIEN_CORRESPONDANT',
          roleLabel: 'Pharmacien correspondant',
          since: clock.now().toISOString(),
          professional: {
            rpps: PHARMACIST,
            professionCode: '21',
            professionLabel: 'Pharmacien',
            specialtyCode: null,
            specialtyLabel: null,
          },
        },
        {
          role: 'SAGE_FEMME_REFERENTE',
          roleLabel: 'Sage-femme référente',
          since: clock.now().toISOString(),
          professional: {
            rpps: MIDWIFE,
            professionCode: '50',
            professionLabel: 'Sage-Femme',
            specialtyCode: null,
            specialtyLabel: null,
          },
        },
      ]);
    });

    it('the care team beside them carries the labels of its codes', async () => {
      expect((await care(actor, ins)).careTeam).toContainEqual({
        kind: 'MEDECIN_TRAITANT',
        professional: {
          rpps: TREATING,
          professionCode: '10',
          professionLabel: 'Médecin',
          specialtyCode: 'SM54',
          specialtyLabel: 'Médecine générale',
        },
      });
    });

    it.each([
      ['a pharmacist as sage-femme référente', { role: 'SAGE_FEMME_REFERENTE', rpps: PHARMACIST }, 'rpps'],
      ['a midwife as pharmacien correspondant', { role: 'PHARMACIEN_CORRESPONDANT', rpps: MIDWIFE }, 'rpps'],
      ['a médecin as sage-femme référente', { role: 'SAGE_FEMME_REFERENTE', rpps: TREATING }, 'rpps'],
      ['an RPPS the directory does not hold', { role: 'SAGE_FEMME_REFERENTE', rpps: '49999999999' }, 'rpps'],
      ['not an RPPS', { role: 'SAGE_FEMME_REFERENTE', rpps: 'dr-who' }, 'rpps'],
    ])('%s: BAD_USER_INPUT naming %s, nothing changed', async (_case, input, field) => {
      const before = (await care(actor, ins)).careRoles;
      const answer = await as(actor, SET_ROLE, { ins, ...input });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe(field);
      expect((await care(actor, ins)).careRoles).toEqual(before);
    });

    it('a role adds nothing to what its holder reads', async () => {
      expect(await reads(`ps:${MIDWIFE}`, ins)).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      expect(await reads(`ps:${MIDWIFE}`, ins)).toEqual(await reads(`ps:${SECOND_MIDWIFE}`, ins));
    });

    it('naming another holder replaces the first; removing leaves their access as it was', async () => {
      expect(
        (await as(actor, SET_ROLE, { ins, role: 'SAGE_FEMME_REFERENTE', rpps: SECOND_MIDWIFE })).errors,
      ).toBeUndefined();
      const pharmacistReads = await reads(`ps:${PHARMACIST}`, ins);
      const removed = await as(actor, REMOVE_ROLE, { ins, role: 'PHARMACIEN_CORRESPONDANT' });
      expect(removed.errors).toBeUndefined();
      expect(removed.data.removeCareRole.careRoles).toEqual([{ role: 'SAGE_FEMME_REFERENTE' }]);
      expect((await care(actor, ins)).careRoles.map((r: any) => r.professional.rpps)).toEqual([SECOND_MIDWIFE]);
      expect(await reads(`ps:${PHARMACIST}`, ins)).toEqual(pharmacistReads);
    });

    it('removing a role nobody holds: BAD_USER_INPUT naming role', async () => {
      const answer = await as(actor, REMOVE_ROLE, { ins, role: 'PHARMACIEN_CORRESPONDANT' });
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe('role');
    });

    it('each change is in the access history, with its sentence', async () => {
      const traces = await tracedActions(actor, ins);
      expect(traces).toContainEqual({
        action: 'set-care-role',
        touched: [MIDWIFE],
        description: "Désignation d'une sage-femme référente ou d'un pharmacien correspondant",
      });
      expect(traces).toContainEqual(
        expect.objectContaining({ action: 'remove-care-role', touched: ['careRoles:PHARMACIEN_CORRESPONDANT'] }),
      );
    });
  });

  it.each([
    ['the médecin traitant', `ps:${TREATING}`, ADULT, 'FORBIDDEN'],
    ['the midwife herself', `ps:${MIDWIFE}`, ADULT, 'NOT_FOUND'],
    ['another patient', `patient:${OTHER_PATIENT}`, ADULT, 'NOT_FOUND'],
    ["the minor's representative, on another record", 'rep:parent', ADULT, 'NOT_FOUND'],
  ])('%s gives no role (%s)', async (_who, actor, ins, expected) => {
    expect(errorCode(await as(actor, SET_ROLE, { ins, role: 'SAGE_FEMME_REFERENTE', rpps: MIDWIFE }))).toBe(expected);
  });

  describe.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', 'rep:parent', MINOR],
  ])('establishments, listed and blocked by %s', (_who, actor, ins) => {
    const mutate = (mutation: Parameters<typeof BLOCK>[0], id: string) => as(actor, BLOCK(mutation), { ins, id });

    it('its care team authorised, its staff and professionals read', async () => {
      expect((await mutate('authoriseCareTeam', TIMONE.finess)).errors).toBeUndefined();
      expect((await mutate('authoriseProfessional', PERSONAL)).errors).toBeUndefined();
      expect((await mutate('authoriseProfessional', NORD_NURSE)).errors).toBeUndefined();
      for (const reader of [`ps:${DOCTOR}`, INTERN, `ps:${PERSONAL}`])
        expect(await reads(reader, ins)).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('listed: who accessed, whose care team is authorised, where a professional of the care works', async () => {
      const { establishments } = await care(actor, ins);
      expect(establishments).toEqual(
        expect.arrayContaining([
          {
            establishment: TIMONE,
            links: ['ACCESSED', 'CARE_TEAM_AUTHORISED', 'PROFESSIONAL_OF_CARE'],
            blockedSince: null,
            careTeamAuthorisedUntil: expect.any(String),
            lastAccessAt: clock.now().toISOString(),
          },
          {
            establishment: NORD,
            links: ['PROFESSIONAL_OF_CARE'],
            blockedSince: null,
            careTeamAuthorisedUntil: null,
            lastAccessAt: null,
          },
        ]),
      );
      // The most recent access first.
      expect(establishments[0].establishment).toEqual(TIMONE);
    });

    it('blocked: the mutation returns the record with the block', async () => {
      clock.advance(60_000);
      const blocked = await mutate('blockEstablishment', TIMONE.finess);
      expect(blocked.errors).toBeUndefined();
      expect(blocked.data.blockEstablishment.establishments).toContainEqual({
        establishment: { finess: TIMONE.finess },
        links: ['ACCESSED', 'BLOCKED', 'CARE_TEAM_AUTHORISED', 'PROFESSIONAL_OF_CARE'],
        blockedSince: clock.now().toISOString(),
      });
    });

    it.each([
      ['a professional reading as its care team', `ps:${DOCTOR}`],
      ['a member of its staff', INTERN],
    ])('%s reads nothing, refused as a blocked professional is', async (_who, reader) => {
      const answer = await reads(reader, ins);
      expect(answer).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      // The very answer of a record that does not exist.
      expect(answer).toEqual(await reads(reader, '170057505600172'));
      if (ins === ADULT) expect(answer).toEqual(await reads(`ps:${BLOCKED}`, ins));
    });

    it('its professional breaks the glass in vain, as a blocked professional does', async () => {
      const declared = await as(`ps:${DOCTOR}`, EMERGENCY, { ins });
      expect(refusal(declared)).toEqual({
        code: 'FORBIDDEN',
        message: 'Bris de glace is not possible for this record',
      });
      expect(await reads(`ps:${DOCTOR}`, ins)).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    });

    it('its own channel reads nothing, as before the block', async () => {
      expect(errorCode(await as(CHANNEL, REPORTS, { ins }))).toBe('FORBIDDEN');
    });

    it('a professional of it the patient authorised in person keeps that access', async () => {
      expect(await reads(`ps:${PERSONAL}`, ins)).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('its care team cannot be authorised while it is blocked', async () => {
      const answer = await mutate('authoriseCareTeam', TIMONE.finess);
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe('finess');
    });

    it.each([
      ['an establishment the directory does not hold', '999999999'],
      ['not a FINESS', 'timone'],
    ])('blocking %s: BAD_USER_INPUT naming finess', async (_case, finess) => {
      const answer = await mutate('blockEstablishment', finess);
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions.field).toBe('finess');
    });

    it('the block and the refusals are in the access history', async () => {
      expect(await tracedActions(actor, ins)).toContainEqual({
        action: 'block-establishment',
        touched: [`finess:${TIMONE.finess}`],
        description: "Blocage d'un établissement",
      });
      const answer = await as(
        actor,
        `query ($ins: String!, $actor: String!) { patient(ins: $ins) { accessTraces(first: 50, filter: { actorId: $actor }) { nodes { outcome rule } } } }`,
        { ins, actor: `ps:${DOCTOR}` },
      );
      expect(answer.data.patient.accessTraces.nodes).toContainEqual({ outcome: 'denied', rule: 'deny.blocked' });
    });

    it('unblocked: its care team and staff read again from the next request', async () => {
      const unblocked = await mutate('unblockEstablishment', TIMONE.finess);
      expect(unblocked.errors).toBeUndefined();
      expect(unblocked.data.unblockEstablishment.establishments).toContainEqual(
        expect.objectContaining({ establishment: { finess: TIMONE.finess }, blockedSince: null }),
      );
      for (const reader of [`ps:${DOCTOR}`, INTERN])
        expect(await reads(reader, ins)).toEqual(expect.arrayContaining([expect.any(String)]));
    });
  });

  it.each([
    ['the médecin traitant', `ps:${TREATING}`, 'FORBIDDEN'],
    ['a professional of the establishment', `ps:${DOCTOR}`, 'FORBIDDEN'],
    ['another patient', `patient:${OTHER_PATIENT}`, 'NOT_FOUND'],
  ])('%s blocks no establishment (%s)', async (_who, actor, expected) => {
    const answer = await as(actor, BLOCK('blockEstablishment'), { ins: ADULT, id: TIMONE.finess });
    expect(errorCode(answer)).toBe(expected);
    expect((await care(`patient:${ADULT}`, ADULT)).establishments).toContainEqual(
      expect.objectContaining({ establishment: TIMONE, blockedSince: null }),
    );
  });
});
