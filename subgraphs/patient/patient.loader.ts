import { notFound } from '../../runtime/errors';
import DataLoader from 'dataloader';
import { perRequest } from '../../runtime/context';
import { listsPerPatient } from '../kit/documents/rows-by-patient';
import type { SubgraphContext } from '../kit/context';
import { decide, type Decision, type PatientAccessFacts } from '../../policy/decide';
import { maskingPeriodsOf } from '../../policy/default-masking';
import { carry, type GrantCarrier } from '../kit/enforce/grant-carrier';
import { recordAccess } from '../../audit/trace-recorder';
import type { Ins } from '../../domain/ins';
import {
  findCareRelations,
  findCareTeamAuthorisations,
  type CareTeamAuthorisationRow,
  findPatientFacts,
  findRepresentatives,
  type CareRelationRow,
  type PatientFactsRow,
  type PatientRow,
  type RepresentativeRow,
} from './patient.repo';

/** A patient the actor may see, with the decision that let them (its grant carried for the field policy). */
export type VisiblePatient = {
  ins: string;
  insOid: string;
  row: PatientRow;
  decision: Extract<Decision, { allowed: true }>;
} & GrantCarrier;

/** The facts decide() and mayControl() judge by, from one registry row. */
export function factsOf(row: PatientFactsRow): PatientAccessFacts {
  return {
    ins: row.ins as Ins,
    dmpStatus: row.dmp_status,
    consents: { etreat: row.consent_etreat, btg: row.consent_btg, masked: row.consent_masked },
    isRepresentative: row.is_representative,
    isTreatingDoctor: row.is_treating,
    isAdministrator: row.is_administrator,
    isAuthorised: row.is_authorised,
    inAuthorisedCareTeam: row.in_authorised_care_team,
    isBlocked: row.is_blocked,
    establishmentBlocked: row.establishment_blocked,
    hasEmergencyGrant: row.has_emergency_grant,
    emergencyJustification: row.emergency_justification,
    maskedDocumentIds: row.masked_document_ids,
    maskedByDefault: maskingPeriodsOf(row.masking_default_periods),
    unmaskedDocumentIds: row.unmasked_document_ids,
    secretDocumentIds: row.secret_document_ids,
    isMinor: row.is_minor,
    deceased: row.deceased_on !== null,
    heirsObjection: row.heirs_objection,
    isHeir: row.is_heir,
    isCaregiver: row.is_caregiver,
  };
}

export const registryLoaders = perRequest((ctx: SubgraphContext) => ({
  /** null for a patient that does not exist and for one the actor may not see: the two are indistinguishable. */
  visible: new DataLoader<string, VisiblePatient | null>(async (insList) => {
    const rows = await findPatientFacts(ctx.deps.store, ctx.actor, insList, ctx.now);
    return insList.map((ins) => {
      const row = rows.find((r) => r.ins === ins);
      if (!row) {
        recordAccess(ctx, { patientIns: ins, outcome: 'denied', rule: 'deny.no-such-record' });
        return null;
      }
      const decision = (ctx.deps.decideOverride ?? decide)(ctx.actor, factsOf(row));
      if (!decision.allowed) {
        recordAccess(ctx, { patientIns: ins, outcome: 'denied', rule: decision.rule });
        return null;
      }
      // A bris de glace read carries its justification on every trace of it, the registry's included.
      recordAccess(ctx, {
        patientIns: ins,
        outcome: 'allowed',
        rule: decision.rule,
        mode: decision.grant.mode,
        justification: decision.grant.justification ?? null,
      });
      return carry({ ins: row.ins, insOid: row.ins_oid, row, decision }, decision.grant);
    });
  }),
  careRelations: new DataLoader<string, CareRelationRow[]>(async (insList) =>
    listsPerPatient(insList, await findCareRelations(ctx.deps.store, insList)),
  ),
  careTeamAuthorisations: new DataLoader<string, CareTeamAuthorisationRow[]>(async (insList) =>
    listsPerPatient(insList, await findCareTeamAuthorisations(ctx.deps.store, insList)),
  ),
  representatives: new DataLoader<string, RepresentativeRow[]>(async (insList) =>
    listsPerPatient(insList, await findRepresentatives(ctx.deps.store, insList)),
  ),
}));

/**
 * The record as the actor sees it after a change they made: decided afresh, since the change may have removed
 * their own access (a médecin traitant replaced); NOT_FOUND then, as for any record they may not see.
 */
export async function patientAfterChange(ctx: SubgraphContext, ins: string): Promise<VisiblePatient> {
  const loaders = registryLoaders(ctx);
  loaders.visible.clear(ins);
  loaders.careRelations.clear(ins);
  loaders.careTeamAuthorisations.clear(ins);
  const patient = await loaders.visible.load(ins);
  if (!patient) throw notFound('No DMP found for this INS');
  return patient;
}
