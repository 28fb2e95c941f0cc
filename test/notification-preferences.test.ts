import { createServer, type Server } from 'node:http';
import { gql } from 'graphql-request';
import { createRedis } from '../runtime/redis';
import { createNotifier, createWebhookSender } from '../audit/notifier';
import { NOTIFICATION_KINDS } from '../domain/notification-kinds';
import { errorCode, scenarioFile, startTestGraphWith, type TestGraph } from './support/test-graph';
import { privateRedis } from './support/private-redis';
import { eventually } from './support/eventually';

/**
 * Notification preferences (issue 18, item 7): each reader of a record's notifications, the patient or one of
 * their legal representatives, turns a kind's delivery off or on again for themselves. Through the gateway, and
 * through the notifier to a test webhook: a kind turned off stays in the inbox and reaches the webhook with that
 * reader muted; turned on again, it reaches them; a kind the law requires cannot be turned off.
 */
const ADULT = '284077511612365'; // writes.json: an adult, DOCTOR in their care team
const MINOR = '115036912304567'; // writes.json: born 2015, represented by rep:w-parent
const DOCTOR = 'ps:40000000001';
const ESTABLISHMENT = 'etab:130786049';
const PARENT = 'rep:w-parent';
const SECOND_PARENT = 'rep:np-second-parent';
const ACCOUNTS = {
  version: 1,
  accounts: [
    { id: SECOND_PARENT, kind: 'representative', displayName: 'Second parent' },
    { id: 'ops:np', kind: 'operator', displayName: 'Operations' },
  ],
};
const MANDATORY = ['DMP_CREATED', 'FIRST_ACCESS', 'EMERGENCY_ACCESS'];

const PREFERENCES = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      notificationPreferences {
        kind
        label
        enabled
        mayTurnOff
        basis
      }
    }
  }
`;
const SET = gql`
  mutation ($ins: String!, $kind: NotificationKind!, $enabled: Boolean!) {
    setNotificationPreference(ins: $ins, kind: $kind, enabled: $enabled) {
      kind
      enabled
    }
  }
`;
const INBOX = gql`
  query ($ins: String!) {
    patient(ins: $ins) {
      notifications(first: 100) {
        nodes {
          id
          kind
        }
      }
    }
  }
`;
const DEPOSIT = gql`
  mutation ($input: HospitalReportDeposit!) {
    depositHospitalReport(input: $input) {
      documentId
    }
  }
`;
const ADD_REPRESENTATIVE = gql`
  mutation ($ins: String!, $input: LegalRepresentativeInput!) {
    addLegalRepresentative(ins: $ins, input: $input) {
      accountId
    }
  }
