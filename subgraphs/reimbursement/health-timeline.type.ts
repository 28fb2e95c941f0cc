import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../schema/scalars';
import { connectionTypes } from '../../runtime/graphql/connection';
import { CareLine } from './care-line.type';
import { EpisodeKindEnum, type EpisodeKind } from './episode-kinds';

/** The most episodes one group of one day lists; its count says how many there are. */
export const EPISODES_PER_GROUP = 100;

@ObjectType({ description: 'The episodes of one kind on one day of the health history.' })
export class HealthEpisodeGroup {
  @Field(() => EpisodeKindEnum, {
    description: "The kind of episode, derived from each line's nomenclature and code.",
  })
  kind!: EpisodeKind;
  @Field(() => String, { description: 'The kind, in French, as the patient apps show it.' }) label!: string;
  @Field(() => Int, { description: 'How many episodes of this kind that day, counting only what the caller may see.' })
  count!: number;
  @Field(() => [CareLine], {
    description: `The episodes, newest first: at most ${EPISODES_PER_GROUP} (the rest through careLines, filtered on the day).`,
  })
  episodes!: CareLine[];
}

@ObjectType({ description: 'One day of the health history (the Paris calendar day of the care) and its episodes.' })
export class HealthTimelineDay {
  @Field(() => LocalDate, { description: 'The day, on the Paris calendar.' }) date!: string;
  @Field(() => Int, { description: 'How many episodes that day, counting only what the caller may see.' })
  episodeCount!: number;
  @Field(() => [HealthEpisodeGroup], {
    description: 'By kind, consultations first and other care last (the order of episode-kinds.json).',
  })
  groups!: HealthEpisodeGroup[];
}

export const { Connection: HealthTimelineDayConnection } = connectionTypes('HealthTimelineDay', HealthTimelineDay);
