import { Arg, Ctx, Field, Float, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { queryKey } from '../../domain/name-keys';
import { phoneticKey } from '../../domain/phonetic-fr';
import { firstNameParts } from '../../domain/spoken-name-keys';
import { birthDatesForAges, birthDatesOfYear, birthDateVariants } from '../../domain/birth-date-variants';
import { parisYear } from '../../domain/calendar';
import { DEPARTEMENTS, departementOf } from '../../domain/geo';
import { FORMATS, hasFormat } from '../../domain/formats';
import {
  AGREEMENTS,
  allowedNameMatches,
  APPROXIMATE_SIMILARITY,
  fishingRefusal,
  SPOKEN_TRAITS,
  traitWeights,
  type Agreement,
  type SpokenTrait,
} from '../../policy/trait-search';
import { badInput } from '../../runtime/errors';
import { recordAccess } from '../../audit/trace-recorder';
import { LocalDate } from '../../schema/scalars';
import type { SubgraphContext } from '../kit/context';
import { SexEnum } from './patient.type';
import { IdentityCandidate, MAX_CANDIDATES, toIdentityCandidate } from './identity-search.resolver';
import { takeSearch } from './search-rate-limit';
import { findSpokenCandidates, type SpokenCandidateRow } from './identity-search-variants.repo';

const SpokenTraitEnum = Object.fromEntries(SPOKEN_TRAITS.map((t) => [t, t])) as { [T in SpokenTrait]: T };
const SPOKEN_TRAIT_DESCRIPTIONS: { [T in SpokenTrait]: string } = {
  NAME: 'The birth name or used name.',
  FIRST_NAME: 'The first name(s).',
  BIRTH_DATE: 'The birth date, or what the caller knows of it (a birth year, an age range).',
  SEX: 'The sex.',
  BIRTHPLACE: 'The INSEE code of the commune of birth (99 + country abroad).',
  BIRTH_DEPARTEMENT: 'The INSEE code of the département of birth.',
  RESIDENCE_DEPARTEMENT: 'The INSEE code of the département where the patient lives.',
};
registerEnumType(SpokenTraitEnum, {
  name: 'SpokenTrait',
  description: 'An identity trait heard on a centre 15 call (RNIV traits, and where the patient lives).',
  valuesConfig: Object.fromEntries(SPOKEN_TRAITS.map((t) => [t, { description: SPOKEN_TRAIT_DESCRIPTIONS[t] }])),
});
const TraitAgreementEnum = Object.fromEntries(AGREEMENTS.map((a) => [a, a])) as { [A in Agreement]: A };
const AGREEMENT_DESCRIPTIONS: { [A in Agreement]: string } = {
  EXACT: 'The same value (accents, case, hyphens and particles aside).',
  PHONETIC: 'The same sound: the same French phonetic key, spelt differently.',
  APPROXIMATE: 'A similar spelling (trigram similarity).',
  PREFIX: 'The value given is the first letters of the candidate’s.',
  INITIAL: 'A first name given by its initial, which the candidate’s first name starts with.',
  SWAPPED_DAY_MONTH: 'The birth date with its day and month swapped.',
  ONE_DIGIT: 'The birth date with one digit wrong, or the year off by one.',
  BIRTH_YEAR: 'The birth year given agrees with the candidate’s birth date.',
  AGE_RANGE: 'The age range given holds the candidate’s age on today’s Paris date.',
  SAME_DEPARTEMENT: 'Another commune of the same département as the candidate’s birthplace.',
  DISAGREES: 'Given and different: it lowers the score.',
};
registerEnumType(TraitAgreementEnum, {
  name: 'TraitAgreement',
  valuesConfig: Object.fromEntries(AGREEMENTS.map((a) => [a, { description: AGREEMENT_DESCRIPTIONS[a] }])),
  description:
    'How a trait given agrees with the candidate: EXACT; PHONETIC (same sound, French phonetic key); APPROXIMATE (trigram-similar spelling); PREFIX (first letters); INITIAL (a first name by its initial); SWAPPED_DAY_MONTH, ONE_DIGIT (one digit of the date wrong, or the year off by one), BIRTH_YEAR, AGE_RANGE (for the birth date); SAME_DEPARTEMENT (another commune of the birthplace’s département); DISAGREES (given and different: it lowers the score).',
});

/** The oldest age a caller may give, and the first year of birth a living patient may have. */
const MAX_AGE = 130;

@InputType({
  description:
    'Traits heard on the call, as uncertain as the caller: one of a birth date, a birth year, or an age range; then a name and/or a first name; the rest, when known, ranks. The wider the date, the more traits a question must give (policy/trait-search-demand.json).',
})
export class SpokenIdentityTraits {
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The birth date as heard: day and month swapped and one wrong digit still match, lower.',
  })
  birthDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Only the year of birth, when the caller knows no more.' })
  birthYear?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: `The youngest age the caller gives ("75 to 85"), in whole years on today’s Paris date; with ageTo.`,
  })
  ageFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'The oldest age the caller gives, in whole years; with ageFrom.' })
  ageTo?: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Birth name or used name as heard: spelt, mis-spelt, or its first letters; accents, case, hyphens and particles do not matter.',
  })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'First name(s) as heard, by their parts: "Jean-Pierre", "Jean Pierre", "Pierre" and "J.-Pierre" all find Jean-Pierre.',
  })
  firstName?: string | null;
  @Field(() => SexEnum, { nullable: true, description: 'When given, must agree.' }) sex?: 'F' | 'M' | null;
  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the commune of birth (99 + country abroad); ranks, does not exclude.',
  })
  birthplaceCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the département of birth (01–95, 2A, 2B, 971–976); ranks, does not exclude.',
  })
  birthDepartement?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the département where the patient lives; ranks, does not exclude.',
  })
  residenceDepartement?: string | null;
}

