import type Redis from 'ioredis';
import { hostname } from 'node:os';
import type { SqlStore } from '../runtime/store/sql-store';
import { logger } from '../runtime/logger';
import { MANDATORY_NOTIFICATION_KINDS, type NotificationKind } from '../domain/notification-kinds';
import { mutedReadersSql } from './notification-preferences';

export interface Notification {
  id: string;
  patientIns: string;
  kind: NotificationKind;
  actorId: string | null;
  actorKind: string | null;
  actorProfession: string | null;
  mode: string | null;
  at: Date;
  /**
   * The readers of the patient's side (actor ids: the patient, a legal representative) who turned this kind off
   * (audit/notification-preferences.ts), read from the store when the row was claimed, never from a client: the
   * channel delivers it to every other reader and to these none. Empty for a kind the law requires.
   */
  mutedFor: string[];
}

/**
 * Delivers a notification to the patient's side (mail, push…): to each reader of the record but those in
 * `mutedFor`. Must be idempotent on `id`: it is the delivery key (a sender that fans out per device derives its
 * own keys from it, docs/notifications.md). `signal` aborts it when the notifier stops: the notification is then
 * sent again later.
 */
export interface NotificationSender {
  send(notification: Notification, signal?: AbortSignal): Promise<void>;
}

/** Writes a line per notification: its id and kind, never who the patient is. */
export function createLogSender(): NotificationSender {
  return {
    send: async (n) => {
      logger.info({ notification: n.id, kind: n.kind }, 'notification delivered');
    },
  };
}

/** How long one webhook call may take before it is given up and the notification retried. */
export const WEBHOOK_TIMEOUT_MS = 5000;

