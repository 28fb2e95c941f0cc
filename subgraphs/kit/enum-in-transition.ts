import { registerEnumType } from 'type-graphql';

/** One value of an enum moving to SCREAMING_CASE: what it carries inside, and what it means. */
export interface EnumValueInTransition<V extends string> {
  readonly value: V;
  readonly description: string;
}

/**
 * Registers an enum whose names move to the schema's SCREAMING_CASE convention (schema/CHANGELOG.md, "Deprecated").
 * Each value is declared under its SCREAMING name, accepted from now on, and under its lower-case name, deprecated
 * for its period. Both names carry the same value inside. An answer still says the lower-case name until the period
 * ends, because graphql-js serialises a value by the last name declared for it, and the lower-case names come last.
 * `values` is keyed by the lower-case name, in the order the schema lists them.
 */
export function registerEnumInTransition<V extends string>(
  name: string,
  description: string,
  values: Readonly<Record<string, EnumValueInTransition<V>>>,
): Record<string, V> {
  const entries = Object.entries(values);
  const screaming = (lower: string) => lower.toUpperCase();
  const enumObject: Record<string, V> = {
    ...Object.fromEntries(entries.map(([lower, { value }]) => [screaming(lower), value])),
    ...Object.fromEntries(entries.map(([lower, { value }]) => [lower, value])),
  };
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      entries.flatMap(([lower, { description: meaning }]) => [
        [screaming(lower), { description: meaning }],
        [lower, { description: meaning, deprecationReason: `Use ${screaming(lower)}.` }],
      ]),
    ),
  });
  return enumObject;
}
