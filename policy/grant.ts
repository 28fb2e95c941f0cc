import type { Ins } from '../domain/ins';
import type { AccessMode, ProfessionCode, VisibilityLabel } from '../domain/codes';
import type { GrantRule } from './rules';
import type { MaskingPeriod } from './default-masking';

/**
 * How the actor reaches this record: a TRE_R248 mode for professionals, as the patient's own side, as an heir,
 * or as the caregiver the patient chose (who reads for them and acts on nothing: docs/law.md §3).
 */
export type GrantMode = AccessMode | 'patient' | 'representative' | 'heir' | 'caregiver';

/**
 * The registry's decision for one actor on one patient, handed to the source subgraphs through
 * `Patient.accessGrant` (federation @requires): sources never read the registry's tables, they apply this.
 */
export interface AccessGrant {
  ins: Ins;
  actorId: string;
  mode: GrantMode;
  /** Whose column of the habilitation matrix applies; null: every type (the patient's side, the médecin traitant). */
  matrixProfession: ProfessionCode | null;
  /** When set, only these document types (heirs' limited access); applies on top of the matrix column. */
  typeCodes?: string[] | null;
  /** Documents carrying any of these labels stay hidden (INVISIBLE_PATIENT is revealed after one month). */
  hiddenLabels: VisibilityLabel[];
  /** MASQUE_PS documents are shown (médecin traitant; bris de glace and centre 15 with the MASKED consent). */
  maskedVisible: boolean;
  /** The declared emergency, in bris de glace: every trace made under this grant carries it. */
  justification?: string | null;
  /** Ids of the documents the patient masked (the registry holds masks; sources filter and label with this). */
  maskedDocumentIds?: string[];
  /**
   * The spans during which the patient masked new documents by default (policy/default-masking.ts): a document
   * whose lineage was deposited within one is masked as the ids above are, unless the patient unmasked it since.
   */
  maskedByDefault?: MaskingPeriod[];
  /** Ids of the documents the patient unmasked: their word on a document prevails over their default. */
  unmaskedDocumentIds?: string[];
  /**
   * Ids of the documents the minor keeps secret from their representatives (the registry holds these too):
   * sources label them INVISIBLE_REPRESENTANTS_LEGAUX, and a grant that hides that label hides them.
   */
  secretDocumentIds?: string[];
  /** The patient is a minor at the request's instant (what only a minor may decide: policy/document-capabilities.ts). */
  patientIsMinor?: boolean;
  /** Author id to whom their own masked documents stay visible. */
  authorId: string | null;
  /** The rule of decide() that allowed it, cited by the access trace. */
  rule: GrantRule;
}
