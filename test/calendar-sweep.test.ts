import { gql } from 'graphql-request';
import { manualClock } from '../domain/clock';
import { after, before, parisMonth, parisDate } from '../domain/calendar';
import { nirKey } from '../domain/ins';
import { retentionCutoff, revealCutoff } from '../policy/periods';
import type { PatientSpec, Scenario } from '../scripts/scenario/scenario';
import { CALENDAR_SWEEP } from './support/calendar-sweep';
import { startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * Every rule of time, through the gateway, with the whole graph's clock set to each instant of the sweep:
 * retention windows, the one-month reveal, bris de glace expiry, majority, the archive, analytics periods and
 * the differencing history. One graph for the file; each instant loads patients of its own (their own INS,
 * their own département for aggregates), so what one instant writes never answers another's question.
 */
const clock = manualClock(CALENDAR_SWEEP[0][1]);
const MEDECIN = '40000000001';
const PHARMACIEN = '40000000003';
const TEAM_NURSE = '40000000005';
const TEAM = { finess: '130783236', name: 'AP-HM Hôpital de la Timone' };
const EMERGENCY_MINUTES = 60;
/** One département per instant: aggregates filtered on it count only that instant's cohort. */
const DEPARTEMENTS = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

const minute = 60_000;
const iso = (d: Date) => d.toISOString();
const insOf = (sweep: number, n: number) => {
  const nir13 = `1800${sweep + 1}75056${String(n).padStart(3, '0')}`.slice(0, 13);
  return nir13 + nirKey(nir13);
};

/**
 * Birth dates around the 18th birthday, worked out here without the product's calendar code: the Paris date
 * from Intl, eighteen years back; born on a 29 February that the year lacks, the birthday passed yesterday.
 */
function birthdaysAround(now: Date): { adultToday: string; minorTomorrow: string } {
  const [y, m, d] = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }).split('-').map(Number);
  const born = new Date(Date.UTC(y - 18, m - 1, d));
  const adultToday = born.getUTCMonth() === m - 1 ? born : new Date(Date.UTC(y - 18, m - 1, d - 1));
  const next = new Date(adultToday.getTime() + 86_400_000);
  return { adultToday: adultToday.toISOString().slice(0, 10), minorTomorrow: next.toISOString().slice(0, 10) };
}

interface Fixture {
  scenario: Scenario;
  ins: Record<
    | 'reader'
    | 'emergency'
    | 'treated'
    | 'authorised'
    | 'teamAuthorised'
    | 'adultToday'
    | 'minorTomorrow'
    | 'child'
    | 'helped'
    | 'caregiverOfAge'
    | 'caregiverMinor'
    | 'archiveOpen'
    | 'archiveOver',
    string
  >;
}

