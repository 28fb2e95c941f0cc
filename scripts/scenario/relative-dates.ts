/**
 * Scenario files may state dates relative to the moment they are loaded (`now-15d`, `now-3h`, `today-400d`),
 * so that fixtures stay inside or outside retention windows however old the file is.
 */
export const RELATIVE_INSTANT = /^now(-(\d{1,6})([dhm]))?$/;
export const RELATIVE_DATE = /^today(-(\d{1,6})d)?$/;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

export function resolveInstant(value: string, now: Date): string {
  const match = RELATIVE_INSTANT.exec(value);
  if (!match) return value;
  return new Date(now.getTime() - (match[1] ? Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS] : 0)).toISOString();
}

export function resolveDate(value: string, now: Date): string {
  const match = RELATIVE_DATE.exec(value);
  if (!match) return value;
  return new Date(now.getTime() - (match[1] ? Number(match[2]) * UNIT_MS.d : 0)).toISOString().slice(0, 10);
}

/** A copy of the scenario with every relative date made absolute. */
export function resolveRelativeDates<T>(scenario: T, now = new Date()): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return resolveDate(resolveInstant(value, now), now);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(scenario) as T;
}
