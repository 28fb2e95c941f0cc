import type { WritableSource } from './deposit';
import type { ActionRule } from './rules';

/**
 * The registry's consent to one write: this actor may write a document of this type into this source of
 * this patient's record, now. A source writes nothing without it; it lives as long as the request.
 */
export interface WritePermit {
  ins: string;
  actorId: string;
  source: WritableSource;
  typeCode: string;
  /** The rule of mayWrite() that allowed it, cited by the trace. */
  rule: ActionRule;
  /** The writer as document metadata names it, from the registry's directory (never from the caller). */
  author: PermitAuthor;
  /**
   * The documents this patient masked (MASQUE_PS): a new version of one of them must not be made invisible
   * to the patient who masked it.
   */
  maskedDocumentIds: string[];
}

export interface PermitAuthor {
  kind: 'PROFESSIONAL' | 'PATIENT' | 'ALIM_AM' | 'ESTABLISHMENT';
  id: string;
  name: string | null;
  profession: string | null;
  specialty: string | null;
  establishmentFiness: string | null;
  establishmentName: string | null;
}

/** The registry's order to erase one document, every version of it, from one source (R1111-51). */
export interface ErasureOrder {
  ins: string;
  source: string;
  documentId: string;
}

/** The registry's order to erase every row about a deleted patient from one source. */
export interface PurgeOrder {
  ins: string;
  source: string;
}
