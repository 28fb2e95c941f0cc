/**
 * A French phonetic key for names heard over the phone: two spellings a French ear cannot tell apart get the
 * same key (Lefèvre / Lefebvre / Lefeuvre, Dupont / Dupond, Philippe / Filip, Gauthier / Gautier). It is a
 * simplified cousin of Phonex (Frédéric Brouard, 1998) and Sonnex: the same idea, sounds rewritten to one
 * spelling each, in a fixed order, with the rules below and their reasons; written here because the project
 * takes no new dependency for it, and kept small so that a regulator's result can be explained.
 *
 * It is deliberately coarse on vowels that French speakers merge (é/è/ai/ei/eu, o/au/eau) and keeps the
 * consonant skeleton, so that different names stay apart (Bernard ≠ Bertrand, Martin ≠ Marten, Lefèvre ≠
 * Lefort). Placeholders in the rewritten word are digits and lower-case letters, which no input contains.
 */
import { nameWords } from './name-keys';

/** Ordered rewrites of one upper-case word (A–Z only), each with why. */
const RULES: readonly (readonly [RegExp, string])[] = [
  // Double letters sound single (Philippe, Rousseau, Matthieu).
  [/([A-Z])\1+/g, '$1'],
  // Y is a vowel I in names (Sylvie / Silvie, Yvette), except between vowels where it is [j] (N'Diaye, Bayard).
  [/(?<=[AEIOU])Y(?=[AEIOU])/g, 'j'],
  [/Y/g, 'I'],
  [/j/g, 'Y'],
  // Final -ER, -EZ, -ET sound [e] (Gauthier, Chavez, Benet): the consonant is silent.
  [/E[RZT]$/, 'E'],
  // Other silent final consonants (Dupont / Dupond, Thomas / Tomas, Bertrand / Bertrant).
  [/([A-Z])[DTSXZ]+$/, '$1'],
  // CHR is [kr] (Christophe); SCH, SH and CH are [ʃ] (Schmitt, Michel / Mishel).
  [/CHR/g, 'KR'],
  [/S?CH|SH/g, 'S'],
  // -ANÇOI- typed without its cedilla (Francois / François) is still [s].
  [/ANCOI/g, 'ANSOI'],
  // PH is F (Philippe / Filip); TH is T (Thomas, Mathieu); any other H is silent.
  [/PH/g, 'F'],
  [/H/g, ''],
  // G is hard before E/I only after U (Guillaume, Guérin: placeholder g), soft otherwise (Georges / Jorge).
  [/GU(?=[EI])/g, 'g'],
  // GE before A/O/U is a soft G whose E is silent (Georges / Jorge, Geoffroy).
  [/GE(?=[AOU])/g, 'J'],
  [/G(?=[EI])/g, 'J'],
  [/g/g, 'G'],
  // [k] has four spellings: QU, Q, C before A/O/U or a consonant, K (Catherine / Katherine, Cristof).
  [/QU/g, 'K'],
  [/Q/g, 'K'],
  [/C(?=[EI])/g, 'S'],
  [/C/g, 'K'],
  // GN is [ɲ], close to NI (Agnès / Aniès); W is V in French names (Wagner, Ludwig); Z is S (Zoé, Suzanne).
  [/GN/g, 'NI'],
  [/W/g, 'V'],
  [/Z/g, 'S'],
  // The B of -BV- is silent (Lefebvre).
  [/BV/g, 'V'],
  // [o]: EAU, AU, O (Rousseau / Rousso, Gautier / Gotier); EAN is AN (Jean / Jan).
  [/EAU|AU/g, 'O'],
  [/EAN/g, 'AN'],
  // Nasal vowels before a consonant or at the end: [ɛ̃] AIN/EIN/IN/IM/UN (3), [ɑ̃] AN/AM/EN/EM (1), [ɔ̃] ON/OM (2).
  [/(AIN|EIN|IN|IM|UN)(?![AEIOU])/g, '3'],
  [/(AN|AM|EN|EM)(?![AEIOU])/g, '1'],
  [/(ON|OM)(?![AEIOU])/g, '2'],
  // [u] OU (placeholder W, free since W became V); [ø]/[œ] EU, OEU, OE and [ɛ] AI, EI merge with E (Lefeuvre).
  [/OU/g, 'W'],
  [/OE|EU|AI|EI/g, 'E'],
  // Letters the rewrites brought together (MATTIEU → MATIE), then a mute final E (Lefèvre, Marie / Mari).
  [/([A-Z0-9])\1+/g, '$1'],
  [/(?<=.)E$/, ''],
];

/** The phonetic key of one word already upper-cased without accents (letters A–Z). */
export function phoneticWord(word: string): string {
  let key = word;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

/**
 * The phonetic key of a name as typed or stored, all its words run together as `queryKey` does (so that
 * "Le Fèvre" and "Lefèvre" agree). Ç is [s] whatever vowel follows (François), so it is read before accents
 * are dropped.
 */
export function phoneticKey(name: string): string {
  const word = nameWords(name.replace(/ç/gi, 'S')).join('');
  return word ? phoneticWord(word) : '';
}
