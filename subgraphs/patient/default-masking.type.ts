import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../schema/scalars';

@ObjectType({
  description:
    'Masking by default of the documents still to come (MASQUE_PS, TRE_A07; docs/law.md §4): while on, every document a professional, an establishment or the Assurance maladie deposits is masked from professionals from its deposit, except from its author, the médecin traitant and the administrators (and in an emergency with the MASKED consent). Never from the patient.',
})
export class DocumentMasking {
  @Field(() => Boolean, { description: 'Whether documents deposited from now on are masked from professionals.' })
  maskedByDefault!: boolean;

  @Field(() => DateTime, {
    nullable: true,
    description: 'Since when the current choice holds (when it was turned on, or off); null if it was never set.',
  })
  since!: Date | null;
}