@ObjectType({ description: 'How one trait given agrees with a candidate, and what it adds to the score.' })
export class TraitMatch {
  @Field(() => SpokenTraitEnum, { description: 'The trait given.' }) trait!: SpokenTrait;
  @Field(() => TraitAgreementEnum, { description: "How it agrees with the candidate's." }) how!: Agreement;
  @Field(() => Float, {
    description: 'Its Fellegi–Sunter weight, log2(m/u) (policy/trait-search-weights.json): negative when it disagrees.',
  })
  weight!: number;
}

@ObjectType({
  description: 'A candidate for the spoken traits, with why it is on the list, so the caller can confirm.',
})
export class RankedIdentityCandidate {
  @Field(() => IdentityCandidate, { description: 'The candidate: its identity traits and whether it may be opened.' })
  identity!: IdentityCandidate;
  @Field(() => Float, { description: 'The sum of the weights of the traits given: higher is likelier.' })
  score!: number;
  @Field(() => [TraitMatch], { description: 'Each trait given and how it agreed, strongest first.' })
  matches!: TraitMatch[];
}

@ObjectType({ description: 'Candidates for spoken traits, best first, never merged: two homonyms are two candidates.' })
export class SpokenIdentitySearchResult {
  @Field(() => [RankedIdentityCandidate], { description: `At most ${MAX_CANDIDATES}, best match first.` })
  candidates!: RankedIdentityCandidate[];
  @Field(() => Boolean, { description: 'More patients matched: ask for more traits.' }) truncated!: boolean;
  @Field(() => Int, { description: 'How many candidates are returned (the length of `candidates`).' })
  count!: number;
}

