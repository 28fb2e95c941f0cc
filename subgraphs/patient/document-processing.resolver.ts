import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { perRequest } from '../../runtime/context';
import { insArgument } from '../../runtime/arguments';
import { touch } from '../../audit/trace-recorder';
import type { SubgraphContext } from '../kit/context';
import { Patient } from './patient.type';
import type { VisiblePatient } from './patient.loader';
import { control } from './controls.resolver';
import {
  DocumentProcessingConsent,
  SetDocumentProcessingConsentInput,
  SetDocumentProcessingConsentPayload,
} from './document-processing.type';
import * as repo from './document-processing.repo';

/**
 * Consent to the automatic processing of the record's documents (docs/law.md §4, "Automatic processing"). The
 * registry keeps the patient's side's decision; a service that extracts measures from the documents processes
 * only a record whose decision is `granted: true` (RGPD art. 9.2.a), and stops from the withdrawal (art. 7.3).
 * A patient control: the patient, or the legal representative of a person they represent, traced and committed
 * with its trace. Nobody else reads it: it says nothing a professional needs to care.
 */
const loaders = perRequest((ctx: SubgraphContext) => ({
  consent: new DataLoader<string, repo.ProcessingConsentRow | null>(async (insList) => {
    const rows = await repo.processingConsentsOf(ctx.deps.store, insList);
    return insList.map((ins) => rows.find((r) => r.patient_ins === ins) ?? null);
  }),
}));

function consentOf(row: repo.ProcessingConsentRow | null): DocumentProcessingConsent {
  return {
    granted: row?.granted ?? null,
    decidedAt: row?.decided_at ?? null,
  };
}

@Resolver(() => Patient)
export class DocumentProcessingResolver {
  @FieldResolver(() => DocumentProcessingConsent, {
    nullable: true,
    description:
      "The decision on the automatic processing of the record's documents (the app's TRAITEMENT_AUTO_DOCS finality): granted or not, since when. It is offered on every record the patient's side reads: a closed DMP is read by no one and processed by no service. The patient's side only.",
  })
  async documentProcessingConsent(
    @Root() patient: VisiblePatient,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentProcessingConsent> {
    touch(ctx, patient.decision.grant, 'documentProcessingConsent');
    return consentOf(await loaders(ctx).consent.load(patient.ins));
  }

  @Mutation(() => SetDocumentProcessingConsentPayload, {
    nullable: true,
    description:
      "Consents to, refuses or withdraws from the automatic processing of the record's documents (docs/law.md §4): with `granted: false` nothing more is processed from this instant. Giving the same decision again changes nothing and keeps its date. The patient, or their legal representative, on an active DMP.",
  })
  async setDocumentProcessingConsent(
    @Arg('input', () => SetDocumentProcessingConsentInput, { description: 'The record and the consent to set.' })
    input: SetDocumentProcessingConsentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SetDocumentProcessingConsentPayload> {
    const ins = insArgument(input.ins, 'input.ins');
    const patient = await control(ctx, ins, 'set-document-processing', 'documentProcessingConsent', (tx) =>
      repo.setProcessingConsent(tx, ins, input.granted, ctx.now),
    );
    const { consent } = loaders(ctx);
    consent.clear(patient.ins);
    return { documentProcessingConsent: consentOf(await consent.load(patient.ins)), patient };
  }
}
