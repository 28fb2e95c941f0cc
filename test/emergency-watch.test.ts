import { gql } from 'graphql-request';
import { scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis, redisFailures } from './support/private-redis';
import { eventually } from './support/eventually';

const ADULT = '284077511612365';
const DECLARE = gql`
  mutation ($ins: String!) {
    declareEmergency(ins: $ins, justification: "Patiente inconsciente aux urgences, suspicion de surdosage") {
      expiresAt
    }
  }
`;
const WATCH = gql`
  {
    emergencyAccessWatch {
      rpps
      declarations
      windowMinutes
    }
  }
`;

describe('emergency-access watch', () => {
  let graph: TestGraph;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  beforeAll(async () => {
    redis = await privateRedis();
    graph = await startTestGraphWith(
      { redisUrl: redis.url, emergencyWatch: { limit: 3, windowMinutes: 60 } },
      scenarioFile('visibility.json'),
    );
  });
  afterAll(async () => {
    await graph?.stop();
    await redis?.kill();
  });

  it('flags a professional past the limit in the window, without refusing any of their emergencies', async () => {
    const doctor = await graph.client('ps:30000000006');
    for (let i = 0; i < 3; i++) expect((await doctor.rawRequest<any>(DECLARE, { ins: ADULT })).errors).toBeUndefined();
    const operator = await graph.client('ops:watch');
    expect((await operator.rawRequest<any>(WATCH)).data.emergencyAccessWatch).toEqual([]);
    const fourth = await doctor.rawRequest<any>(DECLARE, { ins: ADULT });
    expect(fourth.errors).toBeUndefined();
    expect(fourth.data.declareEmergency.expiresAt).toBeTruthy();
    expect((await operator.rawRequest<any>(WATCH)).data.emergencyAccessWatch).toEqual([
      { rpps: '30000000006', declarations: 4, windowMinutes: 60 },
    ]);
  });

  it('shows the watch to operators only, and operators no patient', async () => {
    for (const actor of ['ps:30000000001', 'samu:13', `patient:${ADULT}`, 'analyst:cnam']) {
      const result = await (await graph.client(actor)).rawRequest<any>(WATCH);
      expect({ actor, code: result.errors?.[0].extensions.code }).toEqual({ actor, code: 'FORBIDDEN' });
    }
    const record = await (
      await graph.client('ops:watch')
    ).rawRequest<any>(
      gql`
        query ($ins: String!) {
          patient(ins: $ins) {
            ins
          }
        }
      `,
      { ins: ADULT },
    );
    expect(record.data.patient).toBeNull();
  });

  it.each(redisFailures(() => redis))(
    'never blocks care when Redis is %s: the declaration stands, the watch says it is unavailable, then recovers',
    async (_case, fail, recover) => {
      await fail();
      try {
        const started = Date.now();
        const declared = await (await graph.client('ps:30000000006')).rawRequest<any>(DECLARE, { ins: ADULT });
        expect(declared.errors).toBeUndefined();
        expect(Date.now() - started).toBeLessThan(3000);
        const watch = await (await graph.client('ops:watch')).rawRequest<any>(WATCH);
        expect(watch.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await recover();
      }
      // Reconnection backs off to at most 2 s between attempts: the watch answers again by itself.
      await eventually(async () =>
        expect((await (await graph.client('ops:watch')).rawRequest<any>(WATCH)).errors).toBeUndefined(),
      );
    },
  );
});