`;

const report = (ins: string) => ({
  ins,
  idempotencyKey: `np-${Math.random().toString(36).slice(2)}`,
  typeCode: '11490-0',
  title: 'Lettre de liaison de sortie',
  effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
  stayStart: '2026-11-01',
  stayEnd: '2026-11-05',
  careUnit: 'Cardiologie',
  summary: 'Sortie à domicile.',
  author: { rpps: '40000000002', name: 'Dr Sophie Onco', professionCode: '10', specialtyCode: 'SM36' },
});

/** A webhook that answers 200 and keeps what it was sent, by notification id. */
async function recordingWebhook() {
  const received = new Map<string, { kind: string; mutedFor: string[] }>();
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text);
      received.set(String(body.id), { kind: body.kind, mutedFor: body.mutedFor });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/notify`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('notification preferences, per reader, through the gateway and the notifier', () => {
  let graph: TestGraph;
  let redis: Awaited<ReturnType<typeof privateRedis>>;
  let webhook: Awaited<ReturnType<typeof recordingWebhook>>;
  let notifier: ReturnType<typeof createNotifier>;
  let client: ReturnType<typeof createRedis>;
  beforeAll(async () => {
    graph = await startTestGraphWith({}, scenarioFile('writes.json'), ACCOUNTS);
    redis = await privateRedis();
    client = createRedis(redis.url);
    webhook = await recordingWebhook();
    notifier = createNotifier({
      store: graph.auditStore,
      redis: client,
      sender: createWebhookSender({ url: webhook.url }),
      pollMs: 50,
    });
    notifier.start();
    // The second parent, registered by operations from the livret de famille (docs/law.md §3): the minor now has
    // two readers besides themselves.
    const added = await (
      await graph.as('ops:np')
    )(ADD_REPRESENTATIVE, {
      ins: MINOR,
      input: { accountId: SECOND_PARENT, relation: 'Père', basis: 'Livret de famille n° 2015-114' },
    });
    expect(added.errors).toBeUndefined();
  });
  afterAll(async () => {
    await notifier?.stop();
    client?.disconnect();
    await redis?.kill();
    await webhook?.close();
    await graph?.stop();
  });

  const preferencesOf = async (actor: string, ins: string) => {
    const { data, errors } = await (await graph.as(actor))(PREFERENCES, { ins });
    expect(errors).toBeUndefined();
    return data.patient.notificationPreferences as { kind: string; enabled: boolean; mayTurnOff: boolean }[];
  };
  const enabledOf = async (actor: string, ins: string, kind: string) =>
    (await preferencesOf(actor, ins)).find((p) => p.kind === kind)!.enabled;
  const set = async (actor: string, ins: string, kind: string, enabled: boolean) =>
    (await graph.as(actor))(SET, { ins, kind, enabled });
  /** A new document for `ins` (the patient's side is notified), and what the webhook received for it. */
  const depositAndDeliver = async (ins: string) => {
    const { data, errors } = await (
      await graph.as(ins === ADULT ? DOCTOR : ESTABLISHMENT)
    )(DEPOSIT, {
      input: ins === ADULT ? { ...report(ins), author: undefined } : report(ins),
    });
    expect(errors).toBeUndefined();
    const [row] = await graph.auditStore.query<{ id: string }>(
      `SELECT id::text FROM notification_outbox WHERE patient_ins = $1 AND kind = 'NEW_DOCUMENT' AND subject LIKE '%:' || $2`,
      [ins, data.depositHospitalReport.documentId],
    );
    expect(row).toBeDefined();
    await eventually(async () => expect(webhook.received.has(row.id)).toBe(true), 15_000);
    return { id: row.id, sent: webhook.received.get(row.id)! };
  };
  const inboxOf = async (actor: string, ins: string) => {
    const { data, errors } = await (await graph.as(actor))(INBOX, { ins });
    expect(errors).toBeUndefined();
    return (data.patient.notifications.nodes as { id: string }[]).map((n) => n.id);
  };

  it.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', PARENT, MINOR],
  ])('%s reads every kind of the one list, on, with what the law lets them turn off', async (_who, actor, ins) => {
    const preferences = await preferencesOf(actor, ins);
    expect(preferences.map((p) => p.kind)).toEqual(NOTIFICATION_KINDS.map((k) => k.code));
    expect(preferences.every((p) => p.enabled)).toBe(true);
    expect(preferences.filter((p) => !p.mayTurnOff).map((p) => p.kind)).toEqual(MANDATORY);
  });

  it('a professional reads no preference and sets none', async () => {
    const read = await (await graph.as(DOCTOR))(PREFERENCES, { ins: ADULT });
    expect(read.data.patient.notificationPreferences).toBeNull();
    expect(errorCode(read)).toBe('FORBIDDEN');
    expect(errorCode(await set(DOCTOR, ADULT, 'NEW_DOCUMENT', false))).toBe('FORBIDDEN');
    // A representative of another record: the record is unknown to them, as one that does not exist.
    expect(errorCode(await set(PARENT, ADULT, 'NEW_DOCUMENT', false))).toBe('NOT_FOUND');
    expect(await enabledOf(`patient:${ADULT}`, ADULT, 'NEW_DOCUMENT')).toBe(true);
  });

  it('a kind turned off stays in the inbox but the webhook is told not to reach that reader; on again, it is', async () => {
    const patient = `patient:${ADULT}`;
    const off = await set(patient, ADULT, 'NEW_DOCUMENT', false);
    expect(off.errors).toBeUndefined();
    expect(off.data.setNotificationPreference).toContainEqual({ kind: 'NEW_DOCUMENT', enabled: false });
    const muted = await depositAndDeliver(ADULT);
    expect(muted.sent).toEqual({ kind: 'NEW_DOCUMENT', mutedFor: [patient] });
    expect(await inboxOf(patient, ADULT)).toContain(muted.id);

    const on = await set(patient, ADULT, 'NEW_DOCUMENT', true);
    expect(on.data.setNotificationPreference).toContainEqual({ kind: 'NEW_DOCUMENT', enabled: true });
    const sent = await depositAndDeliver(ADULT);
    expect(sent.sent).toEqual({ kind: 'NEW_DOCUMENT', mutedFor: [] });
    expect(await inboxOf(patient, ADULT)).toEqual(expect.arrayContaining([muted.id, sent.id]));
  });

  it("two representatives' choices are their own: one parent's off leaves the other's on", async () => {
    expect((await set(PARENT, MINOR, 'NEW_DOCUMENT', false)).errors).toBeUndefined();
    expect(await enabledOf(PARENT, MINOR, 'NEW_DOCUMENT')).toBe(false);
    expect(await enabledOf(SECOND_PARENT, MINOR, 'NEW_DOCUMENT')).toBe(true);
    expect(await enabledOf(`patient:${MINOR}`, MINOR, 'NEW_DOCUMENT')).toBe(true);
    const { id, sent } = await depositAndDeliver(MINOR);
    expect(sent.mutedFor).toEqual([PARENT]);
    // Both parents keep it in their inbox.
    expect(await inboxOf(PARENT, MINOR)).toContain(id);
    expect(await inboxOf(SECOND_PARENT, MINOR)).toContain(id);
    // The second parent's own choice, later, mutes them too, and leaves the first's as it was.
    expect((await set(SECOND_PARENT, MINOR, 'NEW_DOCUMENT', false)).errors).toBeUndefined();
    expect((await depositAndDeliver(MINOR)).sent.mutedFor).toEqual([PARENT, SECOND_PARENT].sort());
    expect((await set(PARENT, MINOR, 'NEW_DOCUMENT', true)).errors).toBeUndefined();
    expect((await depositAndDeliver(MINOR)).sent.mutedFor).toEqual([SECOND_PARENT]);
  });

  describe.each([
    ['the patient', `patient:${ADULT}`, ADULT],
    ['a legal representative', PARENT, MINOR],
  ])('%s cannot turn off what the law requires', (_who, actor, ins) => {
    it.each(MANDATORY)('%s: BAD_USER_INPUT naming kind, nothing written', async (kind) => {
      const answer = await set(actor, ins, kind, false);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
      expect(answer.data?.setNotificationPreference ?? null).toBeNull();
      const rows = await graph.auditStore.query(
        'SELECT 1 FROM notification_preference WHERE patient_ins = $1 AND kind = $2 AND NOT enabled',
        [ins, kind],
      );
      expect(rows).toHaveLength(0);
      expect(await enabledOf(actor, ins, kind)).toBe(true);
    });
  });

  it('a stored "off" for a kind the law requires stops nothing: the notifier honours the list, not the row', async () => {
    // As if written before the kind became mandatory: the mutation refuses it, the notifier ignores it.
    await graph.auditStore.query(
      `INSERT INTO notification_preference (patient_ins, reader, kind, enabled, changed_at)
       VALUES ($1, $2, 'FIRST_ACCESS', false, now())`,
      [ADULT, `patient:${ADULT}`],
    );
    const [row] = await graph.auditStore.query<{ id: string }>(
      `INSERT INTO notification_outbox (patient_ins, kind, actor_id, actor_kind, request_id, at)
       VALUES ($1, 'FIRST_ACCESS', 'ps:40000000009', 'professional', 'np-mandatory', now()) RETURNING id::text`,
      [ADULT],
    );
    await eventually(async () => expect(webhook.received.has(row.id)).toBe(true), 15_000);
    expect(webhook.received.get(row.id)).toEqual({ kind: 'FIRST_ACCESS', mutedFor: [] });
    expect(await enabledOf(`patient:${ADULT}`, ADULT, 'FIRST_ACCESS')).toBe(true);
  });

  it('every change is traced as the reader who made it; bad input is refused before any lookup', async () => {
    // The chain names a patient actor under their pseudonym (audit/patient-keys.ts): their kind is enough here.
    const traced = await graph.auditStore.query<{ actor_id: string; actor_kind: string; outcome: string }>(
      `SELECT actor_id, actor_kind, outcome FROM access_trace WHERE action = 'set-notification-preference' ORDER BY seq`,
    );
    const who = (t: { actor_id: string; actor_kind: string }) => (t.actor_kind === 'patient' ? 'patient' : t.actor_id);
    expect(traced.map((t) => `${who(t)}:${t.outcome}`)).toEqual(
      expect.arrayContaining(['patient:allowed', `${PARENT}:allowed`, `${SECOND_PARENT}:allowed`, `${PARENT}:denied`]),
    );
    const bad = await set(`patient:${ADULT}`, '123', 'NEW_DOCUMENT', false);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ins' });
  });
});
