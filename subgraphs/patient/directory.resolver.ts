import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { FORMATS, hasFormat } from '../../domain/formats';
import { parseStaffActorId, staffActorId } from '../../domain/actor';
import { perRequest } from '../../runtime/context';
import { badInput } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { TraceKindEnum } from './access-trace.type';
import { PROFESSIONS, SPECIALTIES, type ProfessionCode, type SpecialtyCode } from '../../domain/codes';
import { describeTrace, traceKind, type TraceKind } from '../../domain/trace-actions';
import { Establishment, Professional } from './patient.type';
import { professionalOf } from './directory';
import { ProfessionalAddress } from './care-lists.type';
import {
  accountNames,
  establishmentsByFiness,
  establishmentsNamed,
  professionalContacts,
  professionalsByRpps,
  professionalsNamed,
  staffNames,
  type ProfessionalRow,
} from './directory.repo';

/**
 * The directory (docs/law.md §3): professionals and establishments, by id and by name, for authorising or
 * blocking someone by name, and to name the people of a care team and an access history. It reads the
 * directory's own tables only, never a patient's: a lookup answers the same whoever's record is in question.
 */
const MAX_MATCHES = 25;
const DEFAULT_MATCHES = 10;

@ObjectType({ description: 'Professionals whose name starts as asked, by family name then first name.' })
class ProfessionalMatches {
  @Field(() => [Professional], { description: 'The matches, at most `first`.' }) professionals!: Professional[];
  @Field(() => Boolean, { description: 'More matched than were returned: type more of the name.' })
  truncated!: boolean;
}

@ObjectType({ description: 'Establishments whose name holds what was asked.' })
class EstablishmentMatches {
  @Field(() => [Establishment], { description: 'The matches, at most `first`.' }) establishments!: Establishment[];
  @Field(() => Boolean, { description: 'More matched than were returned: type more of the name.' })
  truncated!: boolean;
}

function nameQuery(name: string): string {
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2) throw badInput('name', 'give at least two letters of the name');
  if (name.length > 100) throw badInput('name', 'must be at most 100 characters');
  return name;
}

function matchLimit(first: number | null | undefined): number {
  const size = first ?? DEFAULT_MATCHES;
  if (!Number.isInteger(size) || size < 1 || size > MAX_MATCHES) throw badInput('first', `must be 1 to ${MAX_MATCHES}`);
  return size;
}

/** Who a trace's actor is, by name: professionals from the directory, accounts by their name. One query per request. */
export const actorNames = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<string, string | null>(async (actorIds) => {
      const rpps = actorIds.filter((id) => id.startsWith('ps:')).map((id) => id.slice(3));
      const staff = actorIds.map(parseStaffActorId).filter((m) => m !== null);
      const accounts = actorIds.filter((id) => !/^(ps|patient|staff):/.test(id));
      const [professionals, staffed, named] = await Promise.all([
        rpps.length ? professionalsByRpps(ctx.deps.store, rpps) : [],
        staff.length ? staffNames(ctx.deps.store, staff) : [],
        accounts.length ? accountNames(ctx.deps.store, accounts) : [],
      ]);
      const names = new Map<string, string>([
        ...professionals.map((p) => [`ps:${p.rpps}`, `${p.first_name} ${p.family_name}`] as const),
        ...staffed.map((s) => [staffActorId(s.finess, s.staff_id), s.name] as const),
        ...named.map((a) => [a.id, a.display_name] as const),
      ]);
      return actorIds.map((id) => names.get(id) ?? null);
    }),
);

/** The practice addresses of the professionals a request names, by RPPS: one query per request. */
export const professionalAddresses = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<string, ProfessionalAddress[]>(async (rppsList) => {
      const rows = await professionalContacts(ctx.deps.store, rppsList);
      return rppsList.map((rpps) =>
        rows
          .filter((r) => r.rpps === rpps)
          .map((r) => ({ line: r.address_line, postalCode: r.postal_code, city: r.city, phone: r.phone })),
      );
    }),
);

/**
 * A professional's practice addresses, wherever the graph names a professional (Query.professional, a care team,
 * a list, a search): the directory's published contact details, public knowledge about professionals and read
 * apart from any record.
 */
@Resolver(() => Professional)
export class ProfessionalContactResolver {
  @FieldResolver(() => [ProfessionalAddress], {
    description: 'Where they practise, as the directory publishes it; empty if it publishes none.',
  })
  addresses(@Root() professional: Professional, @Ctx() ctx: SubgraphContext): Promise<ProfessionalAddress[]> {
    return professionalAddresses(ctx).load(professional.rpps);
  }
}