/** What one instant of the sweep loads, with every date computed from that instant. */
function fixture(sweep: number, now: Date): Fixture {
  let n = 0;
  const person = (over: Partial<PatientSpec> & { birthDate?: string } = {}): PatientSpec => {
    n += 1;
    const { birthDate, ...rest } = over;
    return {
      ins: insOf(sweep, n),
      identity: {
        birthName: `Calendrier${sweep}x${n}`,
        firstName: 'Camille',
        sex: 'M',
        birthDate: birthDate ?? '1980-06-15',
        birthplaceCode: '75056',
      },
      ...rest,
    };
  };
  const doc = (id: string, effectiveAt: Date, extra: object = {}) => ({
    id: `s${sweep}-${id}`,
    title: id,
    effectiveAt: iso(effectiveAt),
    ...extra,
  });
  const dispensation = (
    id: string,
    effectiveAt: Date,
    category: 'STANDARD' | 'VACCINE' | 'BIOLOGICAL',
    atc = 'N02BE01',
  ) =>
    doc(id, effectiveAt, {
      typeCode: '60593-1',
      author: { rpps: PHARMACIEN },
      cip13: '3400930000120',
      atc,
      productName: atc,
      productCategory: category,
      quantity: 1,
      prescribed: true,
    });
  const careLine = (id: string, effectiveAt: Date) =>
    doc(id, effectiveAt, {
      typeCode: 'REMB',
      author: { kind: 'ALIM_AM' },
      actSystem: 'NGAP',
      actCode: 'G',
      actLabel: 'Consultation',
      amountCents: 3000,
      reimbursedCents: 2100,
    });
  const report = (id: string, effectiveAt: Date, extra: object = {}) =>
    doc(id, effectiveAt, { typeCode: '11490-0', author: { rpps: MEDECIN }, ...extra });
  // A minute either side of each boundary: the graph must cut exactly there.
  const edges = (cutoff: Date) => ({ inside: after(cutoff, { minutes: 1 }), outside: before(cutoff, { minutes: 1 }) });
  const care = edges(retentionCutoff('reimbursement', now));
  const dp = edges(retentionCutoff('pharmacy', now));
  const vaccine = edges(retentionCutoff('pharmacy', now, 'VACCINE'));
  const biological = edges(retentionCutoff('pharmacy', now, 'BIOLOGICAL'));
  const hospital = edges(retentionCutoff('hospital', now));
  const reveal = revealCutoff(now);
  const awaiting = (id: string, depositedAt: Date) =>
    report(id, depositedAt, { depositedAt: iso(depositedAt), visibility: ['INVISIBLE_PATIENT'] });

  const reader = person({
    careLines: [careLine('care-in', care.inside), careLine('care-out', care.outside)],
    dispensations: [
      dispensation('dp-in', dp.inside, 'STANDARD'),
      dispensation('dp-out', dp.outside, 'STANDARD'),
      dispensation('vaccine-in', vaccine.inside, 'VACCINE', 'J07BB02'),
      dispensation('vaccine-out', vaccine.outside, 'VACCINE', 'J07BB02'),
      dispensation('bio-in', biological.inside, 'BIOLOGICAL', 'L04AB02'),
      dispensation('bio-out', biological.outside, 'BIOLOGICAL', 'L04AB02'),
    ],
    hospitalReports: [
      report('hosp-in', hospital.inside),
      report('hosp-out', hospital.outside),
      // R1111-53: shown to the patient once a month has passed since the deposit, not a minute before.
      awaiting('reveal-passed', before(reveal, { minutes: 1 })),
      awaiting('reveal-exactly', reveal),
      awaiting('reveal-not-yet', after(reveal, { minutes: 1 })),
    ] as never,
  } as never);
  const emergency = person({ hospitalReports: [report('emergency-letter', before(now, { days: 2 }))] as never });
  const treated = person({ careTeam: { medecinTraitant: MEDECIN } });
  // Authorised at this instant: for one year, renewable.
  const authorised = person({
    careTeam: { authorised: [MEDECIN] },
    hospitalReports: [report('authorised-letter', before(now, { days: 2 }))] as never,
  });
  // Majority (art. 388 C. civ.): the 18th birthday, on the Paris calendar.
  const birthdays = birthdaysAround(now);
  const adultToday = person({
    birthDate: birthdays.adultToday,
    representatives: [{ account: `rep:sweep-${sweep}`, relation: 'Mère' }],
  });
  const minorTomorrow = person({
    birthDate: birthdays.minorTomorrow,
    representatives: [{ account: `rep:sweep-${sweep}`, relation: 'Mère' }],
  });
  // A child of ten, whose registered parent invites the other: the invitation runs out after thirty days.
  const child = person({
    birthDate: parisDate(before(now, { years: 10 })),
    representatives: [{ account: `rep:sweep-${sweep}`, relation: 'Mère' }],
  });
  // Caregivers: a patient invites an adult, one of age today, not one of age tomorrow (art. 388 C. civ.).
  const helped = person();
  const caregiverOfAge = person({ birthDate: birthdays.adultToday });
  const caregiverMinor = person({ birthDate: birthdays.minorTomorrow });
  // R1111-46: a record closed ten years less a day ago can be reopened; ten years and a day ago, no more.
  const archiveOpen = person({
    dmp: { status: 'CLOSED', closedAt: iso(after(before(now, { years: 10 }), { days: 1 })) },
  });
  const archiveOver = person({ dmp: { status: 'CLOSED', closedAt: iso(before(now, { years: 10, days: 1 })) } });

  // The analytics cohort, in this instant's département: last month and this month, in Paris months.
  const lastMonth = before(now, { months: 1 });
  const cohort: PatientSpec[] = [];
  const consenting = (dispensed: object) =>
    cohort.push(
      person({
        residenceDepartement: DEPARTEMENTS[sweep],
        dmp: { secondaryUse: true },
        dispensations: [dispensed] as never,
      }),
    );
  for (let i = 0; i < 40; i++) consenting(dispensation(`n02b-last-${i}`, lastMonth, 'STANDARD'));
  for (let i = 0; i < 12; i++) consenting(dispensation(`n02b-now-${i}`, now, 'STANDARD'));
  // Vaccines, kept 21 years, so the differencing history can be seen to expire two years on.
  for (let i = 0; i < 30; i++) consenting(dispensation(`j07b-last-${i}`, lastMonth, 'VACCINE', 'J07BB02'));
  for (let i = 0; i < 4; i++) consenting(dispensation(`j07b-now-${i}`, now, 'VACCINE', 'J07BB02'));
  // Its care team authorised in the test, at this instant: for one year, like a professional's authorisation.
  const teamAuthorised = person({
    hospitalReports: [report('team-letter', before(now, { days: 2 }))] as never,
  });

  return {
    scenario: {
      version: 1,
      professionals:
        sweep === 0
          ? [
              { rpps: MEDECIN, familyName: 'Urgence', firstName: 'Claire', profession: '10', specialty: 'SM54' },
              { rpps: PHARMACIEN, familyName: 'Officine', firstName: 'Antoine', profession: '21' },
              { rpps: TEAM_NURSE, familyName: 'Equipe', firstName: 'Inès', profession: '60', establishment: TEAM },
            ]
          : [],
      accounts: [
        { id: `rep:sweep-${sweep}`, kind: 'representative', displayName: 'Parent' },
        { id: `analyst:sweep-${sweep}`, kind: 'analyst', displayName: 'Analytics' },
        { id: `rep:sweep-invitee-${sweep}`, kind: 'representative', displayName: 'Other parent' },
      ],
      patients: [
        reader,
        emergency,
        treated,
        authorised,
        adultToday,
        minorTomorrow,
        child,
        helped,
        caregiverOfAge,
        caregiverMinor,
        archiveOpen,
        archiveOver,
        ...cohort,
        teamAuthorised,
      ],
    },
    ins: {
      reader: reader.ins,
      emergency: emergency.ins,
      treated: treated.ins,
      authorised: authorised.ins,
      teamAuthorised: teamAuthorised.ins,
      adultToday: adultToday.ins,
      minorTomorrow: minorTomorrow.ins,
      child: child.ins,
      helped: helped.ins,
      caregiverOfAge: caregiverOfAge.ins,
      caregiverMinor: caregiverMinor.ins,
      archiveOpen: archiveOpen.ins,
      archiveOver: archiveOver.ins,
    },
  };
}

