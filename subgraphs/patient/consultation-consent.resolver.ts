import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { insArgument } from '../../runtime/arguments';
import { badInput, notFound } from '../../runtime/errors';
import type { SubgraphContext } from '../kit/context';
import { mayRecordConsent } from '../../policy/consultation-consent';
import type { Rule } from '../../policy/rules';
import { recordAccess } from '../../audit/trace-recorder';
import { tracedTransaction } from '../kit/traced-transaction';
import { Patient } from './patient.type';
import { factsOf, patientAfterChange, type VisiblePatient } from './patient.loader';
import { findPatientFacts } from './patient.repo';
import { addRelation, authoriseCareTeam } from './controls.repo';
import { professionalsByRpps } from './directory.repo';

@Resolver()
export class ConsultationConsentResolver {
  @Mutation(() => Patient, {
    nullable: true,
    description:
      "At a consultation, records that the patient, present and informed, consents to the caller's access: an authorisation of one year (renewed when recorded again), shown in the patient's care team with who recorded it, traced, and notified to the patient, who may revoke it at any time. Refused, as a record that does not exist is, to a professional the patient blocked.",
  })
  async recordConsultationConsent(
    @Arg('ins', () => String, { description: "The patient's INS." }) rawIns: string,
    @Arg('patientInformed', () => Boolean, {
      description: 'The professional attests that the patient is present, was informed, and consents.',
    })
    patientInformed: boolean,
    @Arg('careTeam', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        "Also for the care team of the caller's establishment (as the directory holds it): every professional there reads per their profession's matrix, while they are there.",
    })
    careTeam: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisiblePatient> {
    const ins = insArgument(rawIns);
    if (!patientInformed)
      throw badInput('patientInformed', 'a consent is recorded only for a patient present, informed and consenting');
    const traced = (outcome: 'allowed' | 'denied', rule: Rule) =>
      recordAccess(ctx, { patientIns: ins, action: 'record-consent', touched: ['careTeam'], outcome, rule });
    await tracedTransaction(ctx, async (tx) => {
      const [row] = await findPatientFacts(tx, ctx.actor, [ins], ctx.now, { forUpdate: true });
      const decision = row ? mayRecordConsent(ctx.actor, factsOf(row)) : null;
      // One answer for every refusal: recording a consent must not tell a professional which records exist.
      if (!decision?.allowed || ctx.actor.kind !== 'professional') {
        traced('denied', decision?.rule ?? 'deny.no-such-record');
        throw notFound('No DMP found for this INS');
      }
      await addRelation(tx, ins, ctx.actor.rpps, 'AUTHORISED', ctx.now, ctx.actor.rpps);
      if (careTeam) {
        const [self] = await professionalsByRpps(tx, [ctx.actor.rpps]);
        if (!self?.establishment_finess)
          throw badInput('careTeam', 'the directory places you in no establishment: record the consent for yourself');
        await authoriseCareTeam(tx, ins, self.establishment_finess, ctx.now, ctx.actor.rpps);
      }
      traced('allowed', decision.rule);
    });
    return patientAfterChange(ctx, ins);
  }
}
