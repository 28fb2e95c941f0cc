import { isVouchedStaff, type Actor } from '../domain/actor';
import type { PatientAccessFacts } from './decide';
import { archiveEnds } from './periods';
import type { ActionRule, DenyRule, Refusal } from './rules';
import { STAFF_READS_ONLY } from './staff-reads-only';

export type LifecycleDecision = { allowed: true; rule: ActionRule } | Refusal;
const refuse = (rule: DenyRule, reason: string): LifecycleDecision => ({ allowed: false, rule, reason });

/** The record's lifecycle (docs/law.md §4, docs/law.md §4). Creation is judged apart: there are no facts yet. */

/** Who collected the patient's express consent to create their DMP. */
export type ConsentCollector = 'PATIENT' | 'REPRESENTATIVE' | 'PROFESSIONAL' | 'ESTABLISHMENT';

export type CreationDecision = { allowed: true; rule: ActionRule; collectedBy: ConsentCollector } | Refusal;

/**
 * Who may create a DMP (L1111-14: with the patient's express consent): the patient for themselves, a legal
 * representative for a minor (L1111-2: parental authority consents for the child), or the professional or
 * establishment who collected that consent. Pure; deny unless a rule allows.
 */
export function mayCreateRecord(actor: Actor, ins: string, patientIsMinor = false): CreationDecision {
  const refused: CreationDecision = {
    allowed: false,
    rule: 'deny.not-record-creator',
    reason: 'A DMP is created by the patient, or by the professional or establishment who collected their consent',
  };
  switch (actor.kind) {
    case 'patient':
      return actor.ins === ins ? { allowed: true, rule: 'lifecycle.create.patient', collectedBy: 'PATIENT' } : refused;
    case 'representative':
      return patientIsMinor
        ? { allowed: true, rule: 'lifecycle.create.representative', collectedBy: 'REPRESENTATIVE' }
        : {
            allowed: false,
            rule: 'deny.not-a-minor',
            reason: "a representative creates a minor's DMP; a protected adult's is created with operations",
          };
    case 'professional':
      // The consent is collected by someone the registry can name as its collector: not staff without a card.
      if (actor.vouchedBy) return STAFF_READS_ONLY;
      return { allowed: true, rule: 'lifecycle.create.professional', collectedBy: 'PROFESSIONAL' };
    case 'establishment':
      return { allowed: true, rule: 'lifecycle.create.establishment', collectedBy: 'ESTABLISHMENT' };
    default:
      return refused;
  }
}

/** Operations retry the purges some source has not confirmed (docs/law.md §4: deletion done within three months). */
export function mayResumeDeletions(actor: Actor): LifecycleDecision {
  return actor.kind === 'operator'
    ? { allowed: true, rule: 'lifecycle.resume-deletions.operations' }
    : refuse('deny.not-operations', 'Operations resume deletions');
}
/**
 * The host's médecin carries out or refuses a patient's request to delete a document a professional wrote
 * (R1111-51; seed 002: « réalisée par le médecin de l'hébergeur »). Nobody else decides them.
 */
export function mayDecideDocumentDeletion(actor: Actor): LifecycleDecision {
  return actor.kind === 'host_physician'
    ? { allowed: true, rule: 'lifecycle.decide-document-deletion.host-physician' }
    : refuse('deny.not-host-physician', "The host's médecin decides deletion requests");
}

export type LifecycleChange =
  | 'close'
  | 'reopen'
  | 'delete'
  | 'declare-death'
  | 'set-heirs-objection'
  | 'register-heir'
  | 'request-document-deletion';

const patientSide = (actor: Actor, facts: PatientAccessFacts) =>
  (actor.kind === 'patient' && actor.ins === facts.ins) || (actor.kind === 'representative' && facts.isRepresentative);

/**
 * Who may move a record through its lifecycle. Pure; deny unless a rule allows.
 * - close, delete, heirs' objection, deletion requests: the patient's side, on a living, active record;
 * - reopen: the patient's side, or the professional or establishment they asked (docs/law.md §4), within the
 *   archive period and never for a record closed by death;
 * - declare death: a médecin who treats the patient (médecin traitant, administrator or authorised), or
 *   operations (the RNIPP death feed); register an heir: operations, after checking their claim.
 */
export function mayChangeLifecycle(
  actor: Actor,
  facts: PatientAccessFacts & { closedAt?: Date | null },
  change: LifecycleChange,
  now: Date,
): LifecycleDecision {
  if (facts.dmpStatus === 'DELETED') return refuse('deny.dmp-deleted', 'the DMP was deleted');
  if (isVouchedStaff(actor)) return STAFF_READS_ONLY;
  switch (change) {
    case 'close':
    case 'delete':
    case 'set-heirs-objection':
    case 'request-document-deletion':
      if (facts.deceased) return refuse('deny.patient-deceased', 'the patient is deceased');
      if (change !== 'delete' && facts.dmpStatus !== 'ACTIVE')
        return refuse('deny.dmp-not-active', 'the DMP is closed');
      return patientSide(actor, facts)
        ? { allowed: true, rule: `lifecycle.${change}.patient` }
        : refuse(
            'deny.not-record-controller',
            `only the patient or their representative may ${change.replace(/-/g, ' ')}`,
          );
    case 'reopen': {
      if (facts.dmpStatus !== 'CLOSED') return refuse('deny.dmp-not-closed', 'the DMP is not closed');
      if (facts.deceased) return refuse('deny.patient-deceased', 'a record closed by death is not reopened');
      // The closed record is archived ten years (docs/law.md §4), counted on the calendar from its closure.
      if (facts.closedAt && archiveEnds(new Date(facts.closedAt)) < now)
        return refuse('deny.archive-expired', 'the archive period of ten years is over');
      if (patientSide(actor, facts)) return { allowed: true, rule: 'lifecycle.reopen.patient' };
      if (actor.kind === 'professional' && !facts.isBlocked)
        return { allowed: true, rule: 'lifecycle.reopen.on-request' };
      if (actor.kind === 'establishment') return { allowed: true, rule: 'lifecycle.reopen.on-request' };
      return refuse(
        'deny.not-record-controller',
        'the patient, or a professional or establishment at their request, reopens a DMP',
      );
    }
    case 'declare-death':
      if (facts.deceased) return refuse('deny.patient-deceased', 'the death is already recorded');
      if (actor.kind === 'operator') return { allowed: true, rule: 'lifecycle.death.rnipp' };
      if (
        actor.kind === 'professional' &&
        actor.profession === '10' &&
        !facts.isBlocked &&
        (facts.isTreatingDoctor || facts.isAdministrator || facts.isAuthorised)
      ) {
        return { allowed: true, rule: 'lifecycle.death.medecin' };
      }
      return refuse('deny.not-death-declarant', 'a médecin treating the patient, or the death feed, declares a death');
    case 'register-heir':
      if (!facts.deceased) return refuse('deny.patient-alive', 'heirs are registered after the death');
      if (facts.heirsObjection) return refuse('deny.heirs-objection', 'the patient objected to access by heirs');
      return actor.kind === 'operator'
        ? { allowed: true, rule: 'lifecycle.register-heir.operations' }
        : refuse('deny.not-operations', 'operations registers an heir once their claim is checked');
    default:
      return exhaustive(change);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled lifecycle change ${String(value)}`);
}
