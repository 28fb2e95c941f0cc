import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { forbidden } from '../../../runtime/errors';
import type { SubgraphContext } from '../context';
import { verifyCohortChanges, callFromRegistry } from '../registry-tokens';
import { recordAccess } from '../../../audit/trace-recorder';
import { aggregate, type AnalyticsMeasureSpec } from './aggregate';
import {
  AggregateTable,
  AnalyticsDimensionEnum,
  AnalyticsFilter,
  AnalyticsMeasureEnum,
  REQUIRES_ANALYTICS_GRANT,
  type AnalyticsDimension,
  type AnalyticsMeasure,
} from './analytics.type';

/**
 * `Analytics.<field>` for one measure: an aggregate table under the registry's analytics grant, which a source
 * requires from the registry (the registry, which owns the grant, reads it from its own root object).
 */
export function analyticsFieldResolver(
  analyticsType: ClassType,
  field: string,
  spec: AnalyticsMeasureSpec,
  description: string,
) {
  const requiresGrant: MethodDecorator =
    spec.source === 'patient' ? () => undefined : Directive(REQUIRES_ANALYTICS_GRANT);
  @Resolver(() => analyticsType)
  class AnalyticsFieldResolver {
    @FieldResolver(() => AggregateTable, { name: field, nullable: true, description })
    @requiresGrant
    table(
      @Root() root: { grant?: string | null },
      @Arg('measure', () => AnalyticsMeasureEnum, { description: 'What each cell counts: patients or events.' })
      measure: AnalyticsMeasure,
      @Arg('groupBy', () => [AnalyticsDimensionEnum], {
        description:
          'The dimensions to group by, 1 to 4, one per axis (the ATC levels share one, DEPARTEMENT and REGION one, MONTH, QUARTER and YEAR one), among those this measure holds; at most 100,000 cells.',
      })
      groupBy: AnalyticsDimension[],
      @Arg('filter', () => AnalyticsFilter, {
        nullable: true,
        description:
          'Who and what is counted; a criterion this measure cannot apply is refused. Filters that select too few consenting patients publish nothing (COHORT_TOO_SMALL).',
      })
      filter: AnalyticsFilter | null,
      @Ctx() ctx: SubgraphContext,
    ) {
      return aggregate(ctx, spec, root, { measure, groupBy, filter });
    }
  }
  return AnalyticsFieldResolver;
}

/**
 * `syncAnalyticsSubjects` for one source: applies the registry's signed changes of the consenting cohort to
 * the source's projection. Not in the public graph; the registry calls it when a consent or a record changes.
 */
export function cohortSyncResolver(source: string) {
  @Resolver()
  class CohortSyncResolver {
    @Mutation(() => Boolean, {
      nullable: true,
      description: 'For the registry only (not in the public graph): the consenting cohort changed.',
    })
    @Directive('@shareable')
    @Directive('@inaccessible')
    async syncAnalyticsSubjects(
      @Arg('changes', () => String) token: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<boolean> {
      const changes = callFromRegistry(ctx)
        ? await verifyCohortChanges(ctx.deps.grantKeys.verify, token, source)
        : null;
      if (!changes) {
        recordAccess(ctx, { patientIns: null, action: 'cohort-sync', outcome: 'denied', rule: 'deny.no-cohort-order' });
        throw forbidden('Only the registry changes the cohort');
      }
      await ctx.deps.store.transaction(async (tx) => {
        await tx.query('DELETE FROM analytics_subject WHERE patient_ins = ANY($1::text[])', [
          changes.map((c) => c.ins),
        ]);
        const joining = changes.filter((c) => c.subject);
        if (joining.length > 0) {
          await tx.query(
            `INSERT INTO analytics_subject (patient_ins, birth_year, sex, departement, region)
             SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`,
            [
              joining.map((c) => c.ins),
              joining.map((c) => c.subject!.birthYear),
              joining.map((c) => c.subject!.sex),
              joining.map((c) => c.subject!.departement),
              joining.map((c) => c.subject!.region),
            ],
          );
        }
      });
      return true;
    }
  }
  return CohortSyncResolver;
}

/**
 * `Query._aggregateTable`, never answered and not in the public graph, in each source whose analytics fields
 * require the registry's grant. Why it exists: graphql-tools' stitching, on which Hive Gateway serves a
 * supergraph, moves a subgraph's `@requires` fields apart, and marks a value type reached only through them as
 * canonical there; AggregateTable, reached only through `Analytics.<measure> @requires(fields: "grant")` in four
 * sources, was then canonical four times and every request failed ("Multiple canonical definitions for
 * AggregateTable"). A field outside Analytics that returns it keeps it an ordinary shared value type
 * (docs/production-runtimes.md). Its rule lets nobody read it (policy/field-rules.json, "nobody").
 */
export function aggregateTableAnchorResolver() {
  @Resolver()
  class AggregateTableAnchorResolver {
    @Query(() => AggregateTable, {
      name: '_aggregateTable',
      nullable: true,
      description: 'Not in the public graph and never answered: keeps AggregateTable servable by Hive Gateway.',
    })
    @Directive('@shareable')
    @Directive('@inaccessible')
    aggregateTable(): null {
      return null;
    }
  }
  return AggregateTableAnchorResolver;
}
