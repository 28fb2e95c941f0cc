import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const ADULT = '284077511612365';
const MINOR = '115036912304567';
const READ = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      hospitalReports(first: 100) {
        nodes {
          id
          visibility
        }
      }
    }
  }
`;

describe('patient controls hold from the very next request', () => {
  let graph: TestGraph;
  // One graph for the file: each test leaves the record as it found it, or touches what no other test reads.
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
  });
  afterAll(() => graph?.stop());

  const as = (actor: string) => graph.as(actor);
  const reportsSeenBy = async (actor: string, ins = ADULT) => {
    const { data, errors } = await (await as(actor))(READ, { ins });
    return errors ? errors[0].extensions.code : data.patient.hospitalReports.nodes.map((n: any) => n.id).sort();
  };

  it('revoking an authorisation closes the record to that professional; authorising opens it again', async () => {
    const patient = await as(`patient:${ADULT}`);
    expect(await reportsSeenBy('ps:30000000004')).toContain('h-plain');
    const revoked = await patient(
      gql`
        mutation ($ins: String!) {
          revokeProfessional(ins: $ins, rpps: "30000000004") {
            careTeam {
              kind
              professional {
                rpps
              }
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeProfessional.careTeam).not.toContainEqual({
      kind: 'AUTHORISED',
      professional: { rpps: '30000000004' },
    });
    expect(await reportsSeenBy('ps:30000000004')).toBe('NOT_FOUND');
    await patient(
      gql`
        mutation ($ins: String!) {
          authoriseProfessional(ins: $ins, rpps: "30000000004") {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(await reportsSeenBy('ps:30000000004')).toContain('h-plain');
  });

  it('masking hides a document from professionals but its author and the médecin traitant; unmasking shows it again', async () => {
    const patient = await as(`patient:${ADULT}`);
    const mask = (masked: boolean) =>
      patient(
        gql`
          mutation ($ins: String!, $masked: Boolean!) {
            setDocumentMasked(ins: $ins, documentId: "h-plain", source: hospital, masked: $masked) {
              ins
            }
          }
        `,
        { ins: ADULT, masked },
      );
    expect((await mask(true)).errors).toBeUndefined();
    expect(await reportsSeenBy('ps:30000000004')).not.toContain('h-plain');
    expect(await reportsSeenBy('ps:30000000001')).toContain('h-plain');
    const own = await (await as(`patient:${ADULT}`))(READ, { ins: ADULT });
    expect(own.data.patient.hospitalReports.nodes.find((n: any) => n.id === 'h-plain').visibility).toEqual([
      'MASQUE_PS',
    ]);
    await mask(false);
    expect(await reportsSeenBy('ps:30000000004')).toContain('h-plain');
  });

  it("the médecin traitant may block a professional, and nothing else of the patient's rights", async () => {
    const doctor = await as('ps:30000000001');
    const blocked = await doctor(
      gql`
        mutation ($ins: String!) {
          blockProfessional(ins: $ins, rpps: "30000000002") {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(blocked.errors).toBeUndefined();
    expect(await reportsSeenBy('ps:30000000002')).toBe('NOT_FOUND');
    const consents = await doctor(
      gql`
        mutation ($ins: String!) {
          setEmergencyConsents(ins: $ins, consents: { etreat: false }) {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(consents.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the patient removes the médecin traitant, who no longer reads from the next request; they may not remove themselves', async () => {
    const remove = `mutation ($ins: String!) { removeMedecinTraitant(ins: $ins) { careTeam { kind } } }`;
    const name = `mutation ($ins: String!) { nameMedecinTraitant(ins: $ins, rpps: "30000000001") { ins } }`;
    expect(errorCode(await (await as('ps:30000000001'))(remove, { ins: MINOR }))).toBe('FORBIDDEN');
    expect(await reportsSeenBy('ps:30000000001', MINOR)).toContain('m-plain');
    const removed = await (await as(`patient:${MINOR}`))(remove, { ins: MINOR });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeMedecinTraitant.careTeam).toEqual([]);
    expect(await reportsSeenBy('ps:30000000001', MINOR)).toBe('NOT_FOUND');
    const again = await (await as(`patient:${MINOR}`))(remove, { ins: MINOR });
    expect([errorCode(again), again.errors?.[0].extensions.field]).toEqual(['BAD_USER_INPUT', 'ins']);
    expect((await (await as(`patient:${MINOR}`))(name, { ins: MINOR })).errors).toBeUndefined();
    expect(await reportsSeenBy('ps:30000000001', MINOR)).toContain('m-plain');
  });

  it('ETREAT withdrawn closes the record to the centre 15 at once', async () => {
    expect(await reportsSeenBy('samu:13')).toContain('h-plain');
    const patient = await as(`patient:${ADULT}`);
    const result = await patient(
      gql`
        mutation ($ins: String!) {
          setEmergencyConsents(ins: $ins, consents: { etreat: false }) {
            emergencyConsents {
              etreat
              btg
              masked
            }
          }
        }
      `,
      { ins: ADULT },
    );
    expect(result.data.setEmergencyConsents.emergencyConsents).toEqual({ etreat: false, btg: true, masked: false });
    expect(await reportsSeenBy('samu:13')).toBe('NOT_FOUND');
  });

  it('a legal representative acts for the minor', async () => {
    const representative = await as('rep:parent');
    const result = await representative(
      gql`
        mutation ($ins: String!) {
          authoriseProfessional(ins: $ins, rpps: "30000000002") {
            ins
          }
        }
      `,
      { ins: MINOR },
    );
    expect(result.errors).toBeUndefined();
    expect(await reportsSeenBy('ps:30000000002', MINOR)).toEqual(['m-plain', 'm-secret']);
  });

  it.each([
    ['ps:30000000004', 'an authorised pharmacien', 'FORBIDDEN'],
    ['ps:30000000006', 'a professional who cannot see the record', 'NOT_FOUND'],
    ['rep:parent', "another patient's representative", 'NOT_FOUND'],
    ['org:insurer', 'an insurer', 'FORBIDDEN'],
    ['analyst:cnam', 'analytics', 'FORBIDDEN'],
  ])('%s (%s) may not authorise anyone: %s, and nothing changes', async (actor, _who, code) => {
    const result = await (
      await as(actor)
    )(
      gql`
        mutation ($ins: String!) {
          authoriseProfessional(ins: $ins, rpps: "30000000006") {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(result.errors?.[0].extensions.code).toBe(code);
    expect(await reportsSeenBy('ps:30000000006')).toBe('NOT_FOUND');
  });

  it.each([
    ['an invalid INS', '284077511612300', 'authoriseProfessional(ins: $ins, rpps: "30000000006")', 'ins'],
    ['an RPPS of the wrong shape', ADULT, 'authoriseProfessional(ins: $ins, rpps: "123")', 'rpps'],
    ['an unknown professional', ADULT, 'authoriseProfessional(ins: $ins, rpps: "39999999999")', 'rpps'],
    ['authorising a blocked professional', ADULT, 'authoriseProfessional(ins: $ins, rpps: "30000000005")', 'rpps'],
    ['blocking the médecin traitant', ADULT, 'blockProfessional(ins: $ins, rpps: "30000000001")', 'rpps'],
    ['a pharmacien as médecin traitant', ADULT, 'nameMedecinTraitant(ins: $ins, rpps: "30000000004")', 'rpps'],
    ['consents with nothing in them', ADULT, 'setEmergencyConsents(ins: $ins, consents: {})', 'consents'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and changes nothing', async (_case, ins, mutation, field) => {
    const before = await graph.stores.patient.query(
      'SELECT patient_ins, rpps, relation FROM care_relation ORDER BY 1, 2, 3',
    );
    const result = await (await as(`patient:${ADULT}`))(`mutation($ins: String!) { ${mutation} { ins } }`, { ins });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(
      await graph.stores.patient.query('SELECT patient_ins, rpps, relation FROM care_relation ORDER BY 1, 2, 3'),
    ).toEqual(before);
  });
});
