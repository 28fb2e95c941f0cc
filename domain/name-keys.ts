/**
 * Search keys for identity traits (RNIV identitovigilance): accent-, case-, hyphen-, apostrophe- and
 * particle-insensitive. A name gives the key of every word-suffix ("de La Tour d'Auvergne" → DELATOURDAUVERGNE,
 * LATOURDAUVERGNE, TOURDAUVERGNE, DAUVERGNE, AUVERGNE) and the key without particles (TOURAUVERGNE), so that
 * whatever part a caller heard, its first letters match by prefix.
 */
const PARTICLES = new Set([
  'DE',
  'DU',
  'DES',
  'D',
  'LE',
  'LA',
  'LES',
  'L',
  'DEL',
  'DELLA',
  'DELA',
  'VAN',
  'VON',
  'DER',
  'DEN',
  'EL',
  'AL',
  'DA',
  'DOS',
  'DO',
  'DI',
  'O',
  'SAINT',
  'ST',
  'STE',
  'SAINTE',
]);

/** The words of a name, upper case, without accents or ligatures. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[Œœ]/g, 'OE')
    .replace(/[Ææ]/g, 'AE')
    .replace(/ß/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
}

/** What a caller typed, as one key: all its words run together. */
export function queryKey(name: string): string {
  return nameWords(name).join('');
}

/** Every key a stored name answers to. */
export function nameKeys(...names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const words = nameWords(name);
    for (let i = 0; i < words.length; i++) keys.add(words.slice(i).join(''));
    const core = words.filter((w) => !PARTICLES.has(w)).join('');
    if (core) keys.add(core);
  }
  return [...keys];
}
