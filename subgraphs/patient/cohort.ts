import { callPeer } from '../kit/peer-call';
import { AGGREGATING_SOURCE_NAMES } from '../../domain/sources';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { type CohortChange } from '../../policy/analytics/analytics-grant';
import { signCohortChanges } from '../kit/registry-tokens';
import { localDate } from '../kit/documents/document-repo';

/** The sources that aggregate events and hold a projection of the consenting cohort (domain/sources.ts). */
export const ANALYTICS_SOURCES = AGGREGATING_SOURCE_NAMES;

/**
 * Queues, in the caller's transaction, what every source must now know of this patient for aggregates: their
 * projection if they consent and their record is active, otherwise nothing (they leave the cohort).
 */
export async function queueCohortChange(tx: SqlExecutor, ins: string): Promise<void> {
  const [row] = await tx.query<{
    birth_date: unknown;
    sex: 'F' | 'M';
    residence_departement: string | null;
    residence_region: string | null;
    secondary_use: boolean;
    dmp_status: string;
  }>(
    'SELECT birth_date, sex, residence_departement, residence_region, secondary_use, dmp_status FROM patient WHERE ins = $1',
    [ins],
  );
  const subject =
    row && row.secondary_use && row.dmp_status === 'ACTIVE' && row.residence_departement && row.residence_region
      ? {
          birthYear: Number(localDate(row.birth_date)!.slice(0, 4)),
          sex: row.sex,
          departement: row.residence_departement,
          region: row.residence_region,
        }
      : null;
  await tx.query(
    `INSERT INTO cohort_outbox (patient_ins, source, subject, queued_at) SELECT $1, s, $2::jsonb, clock_timestamp() FROM unnest($3::text[]) AS s
     ON CONFLICT (patient_ins, source) DO UPDATE SET subject = EXCLUDED.subject, queued_at = EXCLUDED.queued_at`,
    [ins, subject ? JSON.stringify(subject) : null, ANALYTICS_SOURCES],
  );
}

/**
 * Sends the queued changes to each source, within the request. What a source confirmed leaves the queue;
 * what it did not stays, and every analytics grant tells that source to leave those patients out meanwhile.
 */
export async function pushCohort(ctx: SubgraphContext): Promise<void> {
  const sign = ctx.deps.grantKeys.sign;
  if (!sign) return;
  const queued = await ctx.deps.store.query<{
    patient_ins: string;
    source: string;
    subject: CohortChange['subject'];
    queued_at: Date;
  }>('SELECT patient_ins, source, subject, queued_at FROM cohort_outbox ORDER BY queued_at LIMIT 2000');
  const bySource = new Map<string, typeof queued>();
  for (const row of queued) bySource.set(row.source, [...(bySource.get(row.source) ?? []), row]);
  await Promise.all(
    [...bySource].map(async ([source, rows]) => {
      try {
        const changes = await signCohortChanges(
          sign,
          source,
          rows.map((r) => ({ ins: r.patient_ins, subject: r.subject })),
        );
        await callPeer(
          ctx,
          source as never,
          'mutation Sync($changes: String!) { syncAnalyticsSubjects(changes: $changes) }',
          { changes },
        );
        // Only what was sent: a change queued meanwhile has a later instant and stays.
        await ctx.deps.store.query(
          'DELETE FROM cohort_outbox c USING unnest($2::text[], $3::timestamptz[]) AS sent(ins, at) WHERE c.source = $1 AND c.patient_ins = sent.ins AND c.queued_at = sent.at',
          [source, rows.map((r) => r.patient_ins), rows.map((r) => r.queued_at)],
        );
      } catch {
        // Stays queued; the grant excludes these patients at this source until it confirms.
      }
    }),
  );
}

/** Patients each source has not yet heard about, to leave out of its aggregates. */
export async function pendingBySource(store: SqlExecutor): Promise<Record<string, string[]>> {
  const rows = await store.query<{ source: string; ins: string[] }>(
    'SELECT source, array_agg(patient_ins) AS ins FROM cohort_outbox GROUP BY source',
  );
  return Object.fromEntries(rows.map((r) => [r.source, r.ins]));
}
