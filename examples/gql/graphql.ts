/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the patient side files its access history (domain/trace-actions.json). */
export type AccessKind =
  /** Authorisations, blocks, masks, consents */
  | 'CONSENT'
  /** Consultations of the record */
  | 'CONSULTATION'
  /** Documents added, replaced, erased */
  | 'DOCUMENT'
  /** Emergency accesses: bris de glace, the SAMU centre 15 */
  | 'EMERGENCY'
  /** Anything else */
  | 'OTHER'
  /** The record itself: creation, closure, representatives, copies, deletion */
  | 'RECORD';

/** How the reader reaches the record: a TRE_R248 mode for professionals, or the patient's own side. */
export type AccessMode =
  /** A professional facing an emergency, under bris de glace (TRE_R248; docs/law.md §3). */
  | 'BRIS_DE_GLACE'
  /** The caregiver the patient chose (CASF L113-1-3; docs/law.md §3, "Caregivers"). */
  | 'CAREGIVER'
  /** A SAMU centre 15 regulator (TRE_R248 mode centre 15). */
  | 'CENTRE_15'
  /** An heir after the death (L1111-18). */
  | 'HEIR'
  /** A professional, under an authorisation, the care team, or as médecin traitant or administrator (TRE_R248 mode normal). */
  | 'NORMAL'
  /** The patient on their own record. */
  | 'PATIENT'
  /** A legal representative of the patient (a minor’s parent, an adult’s tutor or curator). */
  | 'REPRESENTATIVE'
  /** A professional facing an emergency, under bris de glace (TRE_R248; docs/law.md §3). */
  | 'bris_de_glace'
  /** The caregiver the patient chose (CASF L113-1-3; docs/law.md §3, "Caregivers"). */
  | 'caregiver'
  /** A SAMU centre 15 regulator (TRE_R248 mode centre 15). */
  | 'centre_15'
  /** An heir after the death (L1111-18). */
  | 'heir'
  /** A professional, under an authorisation, the care team, or as médecin traitant or administrator (TRE_R248 mode normal). */
  | 'normal'
  /** The patient on their own record. */
  | 'patient'
  /** A legal representative of the patient (a minor’s parent, an adult’s tutor or curator). */
  | 'representative';

/** How severe the patient says their reactions to an allergen are: their own estimate, not a clinical grade. */
export type AllergySeverity =
  /** Mild, as the patient judges it. */
  | 'MILD'
  /** Moderate, as the patient judges it. */
  | 'MODERATE'
  /** Severe, as the patient judges it. */
  | 'SEVERE'
  /** The patient does not know how severe it is, or did not say. */
  | 'UNKNOWN';

/** The nine spaces the DMP presents documents in. */
export type DmpSpace =
  /** Biology and molecular genetics reports (JDV_J07 11502-2, 51969-4, and DOCPAT05 when the patient deposits one). */
  | 'ANALYSES'
  /** Certificates and declarations (TRE_A03 class 52), except vaccination documents. */
  | 'CERTIFICATS'
  /** Reports (TRE_A03 class 10), except the biology and prevention ones (ANALYSES, PREVENTION). */
  | 'COMPTES_RENDUS'
  /** What the patient deposited (TRE_A03 class 90), management documents (class 95), and any document no other space takes. */
  | 'ESPACE_PERSONNEL'
  /** Medical imaging (TRE_A03 class 31). */
  | 'IMAGERIE'
  /** Vaccinations and prevention: vaccination history, notes and certificates, preventive and screening reports, the personalised prevention plan, the child health and prevention check (the JDV_J07 types domain/spaces.json lists). */
  | 'PREVENTION'
  /** Reimbursement data fed by the Assurance maladie (TRE_A03 class 60). */
  | 'REMBOURSEMENT'
  /** Syntheses (TRE_A03 class 11), except the child health and prevention check (PREVENTION). */
  | 'SYNTHESES'
  /** Prescriptions, dispensations, care plans and treatments administered (TRE_A03 classes 42 to 45), except the prevention plan. */
  | 'TRAITEMENTS';

/** DMP creation, the first access of a professional, every emergency access, a new document, a consent to access recorded by a professional at a consultation, a legal representative added or removed, a request to delete a document decided by the host's médecin. */
export type NotificationKind =
  /** A professional recorded, at a consultation, the patient’s consent to access (L1111-15). A reader may turn its delivery off. */
  | 'CONSENT_RECORDED'
  /** The DMP was created (L1111-14). */
  | 'DMP_CREATED'
  /** The host's médecin decided on a request to delete a document (R1111-51). A reader may turn its delivery off. */
  | 'DOCUMENT_DELETION_DECIDED'
  /** An emergency access: bris de glace or the SAMU centre 15. */
  | 'EMERGENCY_ACCESS'
  /** A professional accessed the record for the first time. */
  | 'FIRST_ACCESS'
  /** A new document was deposited in the record (`document` names it). A reader may turn its delivery off. */
  | 'NEW_DOCUMENT'
  /** A legal representative was added. A reader may turn its delivery off. */
  | 'REPRESENTATIVE_ADDED'
  /** A legal representative was removed. A reader may turn its delivery off. */
  | 'REPRESENTATIVE_REMOVED';

