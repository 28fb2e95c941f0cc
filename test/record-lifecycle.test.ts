import { gql } from 'graphql-request';
import { errorCode, scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';
import { pseudonym } from '../audit/patient-keys';
import { everywhere as storesMentioning } from './support/traces';
import { verifyChain } from '../audit/verify-chain';

const ADULT = '284077511612365';
const CLOSED = '270057505600122';
const DECEASED = '162069935201754';
const OBJECTED = '245017505609918';
const TO_DELETE = '158057505608888';
const DYING = '292037505607797';
const NEW_RECORDS = ['290011305504457', '185027505612340', '293066912345603'];
const DOCTOR = 'ps:40000000001';

const CREATE = gql`
  mutation ($input: RecordCreationInput!) {
    createRecord(input: $input) {
      ins
      status
      closedAt
      pendingPurges
    }
  }
`;
const REPORTS = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      dmp {
        status
        deceasedOn
      }
      hospitalReports(first: 100) {
        nodes {
          id
          typeCode
        }
      }
    }
  }
`;
const identity = (ins: string, over: Record<string, unknown> = {}) => ({
  ins,
  birthName: 'Nguyen-Lefèvre',
  firstName: 'Chloé',
  givenNames: ['Chloé', 'Anne'],
  sex: 'F',
  birthDate: '1990-01-13',
  birthplaceCode: '75113',
  identityStatus: 'QUAL',
  expressConsent: true,
  ...over,
});

describe("the record's lifecycle: creation, closure, reopening, deletion, death", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('writes.json'));
  });
  afterAll(() => graph?.stop());

  const as = (actor: string) => graph.as(actor);
  const everywhere = (text: string) => storesMentioning(graph, text);

  it("creates a DMP with the patient's express consent, the three emergency consents ticked, and notifies the patient", async () => {
    const created = await (await as(DOCTOR))(CREATE, { input: identity(NEW_RECORDS[0]) });
    expect(created.errors).toBeUndefined();
    expect(created.data.createRecord).toEqual({
      ins: NEW_RECORDS[0],
      status: 'ACTIVE',
      closedAt: null,
      pendingPurges: [],
    });
    const [row] = await graph.stores.patient.query<any>(
      'SELECT identity_status, consent_etreat, consent_btg, consent_masked, consent_collected_by, consent_collected_by_id FROM patient WHERE ins = $1',
      [NEW_RECORDS[0]],
    );
    expect(row).toEqual({
      identity_status: 'QUAL',
      consent_etreat: true,
      consent_btg: true,
      consent_masked: true,
      consent_collected_by: 'PROFESSIONAL',
      consent_collected_by_id: DOCTOR,
    });
    const notified = await graph.auditStore.query('SELECT kind FROM notification_outbox WHERE patient_ins = $1', [
      NEW_RECORDS[0],
    ]);
    expect(notified).toEqual([{ kind: 'DMP_CREATED' }]);
    const own = await (
      await as(`patient:${NEW_RECORDS[0]}`)
    )(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            identity {
              birthName
              givenNames
            }
            emergencyConsents {
              etreat
              btg
              masked
            }
          }
        }
      `,
      { ins: NEW_RECORDS[0] },
    );
    expect(own.data.patient).toEqual({
      identity: { birthName: 'Nguyen-Lefèvre', givenNames: ['Chloé', 'Anne'] },
      emergencyConsents: { etreat: true, btg: true, masked: true },
    });
    const etab = await (
      await as('etab:130786049')
    )(CREATE, { input: identity(NEW_RECORDS[1], { emergencyConsents: { btg: false } }) });
    expect(etab.data.createRecord.status).toBe('ACTIVE');
    const again = await (await as(DOCTOR))(CREATE, { input: identity(NEW_RECORDS[0]) });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ins' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an identity that is not qualified', { identityStatus: 'VALI' }, 'input.identityStatus'],
    ['no express consent', { expressConsent: false }, 'input.expressConsent'],
    ['an INS with a wrong key', { ins: '293066912345604' }, 'input.ins'],
    ['a birth in the future', { birthDate: '2099-01-01' }, 'input.birthDate'],
    ['a birthplace that is no INSEE code', { birthplaceCode: 'Paris' }, 'input.birthplaceCode'],
    ['given names not starting with the first one', { givenNames: ['Anne'] }, 'input.givenNames'],
    ['a name with digits', { birthName: 'R2D2' }, 'input.birthName'],
  ])('refuses to create with %s, naming the field, and creates nothing', async (_label, over, field) => {
    const result = await (await as(DOCTOR))(CREATE, { input: identity(NEW_RECORDS[2], over) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(
      await graph.stores.patient.query('SELECT 1 FROM patient WHERE ins = ANY($1::text[])', [
        [NEW_RECORDS[2], '293066912345604'],
      ]),
    ).toEqual([]);
  });

  it.each(['samu:13', 'analyst:cnam', 'org:insurer', 'ops:w-ops', 'heir:w-heir', 'am:alim'])(
    '%s creates no DMP',
    async (actor) => {
      expect(errorCode(await (await as(actor))(CREATE, { input: identity(NEW_RECORDS[2]) }))).toBe('FORBIDDEN');
    },
  );

  it("closure: nobody reads, nothing is deposited; reopening by a professional at the patient's request restores it whole", async () => {
    expect(
      errorCode(
        await (
          await as(DOCTOR)
        )(
          gql`
            mutation ($ins: String!) {
              closeRecord(ins: $ins) {
                status
              }
            }
          `,
          { ins: ADULT },
        ),
      ),
    ).toBe('FORBIDDEN');
    const closed = await (
      await as(`patient:${ADULT}`)
    )(
      gql`
        mutation ($ins: String!) {
          closeRecord(ins: $ins) {
            status
            closedAt
          }
        }
      `,
      { ins: ADULT },
    );
    expect(closed.data.closeRecord.status).toBe('CLOSED');
    for (const reader of [DOCTOR, `patient:${ADULT}`, 'samu:13'])
      expect([reader, errorCode(await (await as(reader))(REPORTS, { ins: ADULT }))]).toEqual([reader, 'NOT_FOUND']);
    const deposit = await (
      await as(DOCTOR)
    )(
      gql`
        mutation ($input: HospitalReportDeposit!) {
          depositHospitalReport(input: $input) {
            documentId
          }
        }
      `,
      {
        input: {
          ins: ADULT,
          idempotencyKey: 'after-close',
          typeCode: '11490-0',
          title: 'Lettre',
          effectiveAt: new Date().toISOString(),
        },
      },
    );
    expect(errorCode(deposit)).toBe('FORBIDDEN');
    expect(
      errorCode(
        await (
          await as('samu:13')
        )(
          gql`
            mutation ($ins: String!) {
              reopenRecord(ins: $ins) {
                status
              }
            }
          `,
          { ins: ADULT },
        ),
      ),
    ).toBe('FORBIDDEN');
    const reopened = await (
      await as(DOCTOR)
    )(
      gql`
        mutation ($ins: String!) {
          reopenRecord(ins: $ins) {
            status
            closedAt
          }
        }
      `,
      { ins: ADULT },
    );
    expect(reopened.data.reopenRecord).toEqual({ status: 'ACTIVE', closedAt: null });
    const read = await (await as(DOCTOR))(REPORTS, { ins: ADULT });
    expect(read.data.patient.hospitalReports.nodes.map((n: any) => n.id)).toEqual(['a-h1']);
  });

  it('deletion erases every row about the patient from every store; only the trace of the deletion remains', async () => {
    await (
      await as(DOCTOR)
    )(REPORTS, { ins: TO_DELETE });
    const before = await everywhere(TO_DELETE);
    expect(Object.keys(before).sort()).toEqual([
      'audit',
      'hospital',
      'oncology',
      'patient',
      'personal-space',
      'pharmacy',
      'reimbursement',
    ]);
    // The chain names the patient by a pseudonym under their own key, never by INS.
    const [{ key }] = await graph.auditStore.query<{ key: string }>('SELECT key FROM patient_key WHERE ins = $1', [
      TO_DELETE,
    ]);
    const name = pseudonym(key, TO_DELETE);
    const earlier = await graph.auditStore.query('SELECT seq FROM access_trace WHERE patient_ref = $1', [name]);
    expect(earlier.length).toBeGreaterThan(0);
    expect(before.audit.access_trace).toBeUndefined();
    const keptHead = (await verifyChain(graph.auditStore)).head;
    // The patient's credential comes from their identity provider, not from the record: it outlives the deletion.
    const patient = await as(`patient:${TO_DELETE}`);
    const deleted = await patient(
      gql`
        mutation ($ins: String!) {
          deleteRecord(ins: $ins) {
            ins
            status
            pendingPurges
          }
        }
      `,
      { ins: TO_DELETE },
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteRecord).toEqual({ ins: TO_DELETE, status: 'DELETED', pendingPurges: [] });
    // Seed 002: « Seule la trace de cette destruction est conservée ». The INS, the traits and the key are
    // nowhere but in the traces of the deletion; the earlier traces stay in the chain, under a pseudonym
    // nothing can lead to any more.
    const traces = await graph.auditStore.query<{ action: string; source: string }>(
      `SELECT DISTINCT action, source FROM access_trace WHERE patient_ref = $1 ORDER BY action, source`,
      [TO_DELETE],
    );
    expect(traces).toEqual([
      { action: 'delete', source: 'patient' },
      ...['hospital', 'oncology', 'patient', 'personal-space', 'pharmacy', 'reimbursement'].map((source) => ({
        action: 'purge',
        source,
      })),
    ]);
    const deletionTraces = await graph.auditStore.query('SELECT 1 FROM access_trace WHERE patient_ref = $1', [
      TO_DELETE,
    ]);
    expect(await everywhere(TO_DELETE)).toEqual({ audit: { access_trace: deletionTraces.length } });
    for (const trait of [key, 'Roux', '1958-05-20']) expect(await everywhere(trait)).toEqual({});
    expect(await graph.auditStore.query('SELECT seq FROM access_trace WHERE patient_ref = $1', [name])).toEqual(
      earlier,
    );
    // The chain still verifies, and a head exported before the deletion still matches.
    const report = await verifyChain(graph.auditStore, keptHead);
    expect(report.problem).toBeNull();
    expect(errorCode(await patient(REPORTS, { ins: TO_DELETE }))).toBe('NOT_FOUND');
    expect(errorCode(await (await as(DOCTOR))(REPORTS, { ins: TO_DELETE }))).toBe('NOT_FOUND');
  });

  it('a source unreachable during a deletion stays pending, unreadable, until operations resume it', async () => {
    const pharmacy = graph.subgraphUrls.pharmacy;
    graph.subgraphUrls.pharmacy = 'http://127.0.0.1:9/graphql';
    try {
      const deleted = await (
        await as(`patient:${CLOSED}`)
      )(
        gql`
          mutation ($ins: String!) {
            deleteRecord(ins: $ins) {
              status
              pendingPurges
            }
          }
        `,
        { ins: CLOSED },
      );
      expect(deleted.data.deleteRecord).toEqual({ status: 'DELETED', pendingPurges: ['pharmacy'] });
      expect(errorCode(await (await as(DOCTOR))(REPORTS, { ins: CLOSED }))).toBe('NOT_FOUND');
    } finally {
      graph.subgraphUrls.pharmacy = pharmacy;
    }
    expect(
      errorCode(
        await (
          await as(`patient:${ADULT}`)
        )(gql`
          mutation {
            resumeDeletions {
              records {
                ins
              }
            }
          }
        `),
      ),
    ).toBe('FORBIDDEN');
    const resumed = await (
      await as('ops:w-ops')
    )(gql`
      mutation {
        resumeDeletions {
          records {
            ins
            status
            pendingPurges
          }
        }
      }
    `);
    expect(resumed.data.resumeDeletions.records).toEqual([{ ins: CLOSED, status: 'DELETED', pendingPurges: [] }]);
    const [{ n }] = await graph.auditStore.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM access_trace WHERE patient_ref = $1 AND action IN ('delete', 'purge')`,
      [CLOSED],
    );
    expect(await everywhere(CLOSED)).toEqual({ audit: { access_trace: n } });
  });

  it('death closes the record; operations register an heir, who reads only what heirs need', async () => {
    expect(
      errorCode(
        await (
          await as('ps:40000000004')
        )(
          gql`
            mutation ($ins: String!) {
              declareDeath(ins: $ins, deceasedOn: "2026-11-01") {
                status
              }
            }
          `,
          { ins: ADULT },
        ),
      ),
    ).toBe('FORBIDDEN');
    const declared = await (
      await as(DOCTOR)
    )(
      gql`
        mutation ($ins: String!, $on: LocalDate!) {
          declareDeath(ins: $ins, deceasedOn: $on) {
            status
          }
        }
      `,
      { ins: DYING, on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
    );
    expect(declared.data.declareDeath.status).toBe('CLOSED');
    expect(errorCode(await (await as(DOCTOR))(REPORTS, { ins: DYING }))).toBe('NOT_FOUND');
    expect(errorCode(await (await as('heir:w-heir'))(REPORTS, { ins: DYING }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await (
          await as('ops:w-ops')
        )(
          gql`
            mutation ($ins: String!) {
              registerHeir(ins: $ins, accountId: "heir:w-heir", relation: AYANT_DROIT) {
                status
              }
            }
          `,
          { ins: ADULT },
        ),
      ),
    ).toBe('FORBIDDEN');
    const registered = await (
      await as('ops:w-ops')
    )(
      gql`
        mutation ($ins: String!) {
          registerHeir(ins: $ins, accountId: "heir:w-heir", relation: AYANT_DROIT) {
            status
          }
        }
      `,
      { ins: DYING },
    );
    expect(registered.errors).toBeUndefined();
    const read = await (await as('heir:w-heir'))(REPORTS, { ins: DYING });
    expect(read.data.patient.hospitalReports.nodes.map((n: any) => n.id)).toEqual(['z-stay']);
    expect(read.data.patient.dmp.status).toBe('CLOSED');
  });

  it('heirs read the reports heirs need and nothing else, and nothing when the patient objected or is alive', async () => {
    const heir = await as('heir:w-heir');
    const read = await heir(REPORTS, { ins: DECEASED });
    expect(read.data.patient.hospitalReports.nodes.map((n: any) => n.id)).toEqual(['d-stay']);
    const careTeam = await heir(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            careTeam {
              kind
            }
            accessTraces {
              totalCount
            }
          }
        }
      `,
      { ins: DECEASED },
    );
    expect(careTeam.errors?.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(errorCode(await heir(REPORTS, { ins: OBJECTED }))).toBe('NOT_FOUND');
    expect(errorCode(await heir(REPORTS, { ins: ADULT }))).toBe('NOT_FOUND');
  });

  it("the patient objects to their heirs' access while alive; nobody else sets it", async () => {
    expect(
      errorCode(
        await (
          await as(DOCTOR)
        )(
          gql`
            mutation ($ins: String!) {
              setHeirsObjection(ins: $ins, objects: true) {
                status
              }
            }
          `,
          { ins: ADULT },
        ),
      ),
    ).toBe('FORBIDDEN');
    const set = await (
      await as(`patient:${ADULT}`)
    )(
      gql`
        mutation ($ins: String!) {
          setHeirsObjection(ins: $ins, objects: true) {
            status
          }
        }
      `,
      { ins: ADULT },
    );
    expect(set.errors).toBeUndefined();
    const [row] = await graph.stores.patient.query<{ heirs_objection: boolean }>(
      'SELECT heirs_objection FROM patient WHERE ins = $1',
      [ADULT],
    );
    expect(row.heirs_objection).toBe(true);
  });
});
