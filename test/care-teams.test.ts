import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { authorisationEnds } from '../policy/periods';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Care teams (docs/law.md §3; seed 002: an authorisation given to an establishment "s'étend à l'ensemble des
 * professionnels de santé appartenant à l'équipe de soins"). Through the gateway: the patient authorises a care
 * team; each member reads per their own profession's matrix while they are in it; the establishment's channel
 * says who joins and leaves; the authorisation ends after a year, or when revoked.
 */
const ADULT = '284077511612365';
const TIMONE = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const NURSE = '50000000001';
const DOCTOR = '50000000002';
const PHARMACIST = '50000000003'; // not in the team at first
const AUTHORISED_PHARMACIST = '30000000004'; // authorised by the patient in person (visibility.json)
const BLOCKED = '30000000005';
const TEAM = {
  version: 1,
  professionals: [
    { rpps: NURSE, familyName: 'Soin', firstName: 'Inès', profession: '60', establishment: TIMONE },
    {
      rpps: DOCTOR,
      familyName: 'Garde',
      firstName: 'Marc',
      profession: '10',
      specialty: 'SM54',
      establishment: TIMONE,
    },
    { rpps: PHARMACIST, familyName: 'Officine', firstName: 'Rémi', profession: '21' },
  ],
  accounts: [
    {
      id: 'etab:130783236',
      kind: 'establishment',
      displayName: 'Timone channel',
      attributes: { finess: TIMONE.finess },
    },
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
const AUTHORISATIONS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      careTeamAuthorisations {
        establishment {
          finess
          name
        }
        since
        until
        consentRecordedBy
      }
    }
  }
`;
const STAFF = gql`
  mutation ($rpps: String!, $member: Boolean!) {
    setStaffMember(rpps: $rpps, member: $member) {
      rpps
      establishment {
        finess
      }
    }
  }
`;

describe('care teams', () => {
  const clock = manualClock(new Date());
  const start = clock.now();
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock }, scenarioFile('visibility.json'), TEAM);
  });
  afterAll(() => graph?.stop());

  /** The report ids a professional reads, or the error code they get. */
  const reads = async (rpps: string) => {
    const answer = await (await graph.as(`ps:${rpps}`))(REPORTS, { ins: ADULT });
    return answer.errors ? errorCode(answer) : answer.data.patient.hospitalReports.nodes.map((n: any) => n.id).sort();
  };
  const patient = () => graph.as(`patient:${ADULT}`);
  const channel = (finess = TIMONE.finess) => graph.as(`etab:${finess}`);
  const authorise = async (mutation: 'authoriseCareTeam' | 'revokeCareTeam', finess = TIMONE.finess) =>
    (await patient())(
      `mutation ($ins: String!, $finess: String!) { ${mutation}(ins: $ins, finess: $finess) { ins } }`,
      {
        ins: ADULT,
        finess,
      },
    );

  it('before any authorisation of the team, its members read nothing', async () => {
    expect(await reads(NURSE)).toBe('NOT_FOUND');
    expect(await reads(DOCTOR)).toBe('NOT_FOUND');
  });

  it('the patient authorises the care team: shown with its establishment and its end, one year later', async () => {
    expect((await authorise('authoriseCareTeam')).errors).toBeUndefined();
    const { data } = await (await patient())(AUTHORISATIONS, { ins: ADULT });
    expect(data.patient.careTeamAuthorisations).toEqual([
      {
        establishment: TIMONE,
        since: start.toISOString(),
        // One year on the Paris calendar (policy/periods.json); its arithmetic is pinned in the calendar sweep.
        until: authorisationEnds(start).toISOString(),
        consentRecordedBy: null,
      },
    ]);
  });

  it('each member reads per the matrix of their own profession; a professional outside the team reads nothing', async () => {
    expect(await reads(NURSE)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(await reads(DOCTOR)).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(await reads(PHARMACIST)).toBe('NOT_FOUND');
  });

  it('a professional who joins reads from the next request, as a pharmacist authorised in person would', async () => {
    const joined = await (await channel())(STAFF, { rpps: PHARMACIST, member: true });
    expect(joined.errors).toBeUndefined();
    expect(joined.data.setStaffMember).toEqual({ rpps: PHARMACIST, establishment: { finess: TIMONE.finess } });
    expect(await reads(PHARMACIST)).toEqual(await reads(AUTHORISED_PHARMACIST));
    const { data } = await (
      await patient()
    )(
      `query ($ins: String!) { patient(ins: $ins) { accessTraces(first: 20, filter: { actorId: "ps:${PHARMACIST}" }) { nodes { rule } } } }`,
      {
        ins: ADULT,
      },
    );
    expect(data.patient.accessTraces.nodes).toContainEqual({ rule: 'professional.care-team' });
  });

  it('a professional who leaves reads nothing from the next request', async () => {
    expect((await (await channel())(STAFF, { rpps: NURSE, member: false })).errors).toBeUndefined();
    expect(await reads(NURSE)).toBe('NOT_FOUND');
  });

  it('a member the patient blocked stays refused', async () => {
    expect((await (await channel())(STAFF, { rpps: BLOCKED, member: true })).errors).toBeUndefined();
    expect(await reads(BLOCKED)).toBe('NOT_FOUND');
  });

  it('only the establishment names its staff, and only its own', async () => {
    const other = await (await channel('130786049'))(STAFF, { rpps: DOCTOR, member: false });
    expect(errorCode(other)).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0].extensions.field).toBe('rpps');
    expect(await reads(DOCTOR)).not.toBe('NOT_FOUND');
    expect(errorCode(await (await graph.as(`ps:${DOCTOR}`))(STAFF, { rpps: NURSE, member: true }))).toBe('FORBIDDEN');
    expect(errorCode(await (await patient())(STAFF, { rpps: NURSE, member: true }))).toBe('FORBIDDEN');
    expect(await reads(NURSE)).toBe('NOT_FOUND');
  });

  it.each([
    ['an establishment the directory does not hold', '999999999'],
    ['not a FINESS', 'timone'],
  ])('authorising %s: BAD_USER_INPUT naming finess, nothing changed', async (_case, finess) => {
    const answer = await authorise('authoriseCareTeam', finess);
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe('finess');
  });

  it('revoked: its members read nothing from the next request', async () => {
    expect((await authorise('revokeCareTeam')).errors).toBeUndefined();
    expect(await reads(DOCTOR)).toBe('NOT_FOUND');
    expect(await reads(PHARMACIST)).toBe('NOT_FOUND');
  });

  it('recorded at a consultation for the care team by one of its members: the team reads again, and the recorder is named', async () => {
    const recorded = await (
      await graph.as(`ps:${DOCTOR}`)
    )(
      gql`
        mutation ($ins: String!) {
          recordConsultationConsent(ins: $ins, patientInformed: true, careTeam: true) {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(recorded.errors).toBeUndefined();
    expect(await reads(PHARMACIST)).toEqual(await reads(AUTHORISED_PHARMACIST));
    const { data } = await (await patient())(AUTHORISATIONS, { ins: ADULT });
    expect(data.patient.careTeamAuthorisations).toEqual([expect.objectContaining({ consentRecordedBy: DOCTOR })]);
  });

  it('a professional the directory places in no establishment cannot record one for a care team', async () => {
    const answer = await (
      await graph.as(`ps:${AUTHORISED_PHARMACIST}`)
    )(
      `mutation ($ins: String!) { recordConsultationConsent(ins: $ins, patientInformed: true, careTeam: true) { ins } }`,
      {
        ins: ADULT,
      },
    );
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions.field).toBe('careTeam');
  });

  it('ends one year after it was given: read a second before, refused at the instant', async () => {
    const { data } = await (await patient())(AUTHORISATIONS, { ins: ADULT });
    const until = new Date(data.patient.careTeamAuthorisations[0].until);
    clock.set(new Date(until.getTime() - 1000));
    expect(await reads(PHARMACIST)).not.toBe('NOT_FOUND');
    clock.set(until);
    expect(await reads(PHARMACIST)).toBe('NOT_FOUND');
  });
});
