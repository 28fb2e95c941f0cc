import { createHmac, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../runtime/store/sql-store';
import type { AccessTrace, StoredTrace } from './trace';

/**
 * Traces that outlive the patient's key (docs/law.md §4): the record's deletion (asked, or at the archive's
 * end) and its purges name the INS,
 * the one trace the law keeps of a deleted record. Every other trace names the patient by a pseudonym.
 */
export const DELETION_ACTIONS: ReadonlySet<string> = new Set(['delete', 'destroy', 'purge']);

/** How a pseudonym starts, so that it can never be mistaken for an INS (15 digits, or 2A/2B). */
export const PSEUDONYM_PREFIX = 'p:';

/** The patient's pseudonym under their key: HMAC-SHA256, 128 bits. Without the key, the INS does not lead to it. */
export function pseudonym(key: string, ins: string): string {
  return PSEUDONYM_PREFIX + createHmac('sha256', Buffer.from(key, 'hex')).update(ins).digest('hex').slice(0, 32);
}

/**
 * The keys of these patients, made on first use when `create` (a random 256-bit key each). Held in the audit
 * store's `patient_key`, which the deletion's purge empties of the patient: the crypto-shredding.
 */
export async function patientKeys(
  tx: SqlExecutor,
  insList: readonly string[],
  options: { create: boolean },
): Promise<Map<string, string>> {
  const wanted = [...new Set(insList)];
  if (wanted.length === 0) return new Map();
  if (options.create)
    await tx.query(
      'INSERT INTO patient_key (ins, key) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [wanted, wanted.map(() => randomBytes(32).toString('hex'))],
    );
  const rows = await tx.query<{ ins: string; key: string }>(
    'SELECT ins, key FROM patient_key WHERE ins = ANY($1::text[])',
    [wanted],
  );
  return new Map(rows.map((r) => [r.ins, r.key]));
}

/**
 * How the traces of this patient name them: their pseudonym, and the INS itself, which rows written before
 * pseudonyms (and the deletion's own) carry. No key: the patient has no trace but those.
 */
export async function tracedAs(tx: SqlExecutor, ins: string): Promise<{ ins: string; pseudonym: string | null }> {
  const key = (await patientKeys(tx, [ins], { create: false })).get(ins);
  return { ins, pseudonym: key ? pseudonym(key, ins) : null };
}

const PATIENT_ACTOR = 'patient:';

/** The INS a patient actor's id carries, or null for any other actor. */
function actorIns(trace: Pick<AccessTrace, 'actorKind' | 'actorId'>): string | null {
  return trace.actorKind === 'patient' && trace.actorId.startsWith(PATIENT_ACTOR)
    ? trace.actorId.slice(PATIENT_ACTOR.length)
    : null;
}

/** Every INS these traces name, as the patient or as the acting patient, that the stored form pseudonymises. */
export function insNamed(traces: readonly AccessTrace[]): string[] {
  return traces
    .filter((t) => !DELETION_ACTIONS.has(t.action))
    .flatMap((t) => [t.patientIns, actorIns(t)])
    .filter((ins): ins is string => ins !== null);
}

/** A trace as the chain stores it: the patient, and a patient acting, named by pseudonym (see DELETION_ACTIONS). */
export function storedForm(trace: AccessTrace, keys: ReadonlyMap<string, string>): StoredTrace {
  const { patientIns, ...rest } = trace;
  if (DELETION_ACTIONS.has(trace.action)) return { ...rest, patientRef: patientIns };
  const named = (ins: string) => {
    const key = keys.get(ins);
    if (!key) throw new Error('a trace names a patient without a key');
    return pseudonym(key, ins);
  };
  const acting = actorIns(trace);
  return {
    ...rest,
    actorId: acting ? PATIENT_ACTOR + named(acting) : trace.actorId,
    patientRef: patientIns === null ? null : named(patientIns),
  };
}

/** The actor id as the patient's side reads it: their own pseudonym back to their INS. */
export function readableActorId(actorId: string, as: { ins: string; pseudonym: string | null }): string {
  return as.pseudonym && actorId === PATIENT_ACTOR + as.pseudonym ? PATIENT_ACTOR + as.ins : actorId;
}

/** The stored actor ids a readable one may have been written as. */
export function storedActorIds(actorId: string, as: { ins: string; pseudonym: string | null }): string[] {
  return actorId === PATIENT_ACTOR + as.ins && as.pseudonym ? [actorId, PATIENT_ACTOR + as.pseudonym] : [actorId];
}
