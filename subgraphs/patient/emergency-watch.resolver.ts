import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { unavailable } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { DateTime } from '../../schema/scalars';
import { flaggedProfessionals } from './emergency-watch';

@ObjectType({
  description:
    'A professional who declared more emergencies than the watch allows in its window. Care was not blocked.',
})
export class FlaggedProfessional {
  @Field(() => String, { description: 'RPPS.' }) rpps!: string;
  @Field(() => Int, { description: 'How many emergencies they declared within the window.' }) declarations!: number;
  @Field(() => Int, { description: 'The length of the window the watch counts over, in minutes.' })
  windowMinutes!: number;
  @Field(() => DateTime, { description: 'Their latest declaration.' }) lastDeclaredAt!: Date;
}

@Resolver()
export class EmergencyWatchResolver {
  @Query(() => [FlaggedProfessional], {
    nullable: true,
    description: 'Operators: professionals whose bris de glace declarations exceed the configured rate.',
  })
  async emergencyAccessWatch(@Ctx() ctx: SubgraphContext): Promise<FlaggedProfessional[]> {
    if (!ctx.deps.emergencyWatch) throw unavailable('The emergency-access watch needs Redis (REDIS_URL)');
    try {
      return await flaggedProfessionals(ctx.deps.emergencyWatch);
    } catch {
      throw unavailable('The emergency-access watch is not reachable right now');
    }
  }
}