/** POSTs each notification as JSON (`mutedFor` included), with its id as the Idempotency-Key. */
export function createWebhookSender(options: { url: string; timeoutMs?: number }): NotificationSender {
  return {
    async send(n, signal) {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': n.id },
        body: JSON.stringify(n),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
  };
}

export interface NotifierOptions {
  store: SqlStore;
  redis: Redis;
  sender: NotificationSender;
  /** @default dmp:notifications */
  stream?: string;
  /** @default senders */
  group?: string;
  /** A row relayed this long ago and still undelivered is relayed again (Redis may have lost it). @default 30000 */
  relayAgainAfterMs?: number;
  /** Pause between rounds when idle or failing. @default 500 */
  pollMs?: number;
  /**
   * A delivery claimed this long ago and not confirmed (the process died while sending) is claimed again.
   * Longer than a send may take; no longer than the stream's idle time before another consumer takes an entry.
   * @default 60000
   */
  claimExpiresAfterMs?: number;
  /** Names this consumer in the stream's group. @default <host>-<pid> */
  consumer?: string;
  /** Called after each round that completed and after each delivery: a sign of life (the process's heartbeat). */
  onProgress?: () => void;
}

interface OutboxRow {
  id: string;
  patient_ins: string;
  kind: Notification['kind'];
  actor_id: string | null;
  actor_kind: string | null;
  actor_profession: string | null;
  mode: string | null;
  at: Date;
  muted_for: string[];
}

/**
 * Outbox → Redis stream → consumer group → sender. Nothing is lost: a row is done only when delivered, and
 * rows Redis dropped are relayed again. Nothing is doubled: delivery first claims the row in the database,
 * so a notification relayed twice is sent once.
 */
export function createNotifier(options: NotifierOptions) {
  const { store, redis, sender } = options;
  const stream = options.stream ?? 'dmp:notifications';
  const group = options.group ?? 'senders';
  const consumer = options.consumer ?? `${hostname()}-${process.pid}`;
  const relayAgainAfterMs = options.relayAgainAfterMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  const claimExpiresAfterMs = options.claimExpiresAfterMs ?? 60_000;
  let running = false;
  let loop: Promise<void> | null = null;
  // Aborted at stop's deadline: sends in flight end, their claims are released, the loop returns.
  let stopping = new AbortController();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  async function relayOnce(): Promise<number> {
    const rows = await store.query<{ id: string }>(
      `SELECT id FROM notification_outbox WHERE delivered_at IS NULL
         AND (relayed_at IS NULL OR relayed_at < now() - $1 * interval '1 millisecond') ORDER BY id LIMIT 200`,
      [relayAgainAfterMs],
    );
    if (rows.length === 0) return 0;
    const pipeline = redis.pipeline();
    for (const row of rows) pipeline.xadd(stream, '*', 'id', String(row.id));
    const results = await pipeline.exec();
    if (!results || results.some(([error]) => error)) throw new Error('relay to the notification stream failed');
    await store.query('UPDATE notification_outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])', [
      rows.map((r) => r.id),
    ]);
    return rows.length;
  }

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  async function deliver(entryId: string, notificationId: string): Promise<void> {
    // Claimed, not delivered: a claim is done only when the sender confirms, and expires if it never does.
    // Whom it must not reach is read in the same statement, from the readers' stored preferences.
    const [row] = await store.query<OutboxRow>(
      `UPDATE notification_outbox SET claimed_at = now()
        WHERE id = $1 AND delivered_at IS NULL
          AND (claimed_at IS NULL OR claimed_at < now() - $2 * interval '1 millisecond')
        RETURNING *, ${mutedReadersSql('notification_outbox', '$3')} AS muted_for`,
      [notificationId, claimExpiresAfterMs, MANDATORY_NOTIFICATION_KINDS],
    );
    if (row) {
      try {
        await sender.send(
          {
            id: String(row.id),
            patientIns: row.patient_ins,
            kind: row.kind,
            actorId: row.actor_id,
            actorKind: row.actor_kind,
            actorProfession: row.actor_profession,
            mode: row.mode,
            at: row.at,
            mutedFor: row.muted_for,
          },
          stopping.signal,
        );
      } catch (error) {
        // Not delivered: release the claim and leave the entry pending, to be tried again.
        await store.query('UPDATE notification_outbox SET claimed_at = NULL WHERE id = $1', [notificationId]);
        throw error;
      }
      await store.query('UPDATE notification_outbox SET delivered_at = now() WHERE id = $1', [notificationId]);
      options.onProgress?.();
    }
    await redis.xack(stream, group, entryId);
  }

  /**
   * At stop, what this consumer read and did not deliver goes back to the outbox, to be relayed at once by
   * whoever runs next: left pending under this consumer's name, which a new process does not bear (another
   * pid, another host), it would wait for the row's relay again (`relayAgainAfterMs`) or the entry's idle
   * time (`claimExpiresAfterMs`). The row first, then the entry: failing in between leaves both, never neither.
   */
  async function handBack(): Promise<void> {
    const own = (await redis.xreadgroup('GROUP', group, consumer, 'COUNT', 1000, 'STREAMS', stream, '0')) as
      [string, [string, string[] | null][]][] | null;
    const entries = own?.[0]?.[1] ?? [];
    if (entries.length === 0) return;
    const ids = entries.flatMap(([, fields]) => (fields?.length ? [fields[fields.indexOf('id') + 1]] : []));
    await store.query(
      'UPDATE notification_outbox SET relayed_at = NULL WHERE delivered_at IS NULL AND id = ANY($1::bigint[])',
      [ids],
    );
    await redis.xack(stream, group, ...entries.map(([entryId]) => entryId));
  }

  async function deliverOnce(blockMs: number): Promise<number> {
    await ensureGroup();
    // Entries this consumer read but did not acknowledge come first, then entries idle elsewhere, then new ones.
    const own = (await redis.xreadgroup('GROUP', group, consumer, 'COUNT', 100, 'STREAMS', stream, '0')) as
      [string, [string, string[]][]][] | null;
    const claimed = (await redis.xautoclaim(stream, group, consumer, claimExpiresAfterMs, '0', 'COUNT', 100)) as [
      string,
      [string, string[]][],
    ];
    let entries = [...(own?.[0]?.[1] ?? []), ...(claimed?.[1] ?? [])].filter(
      ([, fields]) => fields && fields.length > 0,
    );
    if (entries.length === 0) {
      const fresh = (await redis.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        100,
        'BLOCK',
        blockMs,
        'STREAMS',
        stream,
        '>',
      )) as [string, [string, string[]][]][] | null;
      entries = fresh?.[0]?.[1] ?? [];
    }
    for (const [entryId, fields] of entries) {
      if (!running && loop) break;
      await deliver(entryId, fields[fields.indexOf('id') + 1]);
    }
    return entries.length;
  }

  return {
    relayOnce,
    deliverOnce,
    /** Runs relay and delivery until stop(); Redis or sender failures are retried after a pause. */
    start() {
      if (running) return;
      running = true;
      stopping = new AbortController();
      loop = (async () => {
        while (running) {
          try {
            const relayed = await relayOnce();
            const delivered = await deliverOnce(Math.min(pollMs, 200));
            options.onProgress?.();
            if (relayed === 0 && delivered === 0) await pause(pollMs);
          } catch {
            await pause(pollMs);
          }
        }
      })();
    },
    /**
     * Stops the loop: no new round, no next notification of this round. A send still in flight after
     * `graceMs` is aborted; its notification stays undelivered, handed back to be sent again by whoever runs
     * next. With Redis or the store away the hand-back is skipped: the notification then waits for its relay
     * again or its entry's idle time, as after a crash.
     */
    async stop(graceMs = 5000) {
      running = false;
      if (!loop) return;
      const deadline = setTimeout(() => stopping.abort(), graceMs);
      await loop;
      clearTimeout(deadline);
      loop = null;
      await handBack().catch((error: unknown) => {
        // No group yet: it never read, so it holds nothing.
        if (String((error as Error).message).includes('NOGROUP')) return;
        logger.warn(
          { err: { message: (error as Error).message } },
          'what this notifier held at stop, if anything, waits to be relayed again',
        );
      });
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
