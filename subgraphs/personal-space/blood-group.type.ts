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
registerEnumType(BloodGroupEnum, { name: 'BloodGroup', description: 'ABO group and Rh factor: APOS is A+, ONEG O-.' });
export const AboGroupEnum = { A: 'A', B: 'B', AB: 'AB', O: 'O' } as const;
registerEnumType(AboGroupEnum, { name: 'AboGroup' });
export const RhesusEnum = { POSITIVE: 'POSITIVE', NEGATIVE: 'NEGATIVE' } as const;
registerEnumType(RhesusEnum, { name: 'RhesusFactor' });

@ObjectType({
  description:
    "The blood group as the patient's side states it (not a laboratory's determination), with who recorded it.",
})
export class BloodGroupRecord {
  @Field(() => BloodGroupEnum) group!: keyof typeof BloodGroupEnum;
  @Field(() => AboGroupEnum) abo!: keyof typeof AboGroupEnum;
  @Field(() => RhesusEnum) rhesus!: keyof typeof RhesusEnum;
  @Field(() => String, { description: 'As a person reads it: "A+", "O-".' }) label!: string;
  @Field(() => HealthProfileAuthor) recordedBy!: HealthProfileAuthor;
}

/** The ABO group and Rh factor a value names. */
export function splitBloodGroup(group: keyof typeof BloodGroupEnum): Omit<BloodGroupRecord, 'recordedBy'> {
  const negative = group.endsWith('NEG');
  const abo = group.slice(0, -3) as keyof typeof AboGroupEnum;
  return { group, abo, rhesus: negative ? 'NEGATIVE' : 'POSITIVE', label: `${abo}${negative ? '-' : '+'}` };
}
