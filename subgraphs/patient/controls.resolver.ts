import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { DocumentSourceEnum } from './document-source.enum';
import { idArgument, insArgument } from '../../runtime/arguments';
import { badInput, notFound } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import { mayControl, type PatientControl } from '../../policy/controls';
import { Patient } from './patient.type';
import { factsOf, patientAfterChange, registryLoaders, type VisiblePatient } from './patient.loader';
import { documentsMatching, parseGlobalId } from './documents.resolver';
import { DocumentsFilter } from './documents.type';
import * as repo from './controls.repo';
import { knownEstablishment, knownProfessional } from './directory';
import { pushCohort, queueCohortChange } from './cohort';
import { guardedChange } from './guarded-change';
import { isEstablishmentBlocked } from './care-roles.repo';
import { SECRET } from '../../audit/trace';

@InputType({ description: 'Only the consents given change; the others stay as they are.' })
export class EmergencyConsentsInput {
  @Field(() => Boolean, { nullable: true, description: 'ETREAT: the SAMU centre 15 may read. Omitted: unchanged.' })
  etreat?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'BTG: a professional may break the glass. Omitted: unchanged.' })
  btg?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'MASKED: masked documents are shown in an emergency. Omitted: unchanged.',
  })
  masked?: boolean | null;
}

/**
 * Runs one control: the INS and the actor's right are checked against fresh registry facts, then `apply`
 * runs in one transaction. A record the actor may not see answers NOT_FOUND, as reads do; bad input changes nothing.
 */
export async function control(
  ctx: SubgraphContext,
  rawIns: string,
  kind: PatientControl,
  target: string,
  apply: (tx: SqlExecutor, ins: string) => Promise<void>,
): Promise<VisiblePatient> {
  const ins = insArgument(rawIns);
  await guardedChange(ctx, {
    ins,
    action: kind,
    touched: target,
    decide: (row) => mayControl(ctx.actor, factsOf(row), kind),
    apply: (tx) => apply(tx, ins),
  });
  return patientAfterChange(ctx, ins);
}

/** One document a mask is set on or lifted from, by its id in its source. */
export interface MaskTarget {
  id: string;
  source: string;
}

/**
 * The documents a filter names, as the reader sees them (at most 500; more is bad input naming `field`): the
 * reader's own view decides what a category holds, so they mask only what they may see.
 */
export async function documentsInView(
  ctx: SubgraphContext,
  ins: string,
  filter: DocumentsFilter,
  field: string,
): Promise<MaskTarget[]> {
  const patient = await registryLoaders(ctx).visible.load(ins);
  if (!patient) throw notFound('No DMP found for this INS');
  return (await documentsMatching(ctx, patient, filter, 500, field)).map((d) => ({
    id: d.documentId,
    source: d.source,
  }));
}

/** Masks or unmasks these documents, within the caller's transaction. */
export async function setMasks(
  tx: SqlExecutor,
  ins: string,
  documents: readonly MaskTarget[],
  masked: boolean,
  now: Date,
): Promise<void> {
  for (const document of documents) await repo.setDocumentDecision(tx, 'mask', ins, document, masked, now);
}

