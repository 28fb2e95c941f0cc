import { Arg, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { queryKey } from '../../domain/name-keys';
import { badInput } from '../../runtime/errors';
import { FORMATS, hasFormat } from '../../domain/formats';
import { centre15Refusal } from '../../policy/decide';
import { localDate } from '../kit/documents/document-repo';
import type { SubgraphContext } from '../kit/context';
import { recordAccess } from '../../audit/trace-recorder';
import { LocalDate } from '../../schema/scalars';
import { DmpStatusEnum, IdentityStatusEnum, SexEnum } from './patient.type';
import { takeSearch } from './search-rate-limit';
import { findCandidates, type CandidateRow } from './identity-search.repo';

/** RNIV practice: a short list to choose from, never an automatic match. */
export const MAX_CANDIDATES = 10;

@InputType({
  description:
    'Traits heard on the call. The birth date is required, then a birth or used name and/or a first name, whole or their first letters.',
})
export class IdentityTraits {
  @Field(() => LocalDate, { description: 'The birth date: required, and must match exactly.' }) birthDate!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Birth name or used name, or its first letters; accents, case, hyphens and particles do not matter.',
  })
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'A first name, or its first letters.' }) firstName?:
    string | null;
  @Field(() => SexEnum, { nullable: true, description: 'When given, must agree.' }) sex?: 'F' | 'M' | null;
  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the birthplace (99 + country abroad); ranks, does not exclude.',
  })
  birthplaceCode?: string | null;
}

@ObjectType({ description: 'What identification needs, and whether the record may be opened in centre 15 mode.' })
export class IdentityCandidate {
  @Field(() => String, {
    nullable: true,
    description: 'The INS, to open the record: given only when it may be opened.',
  })
  ins!: string | null;
  @Field(() => String, { description: 'Birth name.' }) birthName!: string;
  @Field(() => String, { nullable: true, description: 'Used name; null when none is recorded.' })
  usedName!: string | null;
  @Field(() => String, { description: 'First given name.' }) firstName!: string;
  @Field(() => [String], { description: 'Every given name, in order, the first included.' }) givenNames!: string[];
  @Field(() => LocalDate, { description: 'Date of birth.' }) birthDate!: string;
  @Field(() => SexEnum, { description: 'Sex.' }) sex!: 'F' | 'M';
  @Field(() => String, { description: 'INSEE code of the birthplace; 99 + country code for births abroad.' })
  birthplaceCode!: string;
  @Field(() => IdentityStatusEnum, { description: 'RNIV identity status.' }) identityStatus!: string;
  @Field(() => DmpStatusEnum, {
    description: "The DMP's status.",
    deprecationReason:
      'Read openable. For a candidate that may not be opened this says why, which the regulator does not need: it will be null for such a candidate (schema/CHANGELOG.md).',
  })
  dmpStatus!: string;
  @Field(() => Boolean, { description: 'Active DMP and the patient did not refuse ETREAT.' }) openable!: boolean;
}

@ObjectType({
  description: 'Candidates for the traits given, best first, never merged: two homonyms are two candidates.',
})
export class IdentitySearchResult {
  @Field(() => [IdentityCandidate], { description: `At most ${MAX_CANDIDATES}, best match first.` })
  candidates!: IdentityCandidate[];
  @Field(() => Boolean, { description: 'More patients matched: ask for more traits.' }) truncated!: boolean;
  @Field(() => Int, { description: 'How many candidates are returned (the length of `candidates`).' })
  count!: number;
}

@Resolver()
export class IdentitySearchResolver {
  @Query(() => IdentitySearchResult, {
    nullable: true,
    description: 'Centre 15 regulators only: find a patient by identity traits. Every search is traced.',
  })
  async searchPatients(
    @Arg('traits', () => IdentityTraits, { description: 'The traits heard on the call.' }) traits: IdentityTraits,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IdentitySearchResult> {
    const name = traits.name ? queryKey(traits.name) : '';
    const firstName = traits.firstName ? queryKey(traits.firstName) : '';
    if (name.length < 2 && firstName.length < 2)
      throw badInput('traits', 'give a name or a first name (at least two letters) with the birth date');
    if (traits.birthplaceCode != null && !hasFormat('birthplace', traits.birthplaceCode))
      throw badInput('traits.birthplaceCode', FORMATS.birthplace.rule);
    // Counted once the question is valid (bad input changes nothing), before any SQL; one budget with the spoken search.
    await takeSearch(ctx);
    const rows = await findCandidates(ctx.deps.store, {
      birthDate: traits.birthDate,
      name: name || null,
      firstName: firstName || null,
      sex: traits.sex ?? null,
      birthplaceCode: traits.birthplaceCode ?? null,
      limit: MAX_CANDIDATES + 1,
    });
    const candidates = rows.slice(0, MAX_CANDIDATES).map(toIdentityCandidate);
    // The trace names the traits used and how many came back, not who.
    const used = Object.entries(traits)
      .filter(([, v]) => v != null && v !== '')
      .map(([k]) => k)
      .sort();
    recordAccess(ctx, {
      patientIns: null,
      action: 'trait-search',
      touched: [...used, `candidates:${candidates.length}`],
      outcome: 'allowed',
      rule: 'regulator.trait-search',
      mode: 'centre_15',
    });
    return { candidates, truncated: rows.length > MAX_CANDIDATES, count: candidates.length };
  }
}

/** A candidate as the regulator sees it: the INS only when the centre 15 may open the record. */
export function toIdentityCandidate(r: CandidateRow): IdentityCandidate {
  // Whether decide() would let the centre 15 open it: the same conditions, from policy/decide.ts.
  const openable = centre15Refusal({ dmpStatus: r.dmp_status, consents: { etreat: r.consent_etreat } }) === null;
  return {
    ins: openable ? r.ins : null,
    birthName: r.birth_name,
    usedName: r.used_name,
    firstName: r.first_name,
    givenNames: r.given_names,
    birthDate: localDate(r.birth_date)!,
    sex: r.sex,
    birthplaceCode: r.birthplace_code,
    identityStatus: r.identity_status,
    dmpStatus: r.dmp_status,
    openable,
  };
}
