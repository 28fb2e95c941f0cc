import type { Actor } from '../domain/actor';
import type { Ins } from '../domain/ins';
import { readFileSync } from 'node:fs';
import { projectPath } from '../domain/paths';
import { SPECIALTIES, type ProfessionCode, type SpecialtyCode, type VisibilityLabel } from '../domain/codes';
import type { AccessGrant } from './grant';
import { HEIR_TYPE_CODES } from './heir-access';
import { isDenyRule, type DenyRule, type GrantRule, type Refusal } from './rules';
import { establishmentBlockRefusal } from './establishment-block';
import type { MaskingPeriod } from './default-masking';

export type DmpStatus = 'ACTIVE' | 'CLOSED' | 'DELETED';

/** What the registry knows of one patient and of the actor's relation to them. */
export interface PatientAccessFacts {
  ins: Ins;
  dmpStatus: DmpStatus;
  consents: { etreat: boolean; btg: boolean; masked: boolean };
  /** The actor is a legal representative of this patient, currently acting (minor or protected adult). */
  isRepresentative: boolean;
  /** The médecin traitant DMP. */
  isTreatingDoctor: boolean;
  /** A DMP administrator the patient named: the médecin traitant's access, under a rule of its own in the trace. */
  isAdministrator: boolean;
  isAuthorised: boolean;
  /** A member, at this instant, of an establishment's care team the patient authorised (and not expired). */
  inAuthorisedCareTeam?: boolean;
  isBlocked: boolean;
  /**
   * The patient blocked the establishment this professional acts for: the one that vouches for them, or the one
   * the directory places them in (policy/establishment-block.ts).
   */
  establishmentBlocked?: boolean;
  /** An open bris de glace grant of this professional for this patient. */
  hasEmergencyGrant: boolean;
  /** Its justification, when there is one. */
  emergencyJustification?: string | null;
  /** Documents the patient masked (MASQUE_PS). */
  maskedDocumentIds?: string[];
  /** The spans of masking by default of new documents (policy/default-masking.ts). */
  maskedByDefault?: MaskingPeriod[];
  /** Documents the patient unmasked, which their default does not mask. */
  unmaskedDocumentIds?: string[];
  /** Documents the minor keeps secret from their representatives after deposit (L1111-5). */
  secretDocumentIds?: string[];
  /** The patient is a minor at the request's instant. */
  isMinor?: boolean;
  /** The patient's death is recorded (the record is then closed). */
  deceased?: boolean;
  /** The patient objected, while alive, to access by their heirs (L1111-18). */
  heirsObjection?: boolean;
  /** The actor is a registered heir of this patient. */
  isHeir?: boolean;
  /** The actor (a patient) is this patient's caregiver under a delegation in force (policy/caregiving.ts). */
  isCaregiver?: boolean;
}

export type Decision = { allowed: true; rule: GrantRule; grant: AccessGrant } | Refusal;

const deny = (rule: DenyRule, reason: string): Refusal => ({ allowed: false, rule, reason });

/**
 * The centre 15's own conditions on a record (docs/law.md §3): the DMP active, and the patient not opposed to
 * access by the SAMU regulator. decide() applies them to regulators; the identity search shows by them which
 * candidates may be opened, so the two never disagree. Null when the record may be opened.
 */
export function centre15Refusal(facts: { dmpStatus: DmpStatus; consents: { etreat: boolean } }): Refusal | null {
  if (facts.dmpStatus !== 'ACTIVE') return deny('deny.dmp-not-active', 'the DMP is closed or deleted');
  if (!facts.consents.etreat) return deny('deny.etreat-refused', 'the patient refused access by the centre 15');
  return null;
}

/** policy/restricted-specialties.json: specialties refused whatever the relation or mode, with their rule. */
export function loadRestrictedSpecialties(
  path = projectPath('policy', 'restricted-specialties.json'),
): Map<string, { rule: DenyRule; reason: string }> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    specialties: Record<string, { rule: string; reason: string; source: string }>;
  };
  const restricted = new Map<string, { rule: DenyRule; reason: string }>();
  for (const [code, entry] of Object.entries(data.specialties)) {
    if (!SPECIALTIES.has(code as SpecialtyCode)) throw new Error(`${path}: ${code} is not a TRE_R38 specialty`);
    if (!isDenyRule(entry.rule) || !entry.reason || !entry.source)
      throw new Error(`${path}: ${code}: needs a rule of policy/rules.ts DENY_RULES, a reason and a source`);
    restricted.set(code, { rule: entry.rule, reason: entry.reason });
  }
  return restricted;
}
const RESTRICTED_SPECIALTIES = loadRestrictedSpecialties();

/**
 * Decides whether an actor may read a patient's record, and with which filter (docs/law.md §3–4). Pure: the
 * registry gathers the facts, this returns the rule that matched. Deny unless a rule allows.
 */
