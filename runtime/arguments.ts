import { checkIns, type Ins } from '../domain/ins';
import { badInput } from './errors';

/** What ids of documents and entries look like, wherever they are given or generated. */
export const DOCUMENT_ID = /^[A-Za-z0-9._:-]{1,80}$/;

/** An INS argument, checked (key included), or BAD_USER_INPUT naming the field: never a lookup of a bad one. */
export function insArgument(raw: string, field = 'ins'): Ins {
  const checked = checkIns(raw);
  if (!checked.ok) throw badInput(field, checked.reason);
  return checked.ins;
}

/** An id argument of a document or entry, or BAD_USER_INPUT naming the field. */
export function idArgument(raw: string, field: string, what = 'a document id'): string {
  if (!DOCUMENT_ID.test(raw)) throw badInput(field, `not ${what}`);
  return raw;
}

/**
 * A list of ids given with a write: each checked (naming `field[i]`), repeats dropped, at most `max` (`noun`
 * names what they are, plural). Null stays null: the write then leaves what the list would replace.
 */
export function idListArgument(
  raw: readonly string[] | null | undefined,
  field: string,
  { max, what, noun }: { max: number; what: string; noun: string },
): string[] | null {
  if (raw == null) return null;
  const unique = [...new Set(raw)];
  if (unique.length > max) throw badInput(field, `at most ${max} ${noun}`);
  unique.forEach((id, i) => idArgument(id, `${field}[${i}]`, what));
  return unique;
}
