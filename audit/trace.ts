import { createHash } from 'node:crypto';
import { revealCutoff } from '../policy/periods';

/** One access to one patient's data by one actor, through one source, in one request (docs/law.md §4). */
export interface AccessTrace {
  at: Date;
  requestId: string;
  operationName: string | null;
  actorId: string;
  actorKind: string;
  actorProfession: string | null;
  actorSpecialty: string | null;
  /** null when the attempt named no valid patient. */
  patientIns: string | null;
  /** The subgraph that served or refused it. */
  source: string;
  /** TRE_R248 mode, or the patient's own side (`patient`, `representative`), or `none` when refused. */
  mode: string;
  /** read, or the write: authorise, revoke, block, mask… */
  action: string;
  /** Document ids, or field groups (identity, careTeam…): never content. */
  touched: string[];
  outcome: 'allowed' | 'denied';
  /** The policy rule that decided (decide() or a field rule). */
  rule: string | null;
  /** The emergency justification, in bris de glace. */
  justification: string | null;
  /** The establishment that vouched for the actor, a member of its staff without a card (its account id). */
  vouchedBy: string | null;
}

/**
 * A trace as the chain holds it (audit/patient-keys.ts): the patient named by a pseudonym under their own key,
 * or by INS in the traces of the record's deletion and in rows chained before pseudonyms.
 */
export interface StoredTrace extends Omit<AccessTrace, 'patientIns'> {
  patientRef: string | null;
}

export interface ChainedTrace extends StoredTrace {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS = 'genesis';

/** The chain link: sha256 over the previous hash and every field of the trace, in a fixed order. */
export function traceHash(prevHash: string, seq: number, trace: StoredTrace): string {
  const canonical = JSON.stringify([
    seq,
    trace.at.toISOString(),
    trace.requestId,
    trace.operationName,
    trace.actorId,
    trace.actorKind,
    trace.actorProfession,
    trace.actorSpecialty,
    trace.patientRef,
    trace.source,
    trace.mode,
    trace.action,
    trace.touched,
    trace.outcome,
    trace.rule,
    trace.justification,
    // Appended only when set, so that every link written before this field existed still verifies.
    ...(trace.vouchedBy ? [trace.vouchedBy] : []),
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * A document hidden from the patient's whole side (awaiting the consultation d'annonce, R1111-53) is named in
 * traces with this prefix, and one a minor keeps secret from their representatives (L1111-5) with `SECRET`: the
 * patient's side reads its history without those names, and without the accesses that touched nothing else,
 * so the history does not reveal what the record hides from them.
 */
export const WITHHELD = 'withheld:';
export const SECRET = 'secret:';

/** Who reads a record's history on the patient's side: the patient themself, or a legal representative. */
export type PatientSide = 'patient' | 'representative';

/** The trace prefixes a reader on this side must not see (the minor sees their own secrets). */
export function hiddenPrefixes(side: PatientSide): string[] {
  return side === 'patient' ? [WITHHELD] : [WITHHELD, SECRET];
}

export function tracedDocument(
  doc: { id: string; visibility: readonly string[]; depositedAt?: Date | null },
  now: Date,
  prefix = '',
): string {
  // R1111-53: INVISIBLE_PATIENT lifts by itself a month after the deposit (as policy/document-filter.ts shows it).
  const awaitingAnnonce =
    doc.visibility.includes('INVISIBLE_PATIENT') && !(doc.depositedAt && doc.depositedAt <= revealCutoff(now));
  const marker = awaitingAnnonce ? WITHHELD : doc.visibility.includes('INVISIBLE_REPRESENTANTS_LEGAUX') ? SECRET : '';
  return `${marker}${prefix}${doc.id}`;
}