@Resolver()
export class DirectoryResolver {
  @Query(() => Professional, {
    nullable: true,
    description: 'A professional of the directory by RPPS; null if unknown.',
  })
  async professional(
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Professional | null> {
    if (!hasFormat('rpps', rpps)) throw badInput('rpps', FORMATS.rpps.rule);
    const [row] = await professionalsByRpps(ctx.deps.store, [rpps]);
    return row ? professionalOf(row) : null;
  }

  @Query(() => ProfessionalMatches, {
    nullable: true,
    description:
      'Professionals by name: the family name, or the first and family names in either order, as typed so far (accents, case and hyphens ignored).',
  })
  async searchProfessionals(
    @Arg('name', () => String, {
      description: 'The name as typed so far: at least two letters or digits, at most 100 characters.',
    })
    name: string,
    @Arg('first', () => Int, { nullable: true, description: `1 to ${MAX_MATCHES}; default ${DEFAULT_MATCHES}.` })
    first: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProfessionalMatches> {
    const limit = matchLimit(first);
    const rows = await professionalsNamed(ctx.deps.store, nameQuery(name), limit + 1);
    return { professionals: rows.slice(0, limit).map(professionalOf), truncated: rows.length > limit };
  }

  @Query(() => Establishment, { nullable: true, description: 'An establishment by FINESS; null if unknown.' })
  async establishment(
    @Arg('finess', () => String, { description: 'The FINESS of an establishment of the directory.' }) finess: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Establishment | null> {
    if (!hasFormat('finess', finess)) throw badInput('finess', FORMATS.finess.rule);
    const [row] = await establishmentsByFiness(ctx.deps.store, [finess]);
    return row ?? null;
  }

  @Query(() => EstablishmentMatches, {
    nullable: true,
    description: 'Establishments whose name holds what was typed (accents, case and hyphens ignored).',
  })
  async searchEstablishments(
    @Arg('name', () => String, {
      description: 'Part of the name: at least two letters or digits, at most 100 characters.',
    })
    name: string,
    @Arg('first', () => Int, { nullable: true, description: `1 to ${MAX_MATCHES}; default ${DEFAULT_MATCHES}.` })
    first: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EstablishmentMatches> {
    const limit = matchLimit(first);
    const rows = await establishmentsNamed(ctx.deps.store, nameQuery(name), limit + 1);
    return { establishments: rows.slice(0, limit), truncated: rows.length > limit };
  }
}

/** What names an actor in the patient's access history: its id, and its TRE_G15 / TRE_R38 codes as traced. */
type TracedActor = { actorId: string; actorProfession: string | null; actorSpecialty: string | null };

/**
 * The directory's fields of a traced actor (its name, its codes in words, its establishment), for each type the
 * access history shows an actor on: a trace, an access, an accessor.
 */
export function tracedActorResolver<T extends TracedActor>(type: ClassType<T>) {
  @Resolver(() => type)
  class TracedActorResolver {
    @FieldResolver(() => String, {
      nullable: true,
      description:
        "Who accessed, by name: the professional's first and family names, or the account's name (a SAMU centre, an establishment). Null for the patient's own side and for an actor the directory does not hold.",
    })
    actorName(@Root() trace: T, @Ctx() ctx: SubgraphContext): Promise<string | null> {
      return actorNames(ctx).load(trace.actorId);
    }

    @FieldResolver(() => String, { nullable: true, description: 'The TRE_G15 profession, in words.' })
    actorProfessionLabel(@Root() trace: T): string | null {
      return trace.actorProfession ? (PROFESSIONS.get(trace.actorProfession as ProfessionCode)?.display ?? null) : null;
    }

    @FieldResolver(() => String, { nullable: true, description: 'The TRE_R38 specialty, in words.' })
    actorSpecialtyLabel(@Root() trace: T): string | null {
      return trace.actorSpecialty ? (SPECIALTIES.get(trace.actorSpecialty as SpecialtyCode) ?? null) : null;
    }

    @FieldResolver(() => String, {
      nullable: true,
      description: 'The establishment a professional works in, as the directory names it; null for anyone else.',
    })
    async actorEstablishment(@Root() trace: T, @Ctx() ctx: SubgraphContext): Promise<string | null> {
      if (!trace.actorId.startsWith('ps:')) return null;
      return (await professionalLoader(ctx).load(trace.actorId.slice(3)))?.establishment_name ?? null;
    }
  }
  return TracedActorResolver;
}

/** How the patient's side reads an access (its kind and sentence), for a trace and for an access alike. */
export function accessReadingResolver<T extends { action: string; mode: string; outcome: string }>(type: ClassType<T>) {
  @Resolver(() => type)
  class AccessReadingResolver {
    @FieldResolver(() => TraceKindEnum, { description: 'What kind of access it was, for the filter of the same name.' })
    kind(@Root() trace: T): TraceKind {
      return traceKind(trace.action, trace.mode);
    }

    @FieldResolver(() => String, { description: 'The access in a sentence, in French, as a patient app shows it.' })
    description(@Root() trace: T): string {
      return describeTrace(trace.action, trace.mode, trace.outcome as 'allowed' | 'denied');
    }
  }
  return AccessReadingResolver;
}

/** Directory rows by RPPS, one query per request. */
const professionalLoader = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<string, ProfessionalRow | null>(async (rppsList) => {
      const rows = await professionalsByRpps(ctx.deps.store, rppsList);
      return rppsList.map((rpps) => rows.find((r) => r.rpps === rpps) ?? null);
    }),
);
