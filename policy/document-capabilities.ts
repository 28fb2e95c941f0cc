import type { DocumentSourceName } from '../domain/sources';
import type { AccessGrant } from './grant';

/**
 * What the reader may do with one document, as a front end shows its buttons. Each flag is true exactly when
 * the mutation it names would be allowed by the rules it names, for this reader and this document now.
 */
export interface DocumentCapabilities {
  /** setDocumentMasked(masked: true): the patient's side masks from professionals (MASQUE_PS; docs/law.md §4). */
  canMask: boolean;
  /** setDocumentMasked(masked: false): the patient's side lifts its mask. */
  canUnmask: boolean;
  /** setDocumentSecretFromRepresentatives(secret: true): the minor alone (L1111-5). */
  canKeepSecret: boolean;
  /** setDocumentSecretFromRepresentatives(secret: false): the minor lifts a secret they set (not an author's label). */
  canShareSecret: boolean;
  /** deletePersonalDocument: the patient's side deletes what the patient wrote in the personal space. */
  canDelete: boolean;
  /** requestDocumentDeletion: the patient's side asks the host's médecin to delete what another wrote (R1111-51). */
  canRequestDeletion: boolean;
}

const NONE: DocumentCapabilities = {
  canMask: false,
  canUnmask: false,
  canKeepSecret: false,
  canShareSecret: false,
  canDelete: false,
  canRequestDeletion: false,
};

/** Pure: from the grant the document was read under and what the document says of itself. */
export function documentCapabilities(
  grant: AccessGrant,
  doc: {
    id: string;
    lineageId?: string | null;
    source: DocumentSourceName;
    authorKind: string;
    visibility: readonly string[];
  },
): DocumentCapabilities {
  if (grant.mode !== 'patient' && grant.mode !== 'representative') return NONE;
  const masked = doc.visibility.includes('MASQUE_PS');
  const secret = doc.visibility.includes('INVISIBLE_REPRESENTANTS_LEGAUX');
  const keptByMinor = [doc.id, doc.lineageId].some((id) => id && grant.secretDocumentIds?.includes(id));
  const minorSelf = grant.mode === 'patient' && grant.patientIsMinor === true;
  const own = doc.authorKind === 'PATIENT';
  return {
    canMask: !masked,
    canUnmask: masked,
    canKeepSecret: minorSelf && !secret,
    canShareSecret: minorSelf && keptByMinor,
    canDelete: own && doc.source === 'personal-space',
    canRequestDeletion: !own,
  };
}
