/**
 * The keys a stored identity answers to in the spoken search (subgraphs/patient/identity-search-variants.*),
 * beside the typed keys of `name-keys.ts`: written with the patient, matched in SQL.
 */
import { nameKeys, nameWords } from './name-keys';
import { phoneticWord } from './phonetic-fr';

/** Ç is [s] whatever follows: read before the accents are dropped, on the stored side and the typed side alike. */
const cedilla = (name: string) => name.replace(/ç/gi, 'S');

/** The phonetic key of every typed key of the birth and used names (each word-suffix, and without particles). */
export function phoneticNameKeys(...names: (string | null | undefined)[]): string[] {
  return [...new Set(nameKeys(...names.map((n) => (n ? cedilla(n) : n))).map(phoneticWord))];
}

/**
 * The first name and given names by their parts, so that "Jean-Pierre", "Jean Pierre", "Pierre" and "J.-Pierre"
 * all find Jean-Pierre: every word, and each name run together (JEANPIERRE). `phonetic[i]` is the key of `words[i]`.
 */
export function firstNameParts(...names: (string | null | undefined)[]): { words: string[]; phonetic: string[] } {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const parts = nameWords(cedilla(name));
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return { words: [...words], phonetic: [...words].map(phoneticWord) };
}
