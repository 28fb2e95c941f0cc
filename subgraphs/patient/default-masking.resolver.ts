import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { touch } from '../../audit/trace-recorder';
import { documentMaskingOf } from '../../policy/default-masking';
import type { SubgraphContext } from '../kit/context';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { control, documentsInView, setMasks, type MaskTarget } from './controls.resolver';
import { setMaskingDefault } from './default-masking.repo';
import { DocumentMasking } from './default-masking.type';

/**
 * Masking by default of the documents still to come (issue 18, item 3; docs/law.md §4; policy/default-masking.ts).
 * The registry keeps the spans; the grant carries them to every source, which masks a document deposited within
 * one, so the default holds for every source and every writer from the instant of deposit. A patient control:
 * the patient or their legal representative (policy/controls.ts), traced and committed with its trace.
 */
@Resolver(() => Patient)
export class DefaultMaskingResolver {
  @FieldResolver(() => DocumentMasking, {
    nullable: true,
    description:
      'Whether the documents deposited from now on are masked from professionals (MASQUE_PS, TRE_A07), and since when. The patient side only.',
  })
  documentMasking(@Root() patient: VisiblePatient, @Ctx() ctx: SubgraphContext): DocumentMasking {
    touch(ctx, patient.decision.grant, 'documentMasking');
    return documentMaskingOf(patient.decision.grant.maskedByDefault ?? []);
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      "Masks from professionals (MASQUE_PS, TRE_A07; docs/law.md §4), or stops masking, every document deposited from now on by others than the patient's side, as setDocumentMasked would: its author, the médecin traitant and the administrators still read it, and so does an emergency access with the MASKED consent; the patient's side always does. What was deposited while the default was on stays masked until unmasked. The patient or their legal representative.",
  })
  async setDefaultDocumentMasking(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('masked', () => Boolean, { description: 'true: mask the documents to come; false: stop masking them.' })
    masked: boolean,
    @Arg('applyToExisting', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'Also mask (or unmask) every document there now that the reader sees, as setDocumentsMasked(filter: {}) does (at most 500).',
    })
    applyToExisting: boolean | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const id = insArgument(ins);
    // Listed before the change as setDocumentsMasked lists a category: with the reader's own view.
    const existing: MaskTarget[] = applyToExisting ? await documentsInView(ctx, id, {}, 'applyToExisting') : [];
    return control(ctx, id, masked ? 'mask-by-default' : 'unmask-by-default', 'documentMasking', async (tx) => {
      await setMaskingDefault(tx, id, masked, ctx.now);
      await setMasks(tx, id, existing, masked, ctx.now);
    });
  }
}