@Resolver()
export class PatientControlsResolver {
  @Mutation(() => Patient, {
    nullable: true,
    description: 'Lets a professional read the DMP (per the habilitation matrix).',
  })
  authoriseProfessional(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'authorise', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      if ((await repo.relationsOf(tx, ins, rpps)).has('BLOCKED'))
        throw badInput('rpps', 'this professional is blocked: unblock them first');
      await repo.addRelation(tx, ins, rpps, 'AUTHORISED', ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      "Lets an establishment's care team read the DMP for one year (renewed when given again): every professional the directory places in that establishment, while they are there, per the habilitation matrix of their own profession.",
  })
  authoriseCareTeam(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('finess', () => String, { description: 'The FINESS of an establishment of the directory.' }) finess: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'authorise-care-team', `finess:${finess}`, async (tx) => {
      await knownEstablishment(tx, finess);
      // As for a blocked professional: the patient lifts the block first (policy/establishment-block.ts).
      if (await isEstablishmentBlocked(tx, ins, finess))
        throw badInput('finess', 'this establishment is blocked: unblock it first');
      await repo.authoriseCareTeam(tx, ins, finess, ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: "Withdraws a care team's authorisation; its members lose that access from the next request.",
  })
  revokeCareTeam(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('finess', () => String, { description: 'The FINESS of an establishment of the directory.' }) finess: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'revoke-care-team', `finess:${finess}`, async (tx) => {
      await knownEstablishment(tx, finess);
      await repo.revokeCareTeam(tx, ins, finess);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Withdraws an authorisation; the professional loses access from the next request.',
  })
  revokeProfessional(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'revoke', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      await repo.removeRelation(tx, ins, rpps, 'AUTHORISED');
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Refuses a professional in every mode, bris de glace included. The patient, a representative or the médecin traitant.',
  })
  blockProfessional(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'block', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      if ((await repo.relationsOf(tx, ins, rpps)).has('MEDECIN_TRAITANT'))
        throw badInput('rpps', 'is the médecin traitant: name another one first');
      await repo.addRelation(tx, ins, rpps, 'BLOCKED', ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Lifts the block of a professional: from the next request they read as the matrix, their relations and the emergency modes allow.',
  })
  unblockProfessional(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'unblock', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      await repo.removeRelation(tx, ins, rpps, 'BLOCKED');
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Masks (MASQUE_PS) or unmasks a document of any source: hidden from professionals but its author and the médecin traitant. Not a deletion.',
  })
  setDocumentMasked(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('documentId', () => ID, {
      description: "The document's id in its source's own list (`DocumentSummary.documentId`).",
    })
    documentId: string,
    @Arg('source', () => DocumentSourceEnum, { description: 'The source that holds the document.' }) source: string,
    @Arg('masked', () => Boolean, { description: 'True masks the document, false lifts the mask.' }) masked: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, masked ? 'mask' : 'unmask', documentId, async (tx) => {
      idArgument(documentId, 'documentId');
      await repo.setDocumentDecision(tx, 'mask', ins, { id: documentId, source }, masked, ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      "Masks (MASQUE_PS) or unmasks several documents at once: those named by their id over every source (1 to 100, from Patient.documents), or every document matching a filter (a whole category; at most 500). The app's confidentiality value N (visible to the patient and to professionals) is the absence of MASQUE_PS and INVISIBLE_REPRESENTANTS_LEGAUX.",
  })
  async setDocumentsMasked(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], {
      nullable: true,
      description: 'The documents, 1 to 100, by their id over every source (`DocumentSummary.id`). Give ids or filter.',
    })
    ids: string[] | null,
    @Arg('filter', () => DocumentsFilter, {
      nullable: true,
      description: 'Every document the reader sees that matches it, at most 500. Give ids or filter.',
    })
    filter: DocumentsFilter | null,
    @Arg('masked', () => Boolean, { description: 'True masks the documents, false lifts their mask.' }) masked: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    const id = insArgument(ins);
    if ((ids == null) === (filter == null)) throw badInput('ids', 'give either ids or a filter');
    let documents: MaskTarget[];
    if (ids != null) {
      if (ids.length === 0 || ids.length > 100) throw badInput('ids', 'give 1 to 100 document ids');
      documents = ids.map((one) => parseGlobalId(one, 'ids'));
    } else {
      documents = await documentsInView(ctx, id, filter!, 'filter');
    }
    return control(ctx, id, masked ? 'mask' : 'unmask', `documents:${documents.length}`, (tx) =>
      setMasks(tx, id, documents, masked, ctx.now),
    );
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'A minor keeps a document of any source secret from their legal representatives (L1111-5), or shares it again: it then carries INVISIBLE_REPRESENTANTS_LEGAUX, and the representatives see neither it nor the accesses that concerned only it. Only the minor decides; sharing again lifts only this decision, never the label its author set at deposit.',
  })
  setDocumentSecretFromRepresentatives(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('documentId', () => ID, {
      description: "The document's id in its source's own list (`DocumentSummary.documentId`).",
    })
    documentId: string,
    @Arg('source', () => DocumentSourceEnum, { description: 'The source that holds the document.' }) source: string,
    @Arg('secret', () => Boolean, {
      description: 'True keeps the document secret from the legal representatives, false shares it again.',
    })
    secret: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    // The trace names the document as a secret, so the representatives' history shows neither it nor this act.
    const target = `${SECRET}${documentId}`;
    return control(ctx, ins, secret ? 'keep-secret' : 'share-secret', target, async (tx) => {
      idArgument(documentId, 'documentId');
      await repo.setDocumentDecision(tx, 'secret', ins, { id: documentId, source }, secret, ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'ETREAT (centre 15), BTG (bris de glace), MASKED (masked documents in an emergency).',
  })
  setEmergencyConsents(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('consents', () => EmergencyConsentsInput, {
      description: 'The consents to change, at least one; those omitted stay as they are.',
    })
    consents: EmergencyConsentsInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'set-emergency-consents', 'emergencyConsents', async (tx) => {
      if (consents.etreat == null && consents.btg == null && consents.masked == null)
        throw badInput('consents', 'give at least one of etreat, btg, masked');
      await repo.setEmergencyConsents(tx, ins, consents);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Consents to, or withdraws from, secondary use: aggregates count only consenting patients, and a withdrawal holds from the next query.',
  })
  async setSecondaryUseConsent(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('consent', () => Boolean, { description: 'True consents to secondary use, false withdraws the consent.' })
    consent: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    const patient = await control(ctx, ins, 'set-secondary-use', 'secondaryUse', async (tx, id) => {
      await repo.setSecondaryUse(tx, id, consent);
      await queueCohortChange(tx, id);
    });
    await pushCohort(ctx);
    return patient;
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Names the médecin traitant DMP (a médecin), replacing the previous one.',
  })
  nameMedecinTraitant(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'name-medecin-traitant', rpps, async (tx) => {
      const professional = await knownProfessional(tx, rpps);
      if (professional.profession_code !== '10')
        throw badInput('rpps', 'the médecin traitant is a médecin (TRE_G15 10)');
      if ((await repo.relationsOf(tx, ins, rpps)).has('BLOCKED'))
        throw badInput('rpps', 'this professional is blocked: unblock them first');
      await repo.replaceMedecinTraitant(tx, ins, rpps, ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Removes the médecin traitant DMP: from the next request they read as the matrix and any authorisation of their own allow, no more.',
  })
  removeMedecinTraitant(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'remove-medecin-traitant', 'careTeam', async (tx) => {
      if (!(await repo.removeMedecinTraitant(tx, ins))) throw badInput('ins', 'this record has no médecin traitant');
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description: 'Names a DMP administrator, who reads like the médecin traitant.',
  })
  nameAdministrator(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'name-administrator', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      if ((await repo.relationsOf(tx, ins, rpps)).has('BLOCKED'))
        throw badInput('rpps', 'this professional is blocked: unblock them first');
      await repo.addRelation(tx, ins, rpps, 'ADMINISTRATOR', ctx.now);
    });
  }

  @Mutation(() => Patient, {
    nullable: true,
    description:
      'Removes a DMP administrator: from the next request they read as the matrix and any authorisation of their own allow, no more.',
  })
  removeAdministrator(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('rpps', () => String, { description: 'The RPPS of a professional of the directory.' }) rpps: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return control(ctx, ins, 'remove-administrator', rpps, async (tx) => {
      await knownProfessional(tx, rpps);
      await repo.removeRelation(tx, ins, rpps, 'ADMINISTRATOR');
    });
  }
}
