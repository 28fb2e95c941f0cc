import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { HealthProfileAuthor } from './measures.type';

/** ABO group and Rh factor in one value, as the patient apps write it. */
export const BloodGroupEnum = {
  APOS: 'APOS',
  ANEG: 'ANEG',
  BPOS: 'BPOS',
  BNEG: 'BNEG',
  ABPOS: 'ABPOS',
  ABNEG: 'ABNEG',
  OPOS: 'OPOS',
  ONEG: 'ONEG',
} as const;
registerEnumType(BloodGroupEnum, {
  name: 'BloodGroup',
  description: 'ABO group and Rh factor: APOS is A+, ONEG O-.',
  valuesConfig: {
    APOS: { description: 'A+: group A, Rh positive.' },
    ANEG: { description: 'A-: group A, Rh negative.' },
    BPOS: { description: 'B+: group B, Rh positive.' },
    BNEG: { description: 'B-: group B, Rh negative.' },
    ABPOS: { description: 'AB+: group AB, Rh positive.' },
    ABNEG: { description: 'AB-: group AB, Rh negative.' },
    OPOS: { description: 'O+: group O, Rh positive.' },
    ONEG: { description: 'O-: group O, Rh negative.' },
  },
});
export const AboGroupEnum = { A: 'A', B: 'B', AB: 'AB', O: 'O' } as const;
registerEnumType(AboGroupEnum, {
  name: 'AboGroup',
  description: 'The ABO group of a blood group: which of the antigens A and B the red cells carry.',
  valuesConfig: {
    A: { description: 'Group A: antigen A.' },
    B: { description: 'Group B: antigen B.' },
    AB: { description: 'Group AB: antigens A and B.' },
    O: { description: 'Group O: neither antigen.' },
  },
});
export const RhesusEnum = { POSITIVE: 'POSITIVE', NEGATIVE: 'NEGATIVE' } as const;
registerEnumType(RhesusEnum, {
  name: 'RhesusFactor',
  description: 'The Rh factor (RhD) of a blood group.',
  valuesConfig: {
    POSITIVE: { description: 'Rh positive (+): the red cells carry the D antigen.' },
    NEGATIVE: { description: 'Rh negative (-): the red cells do not carry the D antigen.' },
  },
});

@ObjectType({
  description:
    "The blood group as the patient's side states it (not a laboratory's determination), with who recorded it.",
})
export class BloodGroupRecord {
  @Field(() => BloodGroupEnum, { description: 'The group as stated: ABO group and Rh factor in one value.' })
  group!: keyof typeof BloodGroupEnum;
  @Field(() => AboGroupEnum, { description: 'The ABO group of `group`.' }) abo!: keyof typeof AboGroupEnum;
  @Field(() => RhesusEnum, { description: 'The Rh factor of `group`.' }) rhesus!: keyof typeof RhesusEnum;
  @Field(() => String, { description: 'As a person reads it: "A+", "O-".' }) label!: string;
  @Field(() => HealthProfileAuthor, { description: 'Who stated it, and when (last change).' })
  recordedBy!: HealthProfileAuthor;
}

/** The ABO group and Rh factor a value names. */
export function splitBloodGroup(group: keyof typeof BloodGroupEnum): Omit<BloodGroupRecord, 'recordedBy'> {
  const negative = group.endsWith('NEG');
  const abo = group.slice(0, -3) as keyof typeof AboGroupEnum;
  return { group, abo, rhesus: negative ? 'NEGATIVE' : 'POSITIVE', label: `${abo}${negative ? '-' : '+'}` };
}
