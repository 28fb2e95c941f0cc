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
