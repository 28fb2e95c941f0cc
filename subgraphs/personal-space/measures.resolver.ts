import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PageArgs,
  decodeCursor,
  pageSize,
  toConnection,
  type CursorScope,
} from '../../runtime/graphql/connection';
import { badInput } from '../../runtime/errors';
import { DateTime } from '../../schema/scalars';
import { MEASURE_KINDS, measureKind } from '../../domain/measure-kinds';
import { measurePermissions } from '../../policy/measure-permissions';
import type { AccessGrant } from '../../policy/grant';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { carry, grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { PersonalDocument, PersonalSpace } from './personal-space.type';
import { personalDocuments } from './personal-space.repo';
import {
  Measure,
  MeasureConnection,
  MeasureHistory,
  MeasureKindEnum,
  MeasureKindInfo,
  MeasurePermissions,
  MeasureTarget,
  MeasureTile,
  type MeasureNode,
} from './measures.type';
import {
  countPerKind,
  dashboard,
  firstPagePerKind,
  kindInfo,
  measureCount,
  measureLoaders,
  measurePage,
  toMeasure,
  toTarget,
  type MeasureQuery,
  type MeasureRow,
} from './measures.repo';

/** What the personal space hands down: the patient and the grant the registry gave (personal-space.resolver.ts). */
type SpaceRoot = { patient: PatientRef } & GrantCarrier;

/** At most this many kinds' histories in one field, and so every kind. */
const MAX_KINDS = MEASURE_KINDS.length;

function grantIn(root: SpaceRoot): AccessGrant {
  return grantOf(root)!;
}

/** Notes the part of the health profile a field read, for the access trace. */
function read(ctx: SubgraphContext, root: SpaceRoot, part: string): AccessGrant {
  const grant = grantIn(root);
  touch(ctx, grant, `personalSpace.${part}`);
  return grant;
}

function kindsArgument(kinds: string[] | null | undefined, field: string, required: boolean): string[] | null {
  if (kinds == null) {
    if (required) throw badInput(field, 'name at least one kind');
    return null;
  }
  if (kinds.length === 0) throw badInput(field, 'name at least one kind, or leave it out for all');
  if (new Set(kinds).size !== kinds.length) throw badInput(field, 'a kind is named twice');
  return [...kinds].sort();
}

function windowArguments(from: Date | null | undefined, to: Date | null | undefined) {
  if (from && to && !(from < to)) throw badInput('to', 'must be after from');
  return { from: from ?? null, to: to ?? null };
}

/** A cursor of one list works only in that list: the patient, the kinds and the window. */
const scopeOf = (query: MeasureQuery): CursorScope => ({
  list: 'measure',
  args: [query.ins, query.kinds, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null],
  id: 'text',
});

const node = (row: MeasureRow, root: SpaceRoot, grant: AccessGrant): MeasureNode =>
  carry(toMeasure(row, root.patient), grant);

@Resolver(() => PersonalSpace)
export class HealthMeasuresResolver {
  @FieldResolver(() => [Measure], {
    nullable: true,
    description: 'The last measure of each kind the patient recorded, in the order of Query.measureKinds.',
  })
  async lastMeasures(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<MeasureNode[]> {
    const grant = read(ctx, root, 'lastMeasures');
    const rows = await measureLoaders(ctx).last.load(root.patient.ins);
    const order = MEASURE_KINDS.map((k) => k.code);
    return [...rows].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map((r) => node(r, root, grant));
  }

  @FieldResolver(() => MeasureConnection, {
    nullable: true,
    description:
      'The measures of the given kinds (all, without `kinds`), newest taken first, taken from `from` (included) to `to` (excluded).',
  })
  measures(
    @Root() root: SpaceRoot,
    @Arg('kinds', () => [MeasureKindEnum], {
      nullable: true,
      description: 'Only these kinds, each once; all without. An empty list is BAD_USER_INPUT.',
    })
    kinds: string[] | null,
    @Arg('from', () => DateTime, { nullable: true, description: 'Taken at or after this instant.' })
    from: Date | null,
    @Arg('to', () => DateTime, { nullable: true, description: 'Taken before this instant; after `from`.' })
    to: Date | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const query: MeasureQuery = {
      ins: root.patient.ins,
      kinds: kindsArgument(kinds, 'kinds', false),
      ...windowArguments(from, to),
    };
    const size = pageSize(page.first);
    const scope = scopeOf(query);
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const grant = read(ctx, root, 'measures');
    return toConnection(
      async () => (await measurePage(ctx.deps.store, query, after, size + 1)).map((r) => node(r, root, grant)),
      size,
      page.after,
      (m) => ({ at: m.takenAt.toISOString(), id: m.id }),
      () => measureCount(ctx.deps.store, query),
      scope,
    );
  }

  @FieldResolver(() => [MeasureHistory], {
    nullable: true,
    description:
      'Several kinds at once, each with what it is and its first page (`first` measures, newest first): what a dashboard of curves asks.',
  })
  async measureHistories(
    @Root() root: SpaceRoot,
    @Arg('kinds', () => [MeasureKindEnum], {
      description: 'The kinds, at least one and each once; the histories come in this order.',
    })
    kinds: string[],
    @Arg('first', () => Int, {
      nullable: true,
      description: `The size of each kind's first page, 1 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.`,
    })
    first: number | null,
    @Arg('from', () => DateTime, { nullable: true, description: 'Taken at or after this instant.' })
    from: Date | null,
    @Arg('to', () => DateTime, { nullable: true, description: 'Taken before this instant; after `from`.' })
    to: Date | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MeasureHistory[]> {
    const asked = kindsArgument(kinds, 'kinds', true)!;
    if (asked.length > MAX_KINDS) throw badInput('kinds', `at most ${MAX_KINDS}`);
    const window = windowArguments(from, to);
    const size = pageSize(first);
    const grant = read(ctx, root, 'measureHistories');
    const all = { ins: root.patient.ins, kinds: asked, ...window };
    let pages: Promise<Map<string, MeasureRow[]>> | undefined;
    let counts: Promise<Map<string, number>> | undefined;
    // In the order asked, each kind's page from one statement for all of them, counted only when asked.
    return kinds.map((kind) => {
      const query: MeasureQuery = { ins: root.patient.ins, kinds: [kind], ...window };
      return carry(
        {
          kind,
          info: kindInfo(measureKind(kind)!),
          measures: toConnection(
            async () =>
              ((await (pages ??= firstPagePerKind(ctx.deps.store, all, size + 1))).get(kind) ?? []).map((r) =>
                node(r, root, grant),
              ),
            size,
            null,
            (m) => ({ at: m.takenAt.toISOString(), id: m.id }),
            async () => (await (counts ??= countPerKind(ctx.deps.store, all))).get(kind) ?? 0,
            scopeOf(query),
          ),
        },
        grant,
      );
    });
  }

  @FieldResolver(() => [MeasureTarget], { nullable: true, description: 'The targets the patient set, by kind.' })
  async measureTargets(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<MeasureTarget[]> {
    read(ctx, root, 'measureTargets');
    return (await measureLoaders(ctx).targets.load(root.patient.ins)).map(toTarget);
  }

  @FieldResolver(() => [MeasureTile], {
    nullable: true,
    description: "The patient's measures dashboard: every kind once, in the patient's order, shown or not.",
  })
  async measureDashboard(@Root() root: SpaceRoot, @Ctx() ctx: SubgraphContext): Promise<MeasureTile[]> {
    const grant = read(ctx, root, 'measureDashboard');
    const rows = await measureLoaders(ctx).tiles.load(root.patient.ins);
    return dashboard(rows).map((tile) => carry({ ...tile, info: kindInfo(measureKind(tile.kind)!) }, grant));
  }
}

/** The reader's side: the grant a node was read under, or, in a write's answer, the writer's own side. */
function readerOf(root: object, ctx: SubgraphContext): Pick<AccessGrant, 'mode'> {
  return grantOf(root) ?? { mode: ctx.actor.kind === 'representative' ? 'representative' : 'patient' };
}

@Resolver(() => Measure)
export class MeasureFieldsResolver {
  @FieldResolver(() => MeasurePermissions, {
    description: "What the reader may do with this measure: the patient's side edits and removes what it recorded.",
  })
  permissions(@Root() measure: MeasureNode, @Ctx() ctx: SubgraphContext): MeasurePermissions {
    return measurePermissions(readerOf(measure, ctx), measure.recordedBy.kind);
  }

  @FieldResolver(() => PersonalDocument, {
    nullable: true,
    description:
      "The document of the personal space the measure comes from, when the reader may read it (the document's own rules and trace); null in a write's answer: read it through personalSpace.",
  })
  async document(@Root() measure: MeasureNode, @Ctx() ctx: SubgraphContext): Promise<PersonalDocument | null> {
    if (!measure.documentId || !grantOf(measure)) return null;
    const page = await personalDocuments.connection(ctx, measure.patient, {
      first: 1,
      filter: { ids: [measure.documentId] },
    });
    return (await page.nodes)[0] ?? null;
  }
}

@Resolver(() => MeasureHistory)
export class MeasureHistoryResolver {
  @FieldResolver(() => MeasurePermissions, { description: 'What the reader may do with this kind.' })
  permissions(@Root() history: MeasureHistory, @Ctx() ctx: SubgraphContext): MeasurePermissions {
    return measurePermissions(readerOf(history, ctx), null);
  }
}

@Resolver(() => MeasureTile)
export class MeasureTileResolver {
  @FieldResolver(() => MeasurePermissions, { description: 'What the reader may do with this kind.' })
  permissions(@Root() tile: MeasureTile, @Ctx() ctx: SubgraphContext): MeasurePermissions {
    return measurePermissions(readerOf(tile, ctx), null);
  }
}

@Resolver()
export class MeasureKindsResolver {
  @Query(() => [MeasureKindInfo], {
    description:
      'What each kind of measure is (domain/measure-kinds.json): metrics, units, bounds, contexts, labels. No patient data.',
  })
  measureKinds(
    @Arg('kinds', () => [MeasureKindEnum], { nullable: true, description: 'Only these; all without.' })
    kinds: string[] | null,
  ): MeasureKindInfo[] {
    return MEASURE_KINDS.filter((k) => !kinds || kinds.includes(k.code)).map(kindInfo);
  }
}