/** Sex, as the identity register (RNIV) holds it. */
export type Sex =
  /** Female. */
  | 'F'
  /** Male. */
  | 'M';

/** Traits heard on the call, as uncertain as the caller: one of a birth date, a birth year, or an age range; then a name and/or a first name; the rest, when known, ranks. The wider the date, the more traits a question must give (policy/trait-search-demand.json). */
export type SpokenIdentityTraits = {
  /** The youngest age the caller gives ("75 to 85"), in whole years on today’s Paris date; with ageTo. */
  ageFrom?: number | null | undefined;
  /** The oldest age the caller gives, in whole years; with ageFrom. */
  ageTo?: number | null | undefined;
  /** The birth date as heard: day and month swapped and one wrong digit still match, lower. */
  birthDate?: string | null | undefined;
  /** INSEE code of the département of birth (01–95, 2A, 2B, 971–976); ranks, does not exclude. */
  birthDepartement?: string | null | undefined;
  /** Only the year of birth, when the caller knows no more. */
  birthYear?: number | null | undefined;
  /** INSEE code of the commune of birth (99 + country abroad); ranks, does not exclude. */
  birthplaceCode?: string | null | undefined;
  /** First name(s) as heard, by their parts: "Jean-Pierre", "Jean Pierre", "Pierre" and "J.-Pierre" all find Jean-Pierre. */
  firstName?: string | null | undefined;
  /** Birth name or used name as heard: spelt, mis-spelt, or its first letters; accents, case, hyphens and particles do not matter. */
  name?: string | null | undefined;
  /** INSEE code of the département where the patient lives; ranks, does not exclude. */
  residenceDepartement?: string | null | undefined;
  /** When given, must agree. */
  sex?: Sex | null | undefined;
};

/** An identity trait heard on a centre 15 call (RNIV traits, and where the patient lives). */
export type SpokenTrait =
  /** The INSEE code of the commune of birth (99 + country abroad). */
  | 'BIRTHPLACE'
  /** The birth date, or what the caller knows of it (a birth year, an age range). */
  | 'BIRTH_DATE'
  /** The INSEE code of the département of birth. */
  | 'BIRTH_DEPARTEMENT'
  /** The first name(s). */
  | 'FIRST_NAME'
  /** The birth name or used name. */
  | 'NAME'
  /** The INSEE code of the département where the patient lives. */
  | 'RESIDENCE_DEPARTEMENT'
  /** The sex. */
  | 'SEX';

/** How a trait given agrees with the candidate: EXACT; PHONETIC (same sound, French phonetic key); APPROXIMATE (trigram-similar spelling); PREFIX (first letters); INITIAL (a first name by its initial); SWAPPED_DAY_MONTH, ONE_DIGIT (one digit of the date wrong, or the year off by one), BIRTH_YEAR, AGE_RANGE (for the birth date); SAME_DEPARTEMENT (another commune of the birthplace’s département); DISAGREES (given and different: it lowers the score). */
export type TraitAgreement =
  /** The age range given holds the candidate’s age on today’s Paris date. */
  | 'AGE_RANGE'
  /** A similar spelling (trigram similarity). */
  | 'APPROXIMATE'
  /** The birth year given agrees with the candidate’s birth date. */
  | 'BIRTH_YEAR'
  /** Given and different: it lowers the score. */
  | 'DISAGREES'
  /** The same value (accents, case, hyphens and particles aside). */
  | 'EXACT'
  /** A first name given by its initial, which the candidate’s first name starts with. */
  | 'INITIAL'
  /** The birth date with one digit wrong, or the year off by one. */
  | 'ONE_DIGIT'
  /** The same sound: the same French phonetic key, spelt differently. */
  | 'PHONETIC'
  /** The value given is the first letters of the candidate’s. */
  | 'PREFIX'
  /** Another commune of the same département as the candidate’s birthplace. */
  | 'SAME_DEPARTEMENT'
  /** The birth date with its day and month swapped. */
  | 'SWAPPED_DAY_MONTH';

/** TRE_A07 visibility labels used by the DMP. */
export type VisibilityLabel =
  /** Set by the author: hidden from the patient's side until the consultation d'annonce, one month after the deposit at the latest (R1111-53). */
  | 'INVISIBLE_PATIENT'
  /** Hidden from the patient's legal representatives: a minor's secret (L1111-5), set by the author at deposit or by the minor afterwards. */
  | 'INVISIBLE_REPRESENTANTS_LEGAUX'
  /** Masked by the patient: hidden from professionals except its author, the médecin traitant and the administrators the patient named; in an emergency access only with the patient's MASKED consent. Not a deletion. */
  | 'MASQUE_PS';

export type SpokenSearchQueryVariables = Exact<{
  traits: SpokenIdentityTraits;
}>;


