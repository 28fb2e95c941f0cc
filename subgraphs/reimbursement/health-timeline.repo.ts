import type { SqlStore } from '../../runtime/store/sql-store';
import type { HabilitationMatrix } from '../../policy/matrix';
import type { AccessGrant } from '../../policy/grant';
import { maskedCondition, secretCondition, visibleDocumentsCondition } from '../../policy/document-filter';
import type { DocumentRow } from '../kit/documents/document-repo';
import { groupByPatient } from '../kit/documents/rows-by-patient';
import { CARE_LINE_RETENTION } from './care-line.repo';
import { EPISODE_KINDS, episodeKindSql, type EpisodeKind } from './episode-kinds';
import { EPISODES_PER_GROUP } from './health-timeline.type';

/** One timeline request: whose lines the grant shows, which kinds, which page of days. */
export interface TimelineQuery {
  grant: AccessGrant;
  kinds: EpisodeKind[] | null;
  size: number;
  /** Days strictly before this one (`YYYY-MM-DD`, Paris), or from the newest. */
  beforeDay: string | null;
  now: Date;
}

/** One day as SQL grouped it: its kinds in their order, each with its count and its newest rows. */
export interface TimelineDayRow {
  patient_ins: string;
  day: string;
  episode_count: number;
  groups: { kind: EpisodeKind; count: number; episodes: DocumentRow[] }[];
}

const TABLE = '"care_line"';

/**
 * The timeline's reads. The lines it counts and groups are exactly the ones `careLines` lists: current
 * versions, what the grant lets its holder see (visibleDocumentsCondition), within the 24 months
 * (CARE_LINE_RETENTION), so a line hidden from the list is never counted, grouped or hinted at here. The
 * condition is the list's own (subgraphs/kit/documents/document-repo.ts), written again because that one is
 * private to the document kit.
 */
export function createTimelineRepo(store: SqlStore, matrix: HabilitationMatrix) {
  /** The visible lines of these patients, each with its kind, as a SELECT over `t`. */
  function visibleLines(insList: string[], query: Omit<TimelineQuery, 'size' | 'beforeDay'>, params: unknown[]) {
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [
      `t.patient_ins = ANY(${add(insList)}::text[])`,
      't.superseded_by IS NULL',
      visibleDocumentsCondition(query.grant, matrix, params, query.now, TABLE),
      CARE_LINE_RETENTION(query.now, add),
    ].join(' AND ');
    const masked = maskedCondition(query.grant, params, TABLE);
    const secret = secretCondition(query.grant, params, TABLE);
    const kind = episodeKindSql('t', add);
    const kinds = query.kinds?.length ? `WHERE episode_kind = ANY(${add(query.kinds)}::text[])` : '';
    return `SELECT * FROM (
        SELECT t.*, (${masked}) AS masked, (${secret}) AS secret, ${kind} AS episode_kind FROM ${TABLE} t WHERE ${where}
      ) lines ${kinds}`;
  }

  return {
    /**
     * Newest day first, size + 1 days per patient (so the caller knows whether more follow). The days, the
     * kinds within each day, the counts and the newest rows of each group are all made here, in SQL.
     */
    async days(insList: string[], query: TimelineQuery): Promise<Map<string, TimelineDayRow[]>> {
      const params: unknown[] = [];
      const add = (value: unknown) => `$${params.push(value)}`;
      const lines = visibleLines(insList, query, params);
      const before = query.beforeDay ? `WHERE event_day < ${add(query.beforeDay)}::date` : '';
      const rows = await store.query<TimelineDayRow>(
        `WITH k AS (${lines}),
         page AS (
           SELECT patient_ins, event_day FROM (
             SELECT patient_ins, event_day,
               row_number() OVER (PARTITION BY patient_ins ORDER BY event_day DESC) AS day_rank
             FROM k ${before} GROUP BY patient_ins, event_day
           ) d WHERE day_rank <= ${add(query.size + 1)}
         ),
         ranked AS (
           SELECT k.*, row_number() OVER (
               PARTITION BY k.patient_ins, k.event_day, k.episode_kind ORDER BY k.effective_at DESC, k.id DESC
             ) AS episode_rank
           FROM k JOIN page ON page.patient_ins = k.patient_ins AND page.event_day = k.event_day
         ),
         grouped AS (
           SELECT patient_ins, event_day, episode_kind, count(*)::int AS n,
             json_agg(to_jsonb(ranked) - 'episode_rank' ORDER BY effective_at DESC, id DESC)
               FILTER (WHERE episode_rank <= ${add(EPISODES_PER_GROUP)}) AS episodes
           FROM ranked GROUP BY patient_ins, event_day, episode_kind
         )
         SELECT patient_ins, to_char(event_day, 'YYYY-MM-DD') AS day, sum(n)::int AS episode_count,
           json_agg(json_build_object('kind', episode_kind, 'count', n, 'episodes', episodes)
             ORDER BY array_position(${add(EPISODE_KINDS.order)}::text[], episode_kind)) AS groups
         FROM grouped GROUP BY patient_ins, event_day
         ORDER BY patient_ins, event_day DESC`,
        params,
      );
      return groupByPatient(insList, rows);
    },

    /** How many days hold at least one line the caller may see (of the kinds asked). */
    async dayCounts(insList: string[], query: Omit<TimelineQuery, 'size' | 'beforeDay'>): Promise<Map<string, number>> {
      const params: unknown[] = [];
      const rows = await store.query<{ patient_ins: string; n: number }>(
        `SELECT patient_ins, count(DISTINCT event_day)::int AS n FROM (${visibleLines(insList, query, params)}) k
         GROUP BY patient_ins`,
        params,
      );
      return new Map(insList.map((ins) => [ins, rows.find((r) => r.patient_ins === ins)?.n ?? 0]));
    },
  };
}

/** A row as json_agg wrote it, with its instants back as Dates (the one shape careLineOf reads). */
export function rowFromJson(json: DocumentRow): DocumentRow {
  return {
    ...json,
    effective_at: new Date(json.effective_at as unknown as string),
    deposited_at: new Date(json.deposited_at as unknown as string),
  };
}
