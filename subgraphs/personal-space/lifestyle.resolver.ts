import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, decodeCursor, pageSize, toConnection, type CursorScope } from '../../runtime/graphql/connection';
import { badInput } from '../../runtime/errors';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { grantOf, type GrantCarrier } from '../kit/enforce/grant-carrier';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { PersonalSpace } from './personal-space.type';
import { profileLoaders } from './profile-sections.repo';
import { LIFESTYLE_SECTIONS, lifestyleItem } from './lifestyle.form';
import {
  answerCount,
  answerPage,
  lifestyleLoaders,
  lifestyleSection,
  formOf,
  toAnswer,
  type LifestyleQuery,
} from './lifestyle.repo';
import {
  LifestyleAnswer,
  LifestyleAnswerConnection,
  LifestyleForm,
  LifestyleSectionAnswers,
  LifestyleSectionEnum,
} from './lifestyle.type';

/** What the personal space hands down: the patient and the grant the registry gave (personal-space.resolver.ts). */
type SpaceRoot = { patient: PatientRef } & GrantCarrier;

/** The sections asked, in the form's order, each once; all without the argument. */
function sectionsArgument(sections: string[] | null | undefined): string[] {
  if (sections == null) return LIFESTYLE_SECTIONS.map((s) => s.code);
  if (sections.length === 0) throw badInput('sections', 'name at least one section, or leave it out for all');
  return LIFESTYLE_SECTIONS.map((s) => s.code).filter((code) => sections.includes(code));
}

/** A cursor of one history works only in that history: the patient, the section and the item. */
const scopeOf = (query: LifestyleQuery): CursorScope => ({
  list: 'lifestyle-answer',
  args: [query.ins, query.section, query.item],
  id: 'text',
});

@Resolver(() => PersonalSpace)
export class LifestyleReadResolver {
  @FieldResolver(() => [LifestyleSectionAnswers], {
    nullable: true,
    description:
      'Lifestyle in the health profile: each section asked (all, without `sections`), when its answers last changed and whether the patient declared it does not concern them.',
  })
  async lifestyle(
    @Root() root: SpaceRoot,
    @Arg('sections', () => [LifestyleSectionEnum], { nullable: true, description: 'Only these; all without.' })
    sections: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LifestyleSectionAnswers[]> {
    const asked = sectionsArgument(sections);
    touch(ctx, grantOf(root)!, 'personalSpace.lifestyle');
    const [current, declarations] = await Promise.all([
      lifestyleLoaders(ctx).current.load(root.patient.ins),
      profileLoaders(ctx).declarations.load(root.patient.ins),
    ]);
    return asked.map((code) => {
      const declared = declarations.find((d) => d.section === code)?.declared_at ?? null;
      return {
        section: code,
        label: lifestyleSection(code).label,
        // Every current row of a section carries the same window value (lifestyle.repo.ts): any one says it.
        lastChangedAt: current.find((row) => row.section === code)?.section_changed_at ?? null,
        notConcerned: declared !== null,
        declaredAt: declared,
      };
    });
  }

  @FieldResolver(() => [LifestyleAnswer], {
    nullable: true,
    description:
      "The patient's current answer to each item they answered, of the sections asked (all, without `sections`), in the order of the form; earlier answers are in lifestyleAnswers.",
  })
  async currentLifestyleAnswers(
    @Root() root: SpaceRoot,
    @Arg('sections', () => [LifestyleSectionEnum], { nullable: true, description: 'Only these; all without.' })
    sections: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LifestyleAnswer[]> {
    const asked = sectionsArgument(sections);
    touch(ctx, grantOf(root)!, 'personalSpace.currentLifestyleAnswers');
    const byItem = new Map((await lifestyleLoaders(ctx).current.load(root.patient.ins)).map((row) => [row.item, row]));
    return asked.flatMap((code) =>
      lifestyleSection(code).items.flatMap((item) => {
        const row = byItem.get(item.code);
        return row ? [toAnswer(row)] : [];
      }),
    );
  }

  @FieldResolver(() => LifestyleAnswerConnection, {
    nullable: true,
    description:
      "The history of the patient's lifestyle answers, the latest given first: of one item, of one section, or all.",
  })
  lifestyleAnswers(
    @Root() root: SpaceRoot,
    @Arg('section', () => LifestyleSectionEnum, {
      nullable: true,
      description: 'Only the answers of this section; with `item`, the section of that item.',
    })
    section: string | null,
    @Arg('item', () => String, { nullable: true, description: 'An item of the form (LifestyleItemInfo.item).' })
    item: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const found = item == null ? null : lifestyleItem(item);
    if (item != null && !found) throw badInput('item', 'not an item of the lifestyle form');
    if (found && section != null && found.section.code !== section)
      throw badInput('item', `is an item of ${found.section.code}`);
    const query: LifestyleQuery = { ins: root.patient.ins, section: section ?? null, item: found?.item.code ?? null };
    const size = pageSize(page.first);
    const scope = scopeOf(query);
    const after = page.after ? decodeCursor(page.after, scope) : null;
    touch(ctx, grantOf(root)!, 'personalSpace.lifestyleAnswers');
    return toConnection(
      async () => (await answerPage(ctx.deps.store, query, after, size + 1)).map(toAnswer),
      size,
      page.after,
      (a) => ({ at: a.answeredAt.toISOString(), id: a.id }),
      () => answerCount(ctx.deps.store, query),
      scope,
    );
  }
}

@Resolver()
export class LifestyleFormResolver {
  @Query(() => LifestyleForm, {
    description:
      'The lifestyle form of the health profile (subgraphs/personal-space/lifestyle.json): sections, items, fields, options, bounds, when each is asked, and the public repère each section follows. No patient data.',
  })
  lifestyleForm(
    @Arg('sections', () => [LifestyleSectionEnum], { nullable: true, description: 'Only these; all without.' })
    sections: string[] | null,
    @Ctx() ctx: SubgraphContext,
  ): LifestyleForm {
    return formOf(sectionsArgument(sections).map(lifestyleSection), ctx.now);
  }
}