export type SpokenSearchQuery = { searchPatientsBySpokenTraits: { count: number, truncated: boolean, candidates: Array<{ score: number, matches: Array<{ trait: SpokenTrait, how: TraitAgreement }>, identity: { ins: string | null, firstName: string, usedName: string | null, birthName: string, birthDate: string, sex: Sex, openable: boolean } }> } | null };

export type EmergencySummaryQueryVariables = Exact<{
  ins: string;
}>;


export type EmergencySummaryQuery = { patient: { identity: { firstName: string, usedName: string | null, birthName: string, birthDate: string, sex: Sex }, access: { mode: AccessMode }, personalSpace: { bloodGroup: { label: string } | null, allergies: Array<{ substance: string, reaction: string | null, severity: AllergySeverity }> | null, treatments: Array<{ name: string, dosage: string | null }> | null, trustedPerson: { name: string, relation: string, phone: string } | null, emergencyContacts: Array<{ name: string, relation: string, phone: string }> | null, advanceDirectives: { nodes: Array<{ title: string, effectiveAt: string }> } } | null, dispensations: { nodes: Array<{ productName: string, effectiveAt: string }> } | null, hospitalReports: { nodes: Array<{ title: string, effectiveAt: string, careUnit: string | null }> } | null } | null };

export type MyRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordQuery = { viewer: { displayName: string | null, record: { ins: string, unreadNotificationCount: number | null, identity: { firstName: string, usedName: string | null, birthName: string, birthDate: string }, documents: { totalCount: number, nodes: Array<{ id: string, title: string, space: DmpSpace, effectiveAt: string, visibility: Array<VisibilityLabel>, author: { name: string | null }, capabilities: { canMask: boolean, canUnmask: boolean } }> } | null, accessTraces: { nodes: Array<{ seq: string, at: string, actorKind: string, actorName: string | null, actorProfessionLabel: string | null, description: string, kind: AccessKind }> } | null, notifications: { nodes: Array<{ id: string, kind: NotificationKind, at: string, read: boolean }> } | null } | null } };

export type SetDocumentMaskedMutationVariables = Exact<{
  ins: string;
  id: string | number;
  masked: boolean;
}>;


export type SetDocumentMaskedMutation = { setDocumentsMasked: { ins: string } | null };

export type MarkNotificationReadMutationVariables = Exact<{
  ins: string;
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationsRead: { unreadNotificationCount: number | null } | null };


export const SpokenSearchDocument = {"__meta__":{"hash":"2900c9e646d99691cc01503852f92b2857b8701041a5d4fe7b9a7bb8d7dba5c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SpokenSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"traits"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SpokenIdentityTraits"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchPatientsBySpokenTraits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"traits"},"value":{"kind":"Variable","name":{"kind":"Name","value":"traits"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trait"}},{"kind":"Field","name":{"kind":"Name","value":"how"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ins"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"usedName"}},{"kind":"Field","name":{"kind":"Name","value":"birthName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"openable"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SpokenSearchQuery, SpokenSearchQueryVariables>;
export const EmergencySummaryDocument = {"__meta__":{"hash":"8025b006013c795b498202bcb0c00e7dae3fefdd4bdd7524f98d74613acfddfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmergencySummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ins"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ins"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ins"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"usedName"}},{"kind":"Field","name":{"kind":"Name","value":"birthName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}}]}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalSpace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bloodGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allergies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"substance"}},{"kind":"Field","name":{"kind":"Name","value":"reaction"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dosage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trustedPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"advanceDirectives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispensations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hospitalReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"typeCodes"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"11490-0","block":false},{"kind":"StringValue","value":"15507-7","block":false},{"kind":"StringValue","value":"34112-3","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"careUnit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EmergencySummaryQuery, EmergencySummaryQueryVariables>;
export const MyRecordDocument = {"__meta__":{"hash":"6a5478fca32b5db332c2bb5bfe63cb07da86f13bc23ef17664f05b808ae15845"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ins"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"usedName"}},{"kind":"Field","name":{"kind":"Name","value":"birthName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"space"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveAt"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canMask"}},{"kind":"Field","name":{"kind":"Name","value":"canUnmask"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessTraces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorProfessionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyRecordQuery, MyRecordQueryVariables>;
export const SetDocumentMaskedDocument = {"__meta__":{"hash":"391859879bfcbf59b94d031c8aa27536b7d10a29d7c5e6b4f3b1b67b11605513"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDocumentMasked"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ins"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"masked"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDocumentsMasked"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ins"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ins"}}},{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"id"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"masked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"masked"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ins"}}]}}]}}]} as unknown as DocumentNode<SetDocumentMaskedMutation, SetDocumentMaskedMutationVariables>;
export const MarkNotificationReadDocument = {"__meta__":{"hash":"ebcb1d53aef38a443dfcd6fd954dca6b0de544e6349b6c156528f00aadf7ff11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ins"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ins"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ins"}}},{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"id"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;