@Resolver()
export class SpokenIdentitySearchResolver {
  @Query(() => SpokenIdentitySearchResult, {
    nullable: true,
    description:
      'Centre 15 regulators only: find a patient from traits heard on the phone, spelt by ear, with an uncertain date, ranked with the reasons. Every search is traced with the traits used.',
  })
  async searchPatientsBySpokenTraits(
    @Arg('traits', () => SpokenIdentityTraits, { description: 'What the caller said.' }) traits: SpokenIdentityTraits,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpokenIdentitySearchResult> {
    const question = spokenQuestion(traits, ctx.now);
    // Counted once the question is valid (bad input changes nothing), before any SQL.
    await takeSearch(ctx);
    const rows = await findSpokenCandidates(ctx.deps.store, { ...question.query, limit: MAX_CANDIDATES + 1 });
    const candidates = rows.slice(0, MAX_CANDIDATES).map((r) => ranked(r, question.query.weights, question.sexGiven));
    // The trace names the traits used, the precision of the date and how many came back, not who.
    const used = Object.entries(traits)
      .filter(([, v]) => v != null && v !== '')
      .map(([k]) => k)
      .sort();
    recordAccess(ctx, {
      patientIns: null,
      action: 'trait-search',
      touched: [...used, `precision:${question.query.dates.kind}`, `candidates:${candidates.length}`],
      outcome: 'allowed',
      rule: 'regulator.trait-search',
      mode: 'centre_15',
    });
    return { candidates, truncated: rows.length > MAX_CANDIDATES, count: candidates.length };
  }
}

/**
 * The question checked (bad input names its argument, before any SQL) and turned into keys and weights. Exported
 * for bench/spoken-search.ts, which measures the same path without HTTP.
 */
export function spokenQuestion(traits: SpokenIdentityTraits, now: Date) {
  const dates = readDates(traits, now);
  const nameKey = traits.name ? queryKey(traits.name) : '';
  const firstNames = traits.firstName ? firstNameParts(traits.firstName) : { words: [], phonetic: [] };
  const firstNameLetters = firstNames.words.length ? Math.max(...firstNames.words.map((w) => w.length)) : 0;
  if (traits.birthplaceCode != null && !hasFormat('birthplace', traits.birthplaceCode))
    throw badInput('traits.birthplaceCode', FORMATS.birthplace.rule);
  for (const field of ['birthDepartement', 'residenceDepartement'] as const) {
    const value = traits[field];
    if (value != null && !DEPARTEMENTS.has(value as never))
      throw badInput(`traits.${field}`, 'an INSEE département code (01–95, 2A, 2B, 971–976)');
  }
  const ageSpanYears = dates.kind === 'AGE_RANGE' ? traits.ageTo! - traits.ageFrom! : null;
  const refusal = fishingRefusal({
    precision: dates.kind,
    nameLetters: nameKey.length,
    firstNameLetters,
    others: [traits.sex, traits.birthplaceCode, traits.birthDepartement, traits.residenceDepartement].filter(
      (v) => v != null && v !== '',
    ).length,
    ageSpanYears,
  });
  if (refusal) throw badInput(refusal.field, refusal.reason);
  const nameGiven = nameKey.length > 0;
  const firstNameGiven = firstNames.words.length > 0;
  return {
    sexGiven: traits.sex != null,
    query: {
      dates,
      name: nameGiven
        ? {
            key: nameKey,
            phonetic: phoneticKey(traits.name!),
            allowed: allowedNameMatches(dates.kind),
            similarity: APPROXIMATE_SIMILARITY,
          }
        : null,
      firstName: firstNameGiven
        ? {
            // Only the typed words, not their run-together form: each must agree with a part.
            words: firstNames.words.slice(0, typedWordCount(firstNames.words)),
            phonetic: firstNames.phonetic.slice(0, typedWordCount(firstNames.words)),
            // The typed key (name-keys.ts) answers rows written before migration 020, which have no parts.
            key: queryKey(traits.firstName!),
          }
        : null,
      sex: traits.sex ?? null,
      birthplaceCode: traits.birthplaceCode ?? null,
      birthplaceDepartement: traits.birthplaceCode ? departementOf(traits.birthplaceCode) : null,
      birthDepartement: traits.birthDepartement ?? null,
      residenceDepartement: traits.residenceDepartement ?? null,
      weights: traitWeights(ageSpanYears),
    },
  };
}

/** `firstNameParts` appends the words run together when there are several: the words typed come before it. */
const typedWordCount = (words: string[]) => (words.length > 1 ? words.length - 1 : words.length);

function readDates(traits: SpokenIdentityTraits, now: Date) {
  const given = [traits.birthDate != null, traits.birthYear != null, traits.ageFrom != null || traits.ageTo != null];
  if (given.filter(Boolean).length !== 1)
    throw badInput('traits', 'give exactly one of a birth date, a birth year, or an age range (ageFrom and ageTo)');
  const thisYear = parisYear(now);
  if (traits.birthDate != null) {
    const variants = birthDateVariants(traits.birthDate);
    return {
      kind: 'DATE' as const,
      exact: variants.exact,
      swapped: variants.swapped,
      oneDigit: variants.oneDigit,
    };
  }
  if (traits.birthYear != null) {
    if (traits.birthYear < thisYear - MAX_AGE || traits.birthYear > thisYear)
      throw badInput('traits.birthYear', `a year between ${thisYear - MAX_AGE} and ${thisYear}`);
    const [from, to] = birthDatesOfYear(traits.birthYear);
    return { kind: 'BIRTH_YEAR' as const, from, to };
  }
  if (traits.ageFrom == null) throw badInput('traits.ageFrom', 'an age range needs its youngest age');
  if (traits.ageTo == null) throw badInput('traits.ageTo', 'an age range needs its oldest age');
  if (traits.ageFrom < 0 || traits.ageFrom > MAX_AGE) throw badInput('traits.ageFrom', `an age from 0 to ${MAX_AGE}`);
  if (traits.ageTo < traits.ageFrom || traits.ageTo > MAX_AGE)
    throw badInput('traits.ageTo', `an age from ageFrom to ${MAX_AGE}`);
  const [from, to] = birthDatesForAges(now, traits.ageFrom, traits.ageTo);
  return { kind: 'AGE_RANGE' as const, from, to };
}

/** A row with its score and each agreement, strongest first (the regulator reads them to the caller). */
function ranked(r: SpokenCandidateRow, weights: Record<string, number>, sexGiven: boolean): RankedIdentityCandidate {
  const agreements: [SpokenTrait, Agreement | null][] = [
    ['NAME', r.name_how],
    ['FIRST_NAME', r.first_name_how],
    ['BIRTH_DATE', r.birth_date_how],
    ['SEX', sexGiven ? 'EXACT' : null],
    ['BIRTHPLACE', r.birthplace_how],
    ['BIRTH_DEPARTEMENT', r.birth_departement_how],
    ['RESIDENCE_DEPARTEMENT', r.residence_departement_how],
  ];
  const matches = agreements
    .filter((a): a is [SpokenTrait, Agreement] => a[1] != null)
    .map(([trait, how]) => ({ trait, how, weight: weights[`${trait}:${how}`] ?? 0 }))
    .sort((a, b) => b.weight - a.weight);
  return { identity: toIdentityCandidate(r), score: Math.round(Number(r.score) * 100) / 100, matches };
}
