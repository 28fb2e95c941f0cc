import type { DocumentMimeType } from '../../domain/formats';

/**
 * Scenario files: one JSON document that states a whole situation of the graph (README, "Scenario files").
 * `npm run load -- <file>` validates all of it, then loads it into every subgraph's store.
 */
export interface Scenario {
  version: 1;
  professionals?: ProfessionalSpec[];
  accounts?: AccountSpec[];
  patients?: PatientSpec[];
}

export interface EstablishmentSpec {
  finess: string;
  name: string;
}

export interface ProfessionalSpec {
  /** 11 digits. The actor id is `ps:<rpps>`. */
  rpps: string;
  familyName: string;
  firstName: string;
  /** TRE_G15 code. */
  profession: string;
  /** TRE_R38 code. */
  specialty?: string | null;
  establishment?: EstablishmentSpec | null;
  /** Where they practise, as the directory publishes it. */
  contact?: ContactSpec | null;
}

export interface ContactSpec {
  addressLine: string;
  /** 5 digits. */
  postalCode: string;
  city: string;
  phone?: string | null;
}

export type AccountKind =
  | 'representative'
  | 'regulator'
  | 'establishment'
  | 'assurance_maladie_feed'
  | 'heir'
  | 'analyst'
  | 'forbidden_organisation'
  | 'operator'
  | 'host_physician';
export const ACCOUNT_KINDS: readonly AccountKind[] = [
  'representative',
  'regulator',
  'establishment',
  'assurance_maladie_feed',
  'heir',
  'analyst',
  'forbidden_organisation',
  'operator',
  'host_physician',
];

export interface AccountSpec {
  /** The actor id tokens are minted for, e.g. `samu:75`. */
  id: string;
  kind: AccountKind;
  displayName: string;
  /** regulator: samuCentre; establishment: finess; forbidden_organisation: organisation. */
  attributes?: Record<string, string>;
  /**
   * representative only: the persons the Assurance maladie attaches to this account's cover (ayants droit, CSS
   * art. L160-2), each with the identity it holds for them. They form the account's family list (no access).
   */
  beneficiaries?: BeneficiarySpec[];
}

/** A person on an insured's cover, as the Assurance maladie states them. */
export interface BeneficiarySpec {
  ins: string;
  /** @default NIR */
  insKind?: 'NIR' | 'NIA' | 'TEST' | 'DEMO';
  identity: PersonIdentitySpec;
}

/** A person's strict traits, as the registry or the Assurance maladie states them. */
export interface PersonIdentitySpec {
  birthName: string;
  usedName?: string | null;
  firstName: string;
  givenNames?: string[];
  sex: 'F' | 'M';
  birthDate: string;
  birthplaceCode: string;
}

export type AuthorSpec =
  | { rpps: string }
  | { kind: 'PATIENT' }
  | { kind: 'ALIM_AM' }
  | { kind: 'ESTABLISHMENT'; finess: string; name: string };

export interface DocumentSpec {
  /** Stable id; derived from the patient, the source and the position when absent. */
  id?: string;
  typeCode: string;
  title: string;
  author: AuthorSpec;
  /** ISO 8601 instant of the care. */
  effectiveAt: string;
  /** ISO 8601 instant of deposit; defaults to effectiveAt. */
  depositedAt?: string;
  visibility?: string[];
}

export interface HospitalReportSpec extends DocumentSpec {
  stayStart?: string;
  stayEnd?: string;
  careUnit?: string;
  summary?: string;
}
export interface DccRecordSpec extends DocumentSpec {
  tumourSiteCode?: string;
  tumourSiteLabel?: string;
  meetingDate?: string;
  decision?: string;
  summary?: string;
}
export interface DispensationSpec extends DocumentSpec {
  cip13: string;
  atc: string;
  productName: string;
  productCategory: 'STANDARD' | 'VACCINE' | 'BIOLOGICAL';
  quantity: number;
  prescribed: boolean;
}
export interface CareLineSpec extends DocumentSpec {
  actSystem: 'CCAM' | 'NGAP' | 'NABM' | 'CIP13' | 'LPP';
  actCode: string;
  actLabel: string;
  boxes?: number | null;
  executor?: { rpps: string } | null;
  prescriber?: { rpps: string } | null;
  /** Where the care took place; its name defaults to that of a stated professional's establishment with this FINESS. */
  establishment?: { finess: string; name?: string | null } | null;
  amountCents: number;
  reimbursedCents: number;
}
export interface PersonalDocumentSpec extends DocumentSpec {
  mimeType?: DocumentMimeType;
  body?: string;
}

export interface PersonalSpaceSpec {
  documents?: PersonalDocumentSpec[];
  allergies?: {
    substance: string;
    reaction?: string;
    severity: 'MILD' | 'MODERATE' | 'SEVERE' | 'UNKNOWN';
    recordedAt: string;
  }[];
  antecedents?: { kind: 'MEDICAL' | 'SURGICAL' | 'FAMILY'; label: string; sinceYear?: number; recordedAt: string }[];
  vaccinations?: { vaccine: string; administeredOn: string; lot?: string; recordedAt: string }[];
  emergencyContacts?: { name: string; relation: string; phone: string; isTrustedPerson?: boolean }[];
  organDonation?: 'NOT_STATED' | 'NO_OBJECTION' | 'OBJECTS';
}

export interface PatientSpec {
  ins: string;
  /** Which register issued the INS. @default NIR */
  insKind?: 'NIR' | 'NIA' | 'TEST' | 'DEMO';
  identity: PersonIdentitySpec & { status?: 'PROV' | 'RECUP' | 'VALI' | 'QUAL' };
  dmp?: {
    status?: 'ACTIVE' | 'CLOSED' | 'DELETED';
    createdAt?: string;
    closedAt?: string | null;
    consents?: { etreat?: boolean; btg?: boolean; masked?: boolean };
    secondaryUse?: boolean;
    heirsObjection?: boolean;
    /** The patient's death (the record is then CLOSED). */
    deceasedOn?: string | null;
  };
  careTeam?: { medecinTraitant?: string | null; administrators?: string[]; authorised?: string[]; blocked?: string[] };
  representatives?: { account: string; relation: string; until?: string | null }[];
  /** Département of residence (INSEE); @default the birth département (domain/geo.ts defaultResidence). */
  residenceDepartement?: string;
  /** Heirs registered after the death (ayants droit, concubin, partenaire de PACS). */
  heirs?: { account: string; relation: 'AYANT_DROIT' | 'CONCUBIN' | 'PACS' }[];
  hospitalReports?: HospitalReportSpec[];
  oncologyRecords?: DccRecordSpec[];
  dispensations?: DispensationSpec[];
  careLines?: CareLineSpec[];
  personalSpace?: PersonalSpaceSpec;
}

/** Professionals and accounts already known (earlier chunks of a seed), so references to them are valid. */
export interface ScenarioIndex {
  professionals: Map<string, ProfessionalSpec>;
  accounts: Map<string, AccountSpec>;
}

export function indexOf(scenario: Scenario, base?: ScenarioIndex): ScenarioIndex {
  return {
    professionals: new Map([
      ...(base?.professionals ?? []),
      ...(scenario.professionals ?? []).map((p) => [p.rpps, p] as const),
    ]),
    accounts: new Map([...(base?.accounts ?? []), ...(scenario.accounts ?? []).map((a) => [a.id, a] as const)]),
  };
}
