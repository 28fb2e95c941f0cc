import { Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { mayAggregate } from '../../policy/analytics/analytics-grant';
import { forbidden } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { analyticsFieldResolver } from '../kit/analytics/analytics.resolver';
import { signAnalyticsGrant } from '../kit/registry-tokens';
import { pendingBySource, pushCohort } from './cohort';

@ObjectType('Analytics', {
  description: 'Aggregates over patients who consented to secondary use. Never a row about a person.',
})
@Directive('@key(fields: "id")')
export class Analytics {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) @Directive('@inaccessible') grant?: string | null;
}

@Resolver()
export class AnalyticsEntryResolver {
  @Query(() => Analytics, { nullable: true, description: 'Analytics clients only: the aggregate part of the graph.' })
  async analytics(@Ctx() ctx: SubgraphContext): Promise<Analytics> {
    const right = mayAggregate(ctx.actor);
    if (!right.allowed || !ctx.deps.grantKeys.sign) throw forbidden('Aggregates are for analytics clients');
    // Sources learn the latest consents first; those still unheard of are left out by the grant.
    await pushCohort(ctx);
    const grant = await signAnalyticsGrant(ctx.deps.grantKeys.sign, {
      analystId: ctx.actor.id,
      pending: await pendingBySource(ctx.deps.store),
    });
    return { id: ctx.requestId, grant };
  }
}

export const PatientCountResolver = analyticsFieldResolver(
  Analytics,
  'patients',
  {
    name: 'patients',
    source: 'patient',
    table: 'analytics_patient',
    columns: {},
  },
  'Consenting patients with an active DMP, by age band (today), sex, département or region of residence.',
);
