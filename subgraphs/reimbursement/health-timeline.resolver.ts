import DataLoader from 'dataloader';
import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { perRequest } from '../../runtime/context';
import { badInput } from '../../runtime/errors';
import { isLocalDate } from '../../domain/calendar';
import {
  decodeCursor,
  pageSize,
  PageArgs,
  toConnection,
  type Connection,
  type CursorScope,
  type Position,
} from '../../runtime/graphql/connection';
import type { AccessGrant } from '../../policy/grant';
import { tracedDocument } from '../../audit/trace';
import { touch } from '../../audit/trace-recorder';
import { carry } from '../kit/enforce/grant-carrier';
import { grantFor } from '../kit/documents/document-source';
import { REQUIRES_GRANT, type PatientRef } from '../kit/documents/patient-ref.type';
import type { DocumentRow } from '../kit/documents/document-repo';
import type { SubgraphContext } from '../kit/context';
import { SourcePatient } from './patient.type';
import { careLineOf } from './care-line.repo';
import { EPISODE_KINDS, EpisodeKindEnum, type EpisodeKind } from './episode-kinds';
import { createTimelineRepo, rowFromJson, type TimelineDayRow, type TimelineQuery } from './health-timeline.repo';
import { HealthTimelineDayConnection, type HealthTimelineDay } from './health-timeline.type';

interface DaysKey extends TimelineQuery {
  ins: string;
}
type CountKey = Omit<DaysKey, 'size' | 'beforeDay'>;

/** Requests that differ only by patient share one statement (as the document lists batch theirs). */
const shapeOf = (key: { ins: string; grant: AccessGrant }) =>
  JSON.stringify({ ...key, ins: undefined, grant: { ...key.grant, ins: undefined, rule: undefined } });

function batched<K extends { ins: string; grant: AccessGrant }, V>(
  run: (insList: string[], sample: K) => Promise<Map<string, V>>,
) {
  return async (keys: readonly K[]): Promise<V[]> => {
    const groups = new Map<string, K[]>();
    for (const key of keys) groups.set(shapeOf(key), [...(groups.get(shapeOf(key)) ?? []), key]);
    const found = new Map<K, V>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const answer = await run([...new Set(group.map((k) => k.ins))], group[0]);
        for (const key of group) found.set(key, answer.get(key.ins) as V);
      }),
    );
    return keys.map((key) => found.get(key) as V);
  };
}

const loaders = perRequest((ctx: SubgraphContext) => {
  const repo = createTimelineRepo(ctx.deps.store, ctx.deps.matrix);
  return {
    days: new DataLoader<DaysKey, TimelineDayRow[], string>(
      batched((insList, sample) => repo.days(insList, sample)),
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
    counts: new DataLoader<CountKey, number, string>(
      batched((insList, sample) => repo.dayCounts(insList, sample)),
      { cacheKeyFn: (k) => JSON.stringify(k) },
    ),
  };
});

/**
 * A day's cursor holds the day itself (as the id, and as midnight UTC for the instant the cursor format wants):
 * a cursor whose day is not a real date is refused, before any SQL.
 */
const positionOf = (day: string): Position => ({ at: `${day}T00:00:00.000Z`, id: day });
function dayOf(position: Position): string {
  if (!isLocalDate(position.id) || position.at !== positionOf(position.id).at)
    throw badInput('after', 'not a cursor this list gave out for these arguments');
  return position.id;
}

/**
 * The registry holds masks and a minor's later secrets: a line the patient masked shows MASQUE_PS to whoever
 * may still see it, one the minor keeps secret INVISIBLE_REPRESENTANTS_LEGAUX, as in every document list.
 */
function labelled(row: DocumentRow): DocumentRow {
  const labels = [...row.visibility];
  if (row.masked && !labels.includes('MASQUE_PS')) labels.push('MASQUE_PS');
  if (row.secret && !labels.includes('INVISIBLE_REPRESENTANTS_LEGAUX')) labels.push('INVISIBLE_REPRESENTANTS_LEGAUX');
  return { ...row, visibility: labels };
}

async function timeline(
  ctx: SubgraphContext,
  patient: PatientRef,
  args: { first?: number | null; after?: string | null; kinds?: EpisodeKind[] | null },
): Promise<Connection<HealthTimelineDay>> {
  const size = pageSize(args.first);
  const kinds = args.kinds?.length ? [...new Set(args.kinds)].sort() : null;
  const scope: CursorScope = { list: 'care_line:timeline', args: [patient.ins, kinds], id: 'text' };
  const beforeDay = args.after ? dayOf(decodeCursor(args.after, scope)) : null;
  const grant = await grantFor(ctx, patient);
  const { days, counts } = loaders(ctx);
  return toConnection(
    () =>
      days.load({ ins: patient.ins, grant, kinds, size, beforeDay, now: ctx.now }).then((found) => {
        const nodes = found.map((day) => ({
          date: day.day,
          episodeCount: day.episode_count,
          groups: day.groups.map((group) => ({
            kind: group.kind,
            label: EPISODE_KINDS.labels.get(group.kind) ?? group.kind,
            count: group.count,
            episodes: (group.episodes ?? []).map((json) => {
              const row = labelled(rowFromJson(json));
              return carry(careLineOf(row), grant);
            }),
          })),
        }));
        // The trace names what left: every line of the days on this page.
        touch(
          ctx,
          grant,
          ...nodes
            .slice(0, size)
            .flatMap((day) => day.groups.flatMap((group) => group.episodes))
            .map((line) => tracedDocument(line, ctx.now)),
        );
        return nodes;
      }),
    size,
    args.after,
    (day) => positionOf(day.date),
    () => {
      touch(ctx, grant, 'care_line:count');
      return counts.load({ ins: patient.ins, grant, kinds, now: ctx.now });
    },
    scope,
  );
}

@Resolver(() => SourcePatient)
export class HealthTimelineResolver {
  @FieldResolver(() => HealthTimelineDayConnection, {
    name: 'healthTimeline',
    nullable: true,
    description:
      'The health history of the last 24 months as days (Paris calendar), newest first, each with its care ' +
      'lines grouped by kind of episode; the same lines careLines lists, under the same rules.',
  })
  @Directive(REQUIRES_GRANT)
  healthTimeline(
    @Root() patient: PatientRef,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kinds', () => [EpisodeKindEnum], {
      nullable: true,
      description: 'Only these kinds of episode (a day with none of them is left out).',
    })
    kinds: EpisodeKind[] | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return timeline(ctx, patient, { ...page, kinds });
  }
}