const RECORD = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      careLines(first: 100) {
        nodes {
          id
        }
      }
      dispensations(first: 100) {
        nodes {
          id
        }
      }
      hospitalReports(first: 100) {
        nodes {
          id
        }
      }
    }
  }
`;
const IDENTITY = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      identity {
        birthName
      }
    }
  }
`;
const TABLE = gql`
  query ($groupBy: [AnalyticsDimension!]!, $filter: AnalyticsFilter) {
    analytics {
      dispensations(measure: EVENTS, groupBy: $groupBy, filter: $filter) {
        cells {
          values
          count
          suppression
        }
      }
    }
  }
`;
const ids = (connection: { nodes: { id: string }[] }, sweep: number) =>
  connection.nodes.map((node) => node.id.replace(`s${sweep}-`, '')).sort();
const cellsOf = (answer: any) =>
  Object.fromEntries(
    answer.data.analytics.dispensations.cells.map((c: any) => [c.values.join('/'), c.count ?? c.suppression]),
  );
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
/** Counts per label, labels that fall together added up (two months in one quarter). */
const tally = (pairs: [string, number][]) =>
  pairs.reduce<Record<string, number>>((sum, [label, n]) => ({ ...sum, [label]: (sum[label] ?? 0) + n }), {});

describe('the calendar sweep: every rule of time at every instant', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraphWith({ clock, emergencyGrantMinutes: EMERGENCY_MINUTES });
  });
  afterAll(() => graph?.stop());

  describe.each(CALENDAR_SWEEP.map(([label, at], sweep) => [label, at, sweep] as const))(
    'at %s',
    (_label, now, sweep) => {
      let ins: Fixture['ins'];
      beforeAll(async () => {
        clock.set(now);
        const made = fixture(sweep, now);
        ins = made.ins;
        await graph.load(made.scenario);
      });
      // A test that moves the clock puts it back.
      afterEach(() => clock.set(now));

      it('shows each source exactly its retention window, and INVISIBLE_PATIENT from one month after the deposit', async () => {
        const { data, errors } = await (await graph.as(`patient:${ins.reader}`))(RECORD, { ins: ins.reader });
        expect(errors).toBeUndefined();
        expect(ids(data.patient.careLines, sweep)).toEqual(['care-in']);
        expect(ids(data.patient.dispensations, sweep)).toEqual(['bio-in', 'dp-in', 'vaccine-in']);
        expect(ids(data.patient.hospitalReports, sweep)).toEqual(['hosp-in', 'reveal-exactly', 'reveal-passed']);
      });

      it('ends a bris de glace grant when its time is up, not a second before', async () => {
        const doctor = await graph.as(`ps:${MEDECIN}`);
        const declared = await doctor(
          gql`
            mutation ($ins: String!) {
              declareEmergency(ins: $ins, justification: "Patient inconscient, traitement inconnu") {
                expiresAt
              }
            }
          `,
          { ins: ins.emergency },
        );
        expect(declared.errors).toBeUndefined();
        expect(declared.data.declareEmergency.expiresAt).toBe(
          iso(new Date(now.getTime() + EMERGENCY_MINUTES * minute)),
        );
        clock.advance(EMERGENCY_MINUTES * minute - 1000);
        expect((await doctor(RECORD, { ins: ins.emergency })).data.patient.hospitalReports.nodes).toHaveLength(1);
        clock.advance(1000);
        expect((await doctor(RECORD, { ins: ins.emergency })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      });

      it('ends an authorisation one year after it was given, not a second before, and a renewal counts from itself', async () => {
        const doctor = await graph.as(`ps:${MEDECIN}`);
        const patient = await graph.as(`patient:${ins.authorised}`);
        const ends = after(now, { years: 1 });
        const team = await patient(
          gql`
            query ($ins: String!) {
              patient(ins: $ins) {
                careTeam {
                  kind
                  until
                  professional {
                    rpps
                  }
                }
              }
            }
          `,
          { ins: ins.authorised },
        );
        expect(team.data.patient.careTeam).toEqual([
          { kind: 'AUTHORISED', until: iso(ends), professional: { rpps: MEDECIN } },
        ]);
        const reads = async () =>
          (await doctor(RECORD, { ins: ins.authorised })).data?.patient?.hospitalReports ?? null;
        clock.set(new Date(ends.getTime() - 1000));
        expect(await reads()).toMatchObject({ nodes: [{ id: `s${sweep}-authorised-letter` }] });
        clock.set(ends);
        expect(await reads()).toBeNull();
        // Renewed by the patient now: a year from now.
        const renewed = await patient(
          gql`
            mutation ($ins: String!, $rpps: String!) {
              authoriseProfessional(ins: $ins, rpps: $rpps) {
                ins
              }
            }
          `,
          { ins: ins.authorised, rpps: MEDECIN },
        );
        expect(renewed.errors).toBeUndefined();
        expect(await reads()).toMatchObject({ nodes: [{ id: `s${sweep}-authorised-letter` }] });
        clock.set(new Date(after(ends, { years: 1 }).getTime() - 1000));
        expect(await reads()).not.toBeNull();
        clock.set(after(ends, { years: 1 }));
        expect(await reads()).toBeNull();
      });

      it("ends a care team's authorisation one year after it was given, for its members, not a second before", async () => {
        const nurse = await graph.as(`ps:${TEAM_NURSE}`);
        const reads = async () =>
          (await nurse(RECORD, { ins: ins.teamAuthorised })).data?.patient?.hospitalReports ?? null;
        expect(await reads()).toBeNull();
        const given = await (
          await graph.as(`patient:${ins.teamAuthorised}`)
        )(
          gql`
            mutation ($ins: String!, $finess: String!) {
              authoriseCareTeam(ins: $ins, finess: $finess) {
                careTeamAuthorisations {
                  until
                }
              }
            }
          `,
          { ins: ins.teamAuthorised, finess: TEAM.finess },
        );
        const ends = after(now, { years: 1 });
        expect(given.data.authoriseCareTeam.careTeamAuthorisations).toEqual([{ until: iso(ends) }]);
        expect(await reads()).toMatchObject({ nodes: [{ id: `s${sweep}-team-letter` }] });
        clock.set(new Date(ends.getTime() - 1000));
        expect(await reads()).toMatchObject({ nodes: [{ id: `s${sweep}-team-letter` }] });
        clock.set(ends);
        expect(await reads()).toBeNull();
      });

      it("ends a representative's access on the minor's 18th birthday, in Paris", async () => {
        const parent = await graph.as(`rep:sweep-${sweep}`);
        expect((await parent(IDENTITY, { ins: ins.adultToday })).errors?.[0].extensions.code).toBe('NOT_FOUND');
        expect((await parent(IDENTITY, { ins: ins.minorTomorrow })).data.patient.identity.birthName).toMatch(
          /^Calendrier/,
        );
        // The next day, the second one comes of age too.
        clock.set(after(now, { days: 1 }));
        expect((await parent(IDENTITY, { ins: ins.minorTomorrow })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      });

      it("runs out an invitation to be a child's second representative thirty days after it was sent, not a second before", async () => {
        const sent = await (
          await graph.as(`rep:sweep-${sweep}`)
        )(
          gql`
            mutation ($ins: String!) {
              inviteLegalRepresentative(
                ins: $ins
                input: { accountId: "rep:sweep-invitee-${sweep}", relation: "Père", basis: "Livret de famille" }
              ) {
                id
                expiresAt
              }
            }
          `,
          { ins: ins.child },
        );
        expect(sent.errors).toBeUndefined();
        const ends = after(now, { days: 30 });
        expect(sent.data.inviteLegalRepresentative.expiresAt).toBe(iso(ends));
        const invitee = await graph.as(`rep:sweep-invitee-${sweep}`);
        const open = async () =>
          (await invitee(`{ viewer { representationInvitations { id } } }`)).data.viewer.representationInvitations
            .length;
        clock.set(new Date(ends.getTime() - 1000));
        expect(await open()).toBe(1);
        clock.set(ends);
        expect(await open()).toBe(0);
        const late = await invitee(
          gql`
            mutation ($id: ID!, $born: LocalDate!) {
              answerRepresentationInvitation(id: $id, accept: true, childBirthDate: $born) {
                status
              }
            }
          `,
          { id: sent.data.inviteLegalRepresentative.id, born: parisDate(before(now, { years: 10 })) },
        );
        expect(late.errors?.[0].extensions.code).toBe('FORBIDDEN');
      });

      it('lets a patient invite a caregiver of age today, not one of age tomorrow, and runs the invitation out thirty days on', async () => {
        const traitsOf = async (person: string) => {
          const { identity } = (
            await (
              await graph.as(`patient:${person}`)
            )(`{ patient(ins: "${person}") { identity { birthName firstName birthDate } } }`)
          ).data.patient;
          return {
            ins: person,
            firstName: identity.firstName,
            familyName: identity.birthName,
            birthDate: identity.birthDate,
          };
        };
        const patient = await graph.as(`patient:${ins.helped}`);
        const invite = async (caregiver: object) =>
          patient(
            gql`
              mutation ($input: InviteCaregiverInput!) {
                inviteCaregiver(input: $input) {
                  invitation {
                    id
                    expiresAt
                  }
                }
              }
            `,
            { input: { ins: ins.helped, caregiver } },
          );
        const minor = await invite(await traitsOf(ins.caregiverMinor));
        expect(minor.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.caregiver.birthDate',
        });
        const sent = await invite(await traitsOf(ins.caregiverOfAge));
        expect(sent.errors).toBeUndefined();
        const ends = after(now, { days: 30 });
        expect(sent.data.inviteCaregiver.invitation.expiresAt).toBe(iso(ends));
        const invitee = await graph.as(`patient:${ins.caregiverOfAge}`);
        const open = async () =>
          (await invitee(`{ viewer { caregivingInvitations { id } } }`)).data.viewer.caregivingInvitations.length;
        clock.set(new Date(ends.getTime() - 1000));
        expect(await open()).toBe(1);
        clock.set(ends);
        expect(await open()).toBe(0);
        const late = await invitee(
          gql`
            mutation ($id: ID!) {
              answerCaregivingInvitation(input: { id: $id, accept: true }) {
                status
              }
            }
          `,
          { id: sent.data.inviteCaregiver.invitation.id },
        );
        expect(late.errors?.[0].extensions.code).toBe('FORBIDDEN');
      });

      it('reopens a record within its ten years of archive, and not after', async () => {
        const reopen = gql`
          mutation ($ins: String!) {
            reopenRecord(ins: $ins) {
              status
            }
          }
        `;
        expect(
          (await (await graph.as(`patient:${ins.archiveOpen}`))(reopen, { ins: ins.archiveOpen })).data.reopenRecord
            .status,
        ).toBe('ACTIVE');
        expect(
          (await (await graph.as(`patient:${ins.archiveOver}`))(reopen, { ins: ins.archiveOver })).errors?.[0]
            .extensions.code,
        ).toBe('FORBIDDEN');
      });

      it('groups events by Paris month, quarter and year', async () => {
        const analyst = await graph.as(`analyst:sweep-${sweep}`);
        const thisMonth = parisMonth(now);
        const lastMonth = parisMonth(before(now, { months: 1 }));
        const filter = { atc: ['N02B'], departements: [DEPARTEMENTS[sweep]] };
        expect(cellsOf(await analyst(TABLE, { groupBy: ['MONTH'], filter }))).toEqual(
          tally([
            [lastMonth, 40],
            [thisMonth, 12],
          ]),
        );
        expect(cellsOf(await analyst(TABLE, { groupBy: ['QUARTER'], filter }))).toEqual(
          tally([
            [quarterOf(lastMonth), 40],
            [quarterOf(thisMonth), 12],
          ]),
        );
        expect(cellsOf(await analyst(TABLE, { groupBy: ['YEAR'], filter }))).toEqual(
          tally([
            [lastMonth.slice(0, 4), 40],
            [thisMonth.slice(0, 4), 12],
          ]),
        );
      });

      it('hides a difference with what the client was given, for two years and no longer', async () => {
        const analyst = await graph.as(`analyst:sweep-${sweep}`);
        const lastMonth = parisMonth(before(now, { months: 1 }));
        const wide = { atc: ['J07B'], departements: [DEPARTEMENTS[sweep]], from: lastMonth };
        const narrow = { ...wide, to: lastMonth };
        // The open end is this Paris month: the four of this month are in.
        expect(cellsOf(await analyst(TABLE, { groupBy: ['ATC3'], filter: wide }))).toEqual({ J07B: 34 });
        expect(cellsOf(await analyst(TABLE, { groupBy: ['ATC3'], filter: narrow }))).toEqual({ J07B: 'DIFFERENCING' });
        clock.set(after(now, { days: 729 }));
        expect(cellsOf(await analyst(TABLE, { groupBy: ['ATC3'], filter: narrow }))).toEqual({ J07B: 'DIFFERENCING' });
        clock.set(after(now, { days: 731 }));
        expect(cellsOf(await analyst(TABLE, { groupBy: ['ATC3'], filter: narrow }))).toEqual({ J07B: 30 });
      });

      it('judges the day of a deposit on the Paris calendar: today is no future date, tomorrow is', async () => {
        const doctor = await graph.as(`ps:${MEDECIN}`);
        const deposit = gql`
          mutation ($input: HospitalReportDeposit!) {
            depositHospitalReport(input: $input) {
              documentId
            }
          }
        `;
        const input = (key: string, stayEnd: string) => ({
          ins: ins.treated,
          idempotencyKey: `sweep-${sweep}-${key}`,
          typeCode: '11490-0',
          title: 'Lettre',
          effectiveAt: iso(now),
          stayStart: parisDate(now),
          stayEnd,
        });
        expect((await doctor(deposit, { input: input('today', parisDate(now)) })).errors).toBeUndefined();
        expect(
          (await doctor(deposit, { input: input('tomorrow', parisDate(after(now, { days: 1 }))) })).errors?.[0]
            .extensions,
        ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stayEnd' });
      });
    },
  );
});