export function decide(actor: Actor, facts: PatientAccessFacts): Decision {
  const allow = (rule: GrantRule, grant: Omit<AccessGrant, 'ins' | 'actorId' | 'rule'>): Decision => ({
    allowed: true,
    rule,
    grant: {
      ins: facts.ins,
      actorId: actor.id,
      rule,
      maskedDocumentIds: facts.maskedDocumentIds ?? [],
      maskedByDefault: facts.maskedByDefault ?? [],
      unmaskedDocumentIds: facts.unmaskedDocumentIds ?? [],
      secretDocumentIds: facts.secretDocumentIds ?? [],
      patientIsMinor: facts.isMinor ?? false,
      ...grant,
    },
  });
  const hidden = (...labels: VisibilityLabel[]) => labels;

  switch (actor.kind) {
    case 'unrecognised':
      return deny('deny.unknown-actor', "the registry's directory holds no such professional or account");
    case 'forbidden_organisation':
      return deny('deny.forbidden-organisation', 'L1111-18: this organisation may never read a DMP');
    case 'establishment':
      return deny('deny.feeding-channel', 'the feeding channel writes and never reads');
    case 'analyst':
      return deny('deny.analytics-person-level', 'analytics sees aggregates only, never a person');
    case 'operator':
      return deny('deny.operator-person-level', 'operators watch the service and read no patient data');
    case 'assurance_maladie_feed':
      return deny('deny.feeding-channel', 'the Assurance maladie feed writes and never reads');
    case 'host_physician':
      return deny(
        'deny.host-physician-reads-no-record',
        "the host's médecin decides deletion requests, reads no record",
      );
    case 'heir':
      // L1111-18: after the death, unless the patient objected while alive; limited to what heirs need.
      if (!facts.isHeir) return deny('deny.not-heir', 'not a registered heir of this patient');
      if (facts.dmpStatus === 'DELETED') return deny('deny.dmp-not-active', 'the DMP was deleted');
      if (!facts.deceased) return deny('deny.patient-alive', 'heirs have no access while the patient is alive');
      if (facts.heirsObjection) return deny('deny.heirs-objection', 'the patient objected to access by heirs');
      return allow('heir.limited', {
        mode: 'heir',
        matrixProfession: null,
        typeCodes: [...HEIR_TYPE_CODES],
        hiddenLabels: hidden('INVISIBLE_PATIENT'),
        maskedVisible: false,
        authorId: null,
      });
    default:
      break;
  }
  if (facts.dmpStatus !== 'ACTIVE') return deny('deny.dmp-not-active', 'the DMP is closed or deleted');

  switch (actor.kind) {
    case 'patient':
      if (actor.ins !== facts.ins) {
        if (!facts.isCaregiver) return deny('deny.other-patient', 'a patient reads only their own DMP');
        // The caregiver the patient chose reads for them, and no more than they need: neither what the patient
        // keeps from professionals (MASQUE_PS) nor what is kept from those who act for the patient
        // (INVISIBLE_REPRESENTANTS_LEGAUX), nor what waits for the consultation d'annonce (R1111-53). The grant
        // rule admits no field of the patient's rights (consents, masks, representatives, access history).
        return allow('caregiver.delegated', {
          mode: 'caregiver',
          matrixProfession: null,
          hiddenLabels: hidden('INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX'),
          maskedVisible: false,
          authorId: null,
        });
      }
      // R1111-53: INVISIBLE_PATIENT waits for the consultation d'annonce (revealed after a month by the filter).
      return allow('patient.self', {
        mode: 'patient',
        matrixProfession: null,
        hiddenLabels: hidden('INVISIBLE_PATIENT'),
        maskedVisible: true,
        authorId: null,
      });
    case 'representative':
      if (!facts.isRepresentative) return deny('deny.not-representative', 'not a legal representative of this patient');
      // L1111-5: the minor's secret documents are hidden from representatives.
      return allow('representative.legal', {
        mode: 'representative',
        matrixProfession: null,
        hiddenLabels: hidden('INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX'),
        maskedVisible: true,
        authorId: null,
      });
    case 'professional': {
      if (facts.isBlocked) return deny('deny.blocked', 'the patient blocked this professional');
      const blockedThrough = establishmentBlockRefusal(actor, facts);
      if (blockedThrough) return blockedThrough;
      // L1111-17 IV: a specialty the law keeps out (occupational medicine) is refused in every mode.
      const restricted = actor.specialty ? RESTRICTED_SPECIALTIES.get(actor.specialty) : undefined;
      if (restricted) return deny(restricted.rule, restricted.reason);
      // The trace names the relation the law gives the access under: médecin traitant, or administrator.
      if (facts.isTreatingDoctor || facts.isAdministrator) {
        return allow(facts.isTreatingDoctor ? 'professional.medecin-traitant' : 'professional.administrator', {
          mode: 'normal',
          matrixProfession: null,
          hiddenLabels: [],
          maskedVisible: true,
          authorId: actor.rpps,
        });
      }
      // Authorised in person, or as a member of an authorised care team: the matrix of their own profession.
      if (facts.isAuthorised || facts.inAuthorisedCareTeam) {
        return allow(facts.isAuthorised ? 'professional.authorised' : 'professional.care-team', {
          mode: 'normal',
          matrixProfession: actor.profession,
          hiddenLabels: [],
          maskedVisible: false,
          authorId: actor.rpps,
        });
      }
      if (facts.hasEmergencyGrant) {
        if (!facts.consents.btg) return deny('deny.btg-refused', 'the patient refused bris de glace');
        return allow('professional.bris-de-glace', {
          mode: 'bris_de_glace',
          matrixProfession: actor.profession,
          hiddenLabels: [],
          maskedVisible: facts.consents.masked,
          authorId: actor.rpps,
          justification: facts.emergencyJustification ?? null,
        });
      }
      return deny('deny.no-authorisation', 'no authorisation from the patient and not in the care team');
    }
    case 'regulator': {
      const refusal = centre15Refusal(facts);
      if (refusal) return refusal;
      // Regulators are médecins régulateurs: the médecin column of the matrix applies.
      return allow('regulator.centre-15', {
        mode: 'centre_15',
        matrixProfession: '10' as ProfessionCode,
        hiddenLabels: [],
        maskedVisible: facts.consents.masked,
        authorId: null,
      });
    }
    default:
      return exhaustive(actor);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled actor ${JSON.stringify(value)}`);
}
