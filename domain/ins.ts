/**
 * INS: the national health identifier (docs/law.md §2). A NIR (or NIA) of 13 characters plus a 2-digit key,
 * with an OID saying which register issued it.
 */
export type Ins = string & { readonly __brand: 'Ins' };

export const INS_OIDS = {
  NIR: '1.2.250.1.213.1.4.8',
  NIA: '1.2.250.1.213.1.4.9',
  TEST: '1.2.250.1.213.1.4.10',
  DEMO: '1.2.250.1.213.1.4.11',
} as const;
export type InsOid = (typeof INS_OIDS)[keyof typeof INS_OIDS];

const SHAPE = /^[12378]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)\d{6}\d{2}$/;

/** Numeric value of the 13 first characters; Corsica's 2A/2B count as 19/18 for the key only. */
function nir13Value(nir13: string): bigint {
  return BigInt(nir13.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118'));
}

/** key = 97 − (NIR13 mod 97). */
export function nirKey(nir13: string): string {
  const key = 97n - (nir13Value(nir13) % 97n);
  return key.toString().padStart(2, '0');
}

export type InsCheck = { ok: true; ins: Ins } | { ok: false; reason: string };

/** Validates a 15-character INS (spaces tolerated) and returns it normalised, or why it is not one. */
export function checkIns(raw: string): InsCheck {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  if (value.length !== 15)
    return { ok: false, reason: `an INS has 15 characters (13 + a 2-digit key), got ${value.length}` };
  if (!SHAPE.test(value))
    return {
      ok: false,
      reason: 'not the shape of a NIR/NIA (sex digit, year, month, département, commune, order, key)',
    };
  const expected = nirKey(value.slice(0, 13));
  if (value.slice(13) !== expected)
    return { ok: false, reason: 'the control key does not match (key = 97 − NIR mod 97)' };
  return { ok: true, ins: value as Ins };
}

export function isIns(raw: string): raw is Ins {
  return checkIns(raw).ok;
}
